package cn.yingji.callout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.callout.CalloutPolicy;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * On-post watch with a fixed clock (red policy with 10 minutes to be on post): "received" without "on post" in time
 * is reminded exactly once, then the superior is called; "on post" in time stops the watch.
 */
@cn.yingji.support.YingjiTest
class CalloutOnPostTests {

    private final CampaignEngine engine;
    private final PolicyService policies;
    private final CalloutClock clock;
    private final CalloutFixtures fixtures;
    private final JdbcClient jdbc;
    private Instant t0 = Instant.now();

    CalloutOnPostTests(
            CampaignEngine engine,
            PolicyService policies,
            CalloutClock clock,
            CalloutFixtures fixtures,
            JdbcClient jdbc) {
        this.engine = engine;
        this.policies = policies;
        this.clock = clock;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void fixedClock() {
        SecurityContextHolder.clearContext();
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        at(Duration.ZERO);
        while (engine.fireDue(500) > 0) {}
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private void at(Duration d) {
        clock.use(Clock.fixed(t0.plus(d), ZoneId.of("Asia/Shanghai")));
    }

    private void fireAt(Duration d) {
        at(d);
        while (engine.fireDue(500) > 0) {}
    }

    /** Starts a red campaign under a red policy watching "on post" for 10 minutes (the stored policy is restored). */
    private UUID startWatched(int village) {
        CalloutPolicy red = policies.policy(WarningLevel.RED).orElseThrow();
        try {
            policies.save(new CalloutPolicy(
                    red.level(), red.tiers(), red.channels(), red.answerTimeout(), red.retries(), 10));
            return fixtures.start(fixtures.village(village), false);
        } finally {
            policies.save(red);
        }
    }

    private List<String> history(UUID call) {
        return jdbc.sql("select kind from callout.call_event where call_id = :c order by id")
                .param("c", call)
                .query(String.class)
                .list();
    }

    @Test
    void receivedButNotOnPostIsRemindedOnceThenTheSuperiorIsCalled() {
        UUID c = startWatched(0);
        CampaignEngine.CallRow chief = fixtures.call(c, "county");
        at(Duration.ofMinutes(1));
        engine.answer(chief.id(), CampaignEngine.Action.RECEIVED, null, null, "TEST");
        assertThat(fixtures.pendingTimers(chief.id())).isEqualTo(1);
        int sent = fixtures.messages(chief.id());

        fireAt(Duration.ofMinutes(10));
        assertThat(history(chief.id())).doesNotContain("ONPOST_REMINDED");

        fireAt(Duration.ofMinutes(11));
        assertThat(history(chief.id())).containsOnlyOnce("ONPOST_REMINDED");
        assertThat(fixtures.messages(chief.id())).isEqualTo(sent + 1);
        assertThat(fixtures.children(chief.id())).isEmpty();

        fireAt(Duration.ofMinutes(21));
        assertThat(history(chief.id())).containsOnlyOnce("ONPOST_REMINDED").contains("NOT_ON_POST");
        assertThat(fixtures.children(chief.id())).hasSize(1);
        assertThat(fixtures.children(chief.id()).get(0).reason()).isIn("SUPERIOR", "DUTY_OFFICER");
        assertThat(fixtures.messages(chief.id())).isEqualTo(sent + 1);

        fireAt(Duration.ofMinutes(60));
        assertThat(history(chief.id())).containsOnlyOnce("ONPOST_REMINDED").containsOnlyOnce("NOT_ON_POST");
        assertThat(fixtures.children(chief.id())).hasSize(1);
    }

    @Test
    void onPostInTimeStopsTheWatch() {
        UUID c = startWatched(1);
        CampaignEngine.CallRow chief = fixtures.call(c, "county");
        at(Duration.ofMinutes(1));
        engine.answer(chief.id(), CampaignEngine.Action.RECEIVED, null, null, "TEST");
        at(Duration.ofMinutes(5));
        engine.answer(chief.id(), CampaignEngine.Action.ON_POST, null, null, "TEST");
        assertThat(fixtures.pendingTimers(chief.id())).isZero();
        fireAt(Duration.ofMinutes(30));
        assertThat(history(chief.id())).doesNotContain("ONPOST_REMINDED", "NOT_ON_POST");
        assertThat(fixtures.children(chief.id())).isEmpty();
    }

    @Test
    void anOnPostTimeOutsideOneToTwoHundredFortyMinutesIsRefused() {
        CalloutPolicy red = policies.policy(WarningLevel.RED).orElseThrow();
        assertThatThrownBy(() -> policies.save(new CalloutPolicy(
                        red.level(), red.tiers(), red.channels(), red.answerTimeout(), red.retries(), 0)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(policies.policy(WarningLevel.RED).orElseThrow().onPostMinutes())
                .isEqualTo(red.onPostMinutes());
    }
}
