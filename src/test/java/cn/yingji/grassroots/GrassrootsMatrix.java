package cn.yingji.grassroots;

import cn.yingji.support.MatrixContribution;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A township of 庐阳区 for the standardisation endpoints of the jurisdiction matrix. */
@Component
class GrassrootsMatrix implements MatrixContribution {

    private final JdbcClient jdbc;

    GrassrootsMatrix(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of(
                "{township}@standardisation",
                this::foreignTownship,
                "{year}@{township}",
                () -> "2031",
                "{item}@items",
                () -> "LEAD-1",
                "{grid}@plans",
                this::foreignGrid);
    }

    private String foreignGrid() {
        return jdbc.sql(
                        "select code from geo.grids where path like '/340100000000/340103000000/%' order by code limit 1")
                .query(String.class)
                .single()
                .trim();
    }

    private String foreignTownship() {
        return jdbc.sql("""
                        select code from geo.divisions where path like '/340100000000/340103000000/%'
                        and level = 'TOWNSHIP' order by code limit 1
                        """).query(String.class).single().trim();
    }
}
