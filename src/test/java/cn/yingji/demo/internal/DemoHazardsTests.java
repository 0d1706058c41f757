package cn.yingji.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.support.YingjiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo hazards exist once, inside the city, in many states of the lifecycle; a restart adds none. */
@YingjiTest
class DemoHazardsTests {

    private final DemoHazards demo;
    private final JdbcClient jdbc;

    DemoHazardsTests(DemoHazards demo, JdbcClient jdbc) {
        this.demo = demo;
        this.jdbc = jdbc;
    }

    private long demoHazards() {
        return jdbc.sql("select count(*) from hazard.hazards where title like '【演示】%'"
                        + " and division_path like '/340100000000/%'")
                .query(Long.class)
                .single();
    }

    @Test
    void demoHazardsAreLoadedOnceAcrossTheLifecycle() {
        long before = demoHazards();
        assertThat(before).isEqualTo(36);
        assertThat(demo.load()).isZero();
        assertThat(demoHazards()).isEqualTo(before);
        List<String> states = jdbc.sql("select distinct state from hazard.hazards where title like '【演示】%' order by 1")
                .query(String.class)
                .list();
        assertThat(states)
                .contains(
                        "REPORTED",
                        "VERIFIED",
                        "ASSIGNED",
                        "RECTIFYING",
                        "RECTIFIED",
                        "ACCEPTED",
                        "CLOSED",
                        "REJECTED");
        assertThat(jdbc.sql("select count(*) from hazard.hazards where title like '【演示】%' and supervised")
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
