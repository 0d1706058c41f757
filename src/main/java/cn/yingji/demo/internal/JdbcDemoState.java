package cn.yingji.demo.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The single row of {@code demo.state}: which seed and generator version the database holds. */
@Repository
class JdbcDemoState {

    /**
     * What was loaded.
     *
     * @param seed the seed
     * @param generatorVersion {@link CityGenerator#VERSION} at the time
     * @param divisions divisions written
     * @param grids grids written
     * @param persons persons written (0 when the directory was not available)
     */
    record State(long seed, int generatorVersion, int divisions, int grids, int persons) {}

    private final JdbcClient jdbc;

    JdbcDemoState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<State> find() {
        return jdbc.sql("select seed, generator_version, divisions, grids, persons from demo.state where id = 1")
                .query((rs, n) -> new State(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .optional();
    }

    void save(State s, long tookMs) {
        jdbc.sql("""
                        insert into demo.state (id, seed, generator_version, divisions, grids, persons, loaded_at,
                                                took_ms)
                        values (1, :seed, :version, :divisions, :grids, :persons, now(), :took)
                        on conflict (id) do update
                           set seed = excluded.seed, generator_version = excluded.generator_version,
                               divisions = excluded.divisions, grids = excluded.grids, persons = excluded.persons,
                               loaded_at = excluded.loaded_at, took_ms = excluded.took_ms
                        """)
                .param("seed", s.seed())
                .param("version", s.generatorVersion())
                .param("divisions", s.divisions())
                .param("grids", s.grids())
                .param("persons", s.persons())
                .param("took", tookMs)
                .update();
    }
}
