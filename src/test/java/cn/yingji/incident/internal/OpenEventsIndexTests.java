package cn.yingji.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.support.YingjiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partial index of open events (V40_3) serves the lists filtered by state only because those queries also
 * spell out its predicate: with the state as a bind parameter, a generic plan cannot prove {@code state = $1}
 * implies {@code state <> 'CLOSED'}. Checked on generic plans, with sequential scans priced out so the small test
 * table does not hide the choice.
 */
@YingjiTest
class OpenEventsIndexTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void listByOpenStateCanUseThePartialIndexOnlyWithTheLiteralPredicate() {
        assertThat(genericPlan("select count(*) from incident.incidents i where i.state = $1 and i.state <> 'CLOSED'"))
                .contains("incidents_open_idx");
        assertThat(genericPlan("select count(*) from incident.incidents i where i.state = $1"))
                .doesNotContain("incidents_open_idx");
    }

    private String genericPlan(String sql) {
        return tx.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
            jdbc.sql("prepare open_events_probe(text) as " + sql).update();
            try {
                List<String> plan = jdbc.sql("explain execute open_events_probe('REPORTED')")
                        .query(String.class)
                        .list();
                return String.join("\n", plan);
            } finally {
                jdbc.sql("deallocate open_events_probe").update();
            }
        });
    }
}
