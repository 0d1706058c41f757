package cn.yingji.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.support.YingjiTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo events exist once, inside the city, and a restart adds none. */
@YingjiTest
class DemoIncidentsTests {

    private final DemoIncidents demo;
    private final JdbcClient jdbc;

    DemoIncidentsTests(DemoIncidents demo, JdbcClient jdbc) {
        this.demo = demo;
        this.jdbc = jdbc;
    }

    private long demoEvents() {
        return jdbc.sql("select count(*) from incident.incidents where title like '【演示】%'")
                .query(Long.class)
                .single();
    }

    @Test
    void demoEventsAreLoadedOnceInsideTheCity() {
        long before = demoEvents();
        assertThat(before).isEqualTo(DemoIncidents.PLANNED.size());
        assertThat(demo.load(Instant.now())).isZero();
        assertThat(demoEvents()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from incident.incidents where title like '【演示】%'"
                                + " and division_path like '/340100000000/%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
