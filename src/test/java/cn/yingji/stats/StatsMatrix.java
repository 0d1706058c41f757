package cn.yingji.stats;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A disaster-loss report of 庐阳区 for the jurisdiction matrix. */
@Component
class StatsMatrix implements cn.yingji.support.MatrixContribution {

    private final JdbcClient jdbc;
    private String loss;

    StatsMatrix(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of("{id}@losses", this::foreignLoss, "{id}@exports", this::foreignExport);
    }

    private String export;

    /** An export owned by somebody else: never visible to the matrix user. */
    private synchronized String foreignExport() {
        if (export == null) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into stats.export_job (id, owner, kind, params, status, file_path)
                            values (:id, 'district.luyang.matrix', 'accidents', '340103000000', 'READY', '/dev/null')""").param("id", id).update();
            export = id.toString();
        }
        return export;
    }

    private synchronized String foreignLoss() {
        if (loss == null) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into stats.disaster_loss (id, division_code, division_path, period_from, period_to,
                                hazard_kind, affected, relocated, houses_damaged, houses_collapsed, crop_area,
                                direct_loss, created_by)
                            values (:id, '340103000000', '/340100000000/340103000000/', date '2026-07-01',
                                date '2026-07-02', '洪涝', 1, 0, 0, 0, 0, 0, 'matrix')""").param("id", id).update();
            loss = id.toString();
        }
        return loss;
    }
}
