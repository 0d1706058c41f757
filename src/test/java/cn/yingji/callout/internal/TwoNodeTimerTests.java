package cn.yingji.callout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.YingjiApplication;
import cn.yingji.support.YingjiTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Durable timers across nodes and restarts: a second (and third) Spring application context on the same database
 * fires the same due timers concurrently with the test's context, and each timer fires exactly once (one attempt,
 * one message, one escalation per due row); a node that dies with a claimed batch uncommitted (as a kill -9 would)
 * leaves its timers pending, and the restarted node fires each of them once.
 */
@YingjiTest
class TwoNodeTimerTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CampaignEngine engine;
    private final CalloutClock clock;
    private final CalloutFixtures fixtures;
    private final JdbcClient jdbc;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private Instant t0 = Instant.now();

    TwoNodeTimerTests(CampaignEngine engine, CalloutClock clock, CalloutFixtures fixtures, JdbcClient jdbc) {
        this.engine = engine;
        this.clock = clock;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void fixedClock() {
        SecurityContextHolder.clearContext();
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.use(Clock.fixed(t0, ZONE));
        while (engine.fireDue(500) > 0) {}
    }

    @AfterEach
    void stopNodes() {
        clock.reset();
        for (ConfigurableApplicationContext n : nodes) {
            n.close();
        }
        nodes.clear();
    }

    private ConfigurableApplicationContext node(String name) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(YingjiApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "yingji.demo.enabled=false",
                        "yingji.callout.node=" + name,
                        "spring.modulith.events.republish-outstanding-events-on-restart=false")
                .run();
        nodes.add(ctx);
        return ctx;
    }

    private static void at(ConfigurableApplicationContext node, Instant at) {
        node.getBean(CalloutClock.class).use(Clock.fixed(at, ZONE));
    }

    private List<UUID> campaigns(int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(fixtures.start(fixtures.village(i), false));
        }
        return out;
    }

    private List<CampaignEngine.CallRow> firstCalls(List<UUID> campaigns) {
        List<CampaignEngine.CallRow> out = new ArrayList<>();
        for (UUID c : campaigns) {
            fixtures.calls(c).stream()
                    .filter(x -> x.reason().equals("FIRST") && x.state().equals("CALLING"))
                    .forEach(out::add);
        }
        return out;
    }

    /** Every unanswered first call: 3 timers fired once each, 3 attempts, 3 messages, one escalation. */
    private void assertFiredExactlyOnce(List<CampaignEngine.CallRow> calls) {
        for (CampaignEngine.CallRow c : calls) {
            CampaignEngine.CallRow now = fixtures.call(c.id());
            assertThat(now.state()).as(c.positionName()).isEqualTo("UNANSWERED");
            assertThat(now.attempts()).as(c.positionName()).isEqualTo(3);
            assertThat(fixtures.messages(c.id())).as(c.positionName()).isEqualTo(3);
            assertThat(fixtures.firedTimers(c.id())).as(c.positionName()).isEqualTo(3);
            assertThat(fixtures.pendingTimers(c.id())).as(c.positionName()).isZero();
            assertThat(jdbc.sql("select count(*) from callout.call_event where call_id = :c and kind = 'CALL'")
                            .param("c", c.id())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(3);
            assertThat(fixtures.children(c.id())).as(c.positionName()).hasSize(1);
        }
    }

    @Test
    void twoNodesFireEachTimerExactlyOnce() throws Exception {
        List<UUID> campaigns = campaigns(3);
        List<CampaignEngine.CallRow> calls = firstCalls(campaigns);
        assertThat(calls).hasSizeGreaterThan(5);
        ConfigurableApplicationContext b = node("node-b");
        CampaignEngine engineB = b.getBean(CampaignEngine.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger firedA = new AtomicInteger();
        AtomicInteger firedB = new AtomicInteger();
        try {
            for (int minutes : new int[] {5, 10, 15}) {
                Instant when = t0.plus(Duration.ofMinutes(minutes));
                clock.use(Clock.fixed(when, ZONE));
                at(b, when);
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Integer> onA = () -> drain(engine, start, firedA);
                Callable<Integer> onB = () -> drain(engineB, start, firedB);
                Future<Integer> fa = pool.submit(onA);
                Future<Integer> fb = pool.submit(onB);
                fa.get();
                fb.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertFiredExactlyOnce(calls);
        assertThat(firedA.get() + firedB.get()).isGreaterThanOrEqualTo(calls.size() * 3);
        List<String> firers = jdbc.sql("""
                        select distinct d.fired_by from callout.due d join callout.call k on k.id = d.call_id
                        where k.campaign_id = any(:c) and d.state = 'FIRED'
                        """)
                .param("c", campaigns.toArray(UUID[]::new))
                .query(String.class)
                .list();
        assertThat(firers).isNotEmpty().isSubsetOf(engine.node(), "node-b");
    }

    private static int drain(CampaignEngine e, CyclicBarrier start, AtomicInteger fired) throws Exception {
        SecurityContextHolder.clearContext();
        start.await();
        int total = 0;
        int n;
        do {
            n = e.fireDue(2);
            total += n;
        } while (n > 0);
        fired.addAndGet(total);
        return total;
    }

    @Test
    void aNodeKilledMidBatchLosesNothingAndTheRestartedNodeFiresEachTimerOnce() {
        List<UUID> campaigns = campaigns(1);
        List<CampaignEngine.CallRow> calls = firstCalls(campaigns);
        ConfigurableApplicationContext b = node("node-b");
        CampaignEngine engineB = b.getBean(CampaignEngine.class);
        Instant five = t0.plus(Duration.ofMinutes(5));
        at(b, five);
        // node B claims a batch and dies before committing (the transaction is rolled back, as after kill -9)
        engineB.latenessProbe(ms -> {
            throw new IllegalStateException("killed");
        });
        assertThatThrownBy(() -> engineB.fireDue(500)).hasMessageContaining("killed");
        b.close();
        nodes.remove(b);
        for (CampaignEngine.CallRow c : calls) {
            assertThat(fixtures.pendingTimers(c.id())).isEqualTo(1);
            assertThat(fixtures.firedTimers(c.id())).isZero();
            assertThat(fixtures.call(c.id()).attempts()).isEqualTo(1);
        }
        // the node comes back (a new application context) and fires what is due, together with node A
        ConfigurableApplicationContext restarted = node("node-b2");
        CampaignEngine engineC = restarted.getBean(CampaignEngine.class);
        for (int minutes : new int[] {5, 10, 15}) {
            Instant when = t0.plus(Duration.ofMinutes(minutes));
            at(restarted, when);
            clock.use(Clock.fixed(when, ZONE));
            while (engineC.fireDue(500) > 0) {}
            assertThat(engine.fireDue(500)).isZero();
        }
        assertFiredExactlyOnce(calls);
    }
}
