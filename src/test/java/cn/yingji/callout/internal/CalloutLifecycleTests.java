package cn.yingji.callout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.geo.Division;
import cn.yingji.monitoring.WarningCancelled;
import cn.yingji.monitoring.WarningId;
import cn.yingji.monitoring.WarningIssued;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.monitoring.WarningUpdated;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A warning's lifecycle drives its campaign after each warning transaction commits: issued → the campaign starts
 * (once, even when the event comes twice); level raised → the tiers the new level's policy adds are called, nobody
 * twice; cancelled → the campaign closes with its timers cancelled. The listeners run after commit (possibly on
 * another thread), so the test waits (bounded) for each outcome; the clock is fixed.
 */
@cn.yingji.support.YingjiTest
class CalloutLifecycleTests {

    private final CampaignEngine engine;
    private final CalloutClock clock;
    private final CalloutFixtures fixtures;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private Instant t0 = Instant.now();

    CalloutLifecycleTests(
            CampaignEngine engine,
            CalloutClock clock,
            CalloutFixtures fixtures,
            ApplicationEventPublisher publisher,
            TransactionTemplate tx,
            JdbcClient jdbc) {
        this.engine = engine;
        this.clock = clock;
        this.fixtures = fixtures;
        this.publisher = publisher;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void fixedClock() {
        SecurityContextHolder.clearContext();
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.use(Clock.fixed(t0, ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    /** Waits (at most 30 s) for an outcome of an after-commit listener; fails when it never comes. */
    private static void eventually(BooleanSupplier condition) {
        Awaitility.await("the listener did not act")
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> publisher.publishEvent(event));
    }

    @Test
    void issuedStartsRaisedCallsTheAddedTiersOnceAndCancelledCloses() throws Exception {
        WarningId w = new WarningId(UUID.randomUUID());
        Division v = fixtures.village(1);
        WarningIssued issued = new WarningIssued(
                w,
                WarningLevel.YELLOW,
                "RAINSTORM",
                "暴雨黄色预警（测试）",
                List.of(v.code().value()),
                List.of(v.path()),
                "test",
                false,
                false,
                t0,
                null,
                t0);
        publish(issued);
        publish(issued);
        eventually(() -> engine.forWarning(w).isPresent());
        UUID c = engine.forWarning(w).orElseThrow().value();
        assertThat(jdbc.sql("select count(*) from callout.campaign where warning_id = :w")
                        .param("w", w.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        List<CampaignEngine.CallRow> first = fixtures.calls(c);
        assertThat(first).extracting(CampaignEngine.CallRow::tier).doesNotContain("village", "grid");
        assertThat(first).extracting(CampaignEngine.CallRow::tier).contains("township");

        publish(new WarningUpdated(
                w,
                WarningLevel.YELLOW,
                WarningLevel.RED,
                List.of(v.code().value()),
                List.of(v.path()),
                false,
                null,
                t0));
        eventually(() -> engine.campaignReadOnly(c).level() == WarningLevel.RED);
        List<CampaignEngine.CallRow> after = fixtures.calls(c);
        assertThat(after).extracting(CampaignEngine.CallRow::tier).contains("village");
        // nobody already called is called again; the first calls are untouched
        List<UUID> persons = after.stream()
                .map(CampaignEngine.CallRow::person)
                .filter(Objects::nonNull)
                .toList();
        assertThat(persons).doesNotHaveDuplicates();
        for (CampaignEngine.CallRow f : first) {
            assertThat(fixtures.call(f.id()).attempts()).isEqualTo(f.attempts());
        }
        // the raised tiers carry the new policy's tier indexes
        assertThat(after)
                .filteredOn(x -> x.tier().equals("village"))
                .allSatisfy(x -> assertThat(x.tierIndex()).isEqualTo(indexOf(engine.campaignReadOnly(c), "village")));
        // the same update again adds nothing
        publish(new WarningUpdated(
                w,
                WarningLevel.YELLOW,
                WarningLevel.RED,
                List.of(v.code().value()),
                List.of(v.path()),
                false,
                null,
                t0));

        publish(new WarningCancelled(w, false, t0));
        eventually(() -> engine.campaignReadOnly(c).state().equals("CLOSED"));
        assertThat(fixtures.calls(c)).hasSize(after.size());
        assertThat(jdbc.sql("""
                                select count(*) from callout.due d join callout.call k on k.id = d.call_id
                                where k.campaign_id = :c and d.state = 'PENDING'
                                """).param("c", c).query(Integer.class).single()).isZero();
        assertThat(fixtures.calls(c)).noneMatch(x -> x.state().equals("CALLING"));
        assertThat(jdbc.sql("""
                                select count(*) from identity.audit_log
                                where entity_type = 'callout.campaign' and entity_id = :c and action = 'close'
                                """).param("c", c.toString()).query(Integer.class).single())
                .isEqualTo(1);
    }

    private static int indexOf(CampaignEngine.CampaignRow campaign, String tier) {
        for (int i = 0; i < campaign.policy().tiers().size(); i++) {
            if (campaign.policy().tiers().get(i).key().equals(tier)) {
                return i;
            }
        }
        return -1;
    }
}
