package cn.yingji.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.support.YingjiTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fact changes are queued in the writer's transaction and folded into the day and month rollups at every ancestor
 * level: exactly, once, and also while writers and folds run at the same time.
 */
@YingjiTest
class RollupFoldTests {

    private static final String TOWNSHIP = "/340100000000/340102000000/340102001000/";

    private final FactStore facts;
    private final JdbcClient jdbc;

    RollupFoldTests(FactStore facts, JdbcClient jdbc) {
        this.facts = facts;
        this.jdbc = jdbc;
    }

    private List<String> rollup(String table, String type) {
        return jdbc.sql("select division_path || ' ' || day || ' ' || grade || ' ' || events || ' ' || deaths from "
                        + table + " where type_code = :t and events <> 0 order by 1")
                .param("t", type)
                .query(String.class)
                .list();
    }

    @Test
    void aRegradedFactMovesBetweenGradesAtEveryLevelOfBothRollups() {
        String type = "FOLD-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.parse("2019-03-05T02:00:00Z");
        var fact = new FactStore.AccidentFact(
                UUID.randomUUID(), "ACCIDENT", type, true, "GENERAL", TOWNSHIP, at, 2, 0, 0, BigDecimal.ZERO);
        facts.insertAccident(fact);
        facts.updateAccident(fact, fact.withGrade("LARGER"));
        facts.fold();

        assertThat(rollup("stats.accident_rollup", type))
                .containsExactly(
                        "/340100000000/ 2019-03-05 LARGER 1 2",
                        "/340100000000/340102000000/ 2019-03-05 LARGER 1 2",
                        TOWNSHIP + " 2019-03-05 LARGER 1 2");
        assertThat(rollup("stats.accident_month", type))
                .containsExactly(
                        "/340100000000/ 2019-03-01 LARGER 1 2",
                        "/340100000000/340102000000/ 2019-03-01 LARGER 1 2",
                        TOWNSHIP + " 2019-03-01 LARGER 1 2");
        assertThat(jdbc.sql("select count(*) from stats.accident_delta where type_code = :t")
                        .param("t", type)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void concurrentWritersAndFoldsLoseAndDoubleNothing() throws Exception {
        String type = "FOLD-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.parse("2019-04-10T02:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        facts.insertAccident(new FactStore.AccidentFact(
                                UUID.randomUUID(),
                                "ACCIDENT",
                                type,
                                true,
                                "GENERAL",
                                TOWNSHIP,
                                at,
                                1,
                                0,
                                0,
                                BigDecimal.ZERO));
                    }
                    return null;
                }));
            }
            for (int f = 0; f < 2; f++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        facts.fold();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        facts.fold();
        assertThat(rollup("stats.accident_rollup", type))
                .containsExactly(
                        "/340100000000/ 2019-04-10 GENERAL 300 300",
                        "/340100000000/340102000000/ 2019-04-10 GENERAL 300 300",
                        TOWNSHIP + " 2019-04-10 GENERAL 300 300");
        assertThat(rollup("stats.accident_month", type)).contains("/340100000000/ 2019-04-01 GENERAL 300 300");
    }
}
