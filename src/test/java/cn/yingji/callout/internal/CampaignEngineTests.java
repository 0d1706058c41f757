package cn.yingji.callout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.callout.CampaignClosed;
import cn.yingji.callout.PolicyTier;
import cn.yingji.directory.AssignHolder;
import cn.yingji.directory.ChannelType;
import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.Gender;
import cn.yingji.directory.HoldingKind;
import cn.yingji.directory.NewContactChannel;
import cn.yingji.directory.NewPerson;
import cn.yingji.directory.NewPosition;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.PositionId;
import cn.yingji.directory.PositionKinds;
import cn.yingji.geo.Division;
import cn.yingji.monitoring.WarningId;
import cn.yingji.monitoring.WarningIssued;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 叫应 engine with a fixed clock over one village of the demo district (red policy: county chief, township
 * secretary and head, village contact, grid workers; 5 minutes to answer, 2 retries): an answer stops the calls,
 * silence is called again and then escalated to the superior on time, "cannot" passes to the acting holder, a
 * vacant position escalates at once, a warning starts exactly one campaign.
 */
@cn.yingji.support.YingjiTest
@RecordApplicationEvents
class CampaignEngineTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CampaignEngine engine;
    private final CalloutClock clock;
    private final CalloutFixtures fixtures;
    private final DirectoryManagement directoryManagement;
    private final Directory directory;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private Instant t0 = Instant.now();

    @Autowired
    ApplicationEvents events;

    CampaignEngineTests(
            CampaignEngine engine,
            CalloutClock clock,
            CalloutFixtures fixtures,
            DirectoryManagement directoryManagement,
            Directory directory,
            ApplicationEventPublisher publisher,
            TransactionTemplate tx) {
        this.engine = engine;
        this.clock = clock;
        this.fixtures = fixtures;
        this.directoryManagement = directoryManagement;
        this.directory = directory;
        this.publisher = publisher;
        this.tx = tx;
    }

    @BeforeEach
    void fixedClock() {
        SecurityContextHolder.clearContext();
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        at(Duration.ZERO);
        // timers left over by other tests fire now, so they do not mix into this test's counts
        while (engine.fireDue(500) > 0) {}
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private void at(Duration d) {
        clock.use(Clock.fixed(t0.plus(d), ZONE));
    }

    private void fireAt(Duration d) {
        at(d);
        while (engine.fireDue(500) > 0) {}
    }

    @Test
    void theCallListComesFromPositionsOfEveryTier() {
        UUID c = fixtures.start(fixtures.village(0), false);
        List<CampaignEngine.CallRow> calls = fixtures.calls(c);
        assertThat(calls).extracting(CampaignEngine.CallRow::tier).contains("county", "township", "village");
        assertThat(calls).filteredOn(x -> x.tier().equals("county")).hasSize(1);
        assertThat(calls)
                .filteredOn(x -> x.tier().equals("county"))
                .first()
                .extracting(CampaignEngine.CallRow::kind)
                .isEqualTo(PositionKinds.FLOOD_CHIEF);
        assertThat(calls).filteredOn(x -> x.tier().equals("village")).hasSize(1);
        assertThat(calls).allSatisfy(x -> {
            assertThat(x.state()).isEqualTo("CALLING");
            assertThat(x.attempts()).isEqualTo(1);
            assertThat(fixtures.messages(x.id())).isEqualTo(1);
            assertThat(fixtures.pendingTimers(x.id())).isEqualTo(1);
        });
        // the simulator delivered every first attempt at once (zero delay in tests)
        assertThat(calls).allSatisfy(x -> assertThat(fixtures.reached(x.id())).isTrue());
    }

    @Test
    void anAnswerStopsFurtherCallsToThatPersonAtOnce() {
        UUID c = fixtures.start(fixtures.village(0), false);
        CampaignEngine.CallRow chief = fixtures.call(c, "county");
        at(Duration.ofMinutes(2));
        engine.answer(chief.id(), CampaignEngine.Action.RECEIVED, null, null, "TEST");
        assertThat(fixtures.pendingTimers(chief.id())).isZero();
        fireAt(Duration.ofMinutes(30));
        CampaignEngine.CallRow after = fixtures.call(chief.id());
        assertThat(after.state()).isEqualTo("ANSWERED");
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(fixtures.messages(chief.id())).isEqualTo(1);
        assertThat(fixtures.children(chief.id())).isEmpty();
        // then on post with a location
        engine.answer(chief.id(), CampaignEngine.Action.ON_POST, "117.30,31.86", null, "TEST");
        assertThat(fixtures.call(chief.id()).state()).isEqualTo("ON_POST");
    }

    @Test
    void noAnswerIsCalledAgainThenEscalatedToTheSuperiorOnTime() {
        UUID c = fixtures.start(fixtures.village(0), false);
        CampaignEngine.CallRow village = fixtures.call(c, "village");
        fireAt(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(fixtures.call(village.id()).attempts()).isEqualTo(1);
        fireAt(Duration.ofMinutes(5));
        assertThat(fixtures.call(village.id()).attempts()).isEqualTo(2);
        assertThat(fixtures.messages(village.id())).isEqualTo(2);
        fireAt(Duration.ofMinutes(10));
        assertThat(fixtures.call(village.id()).attempts()).isEqualTo(3);
        assertThat(fixtures.children(village.id())).isEmpty();
        fireAt(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(fixtures.call(village.id()).state()).isEqualTo("CALLING");
        fireAt(Duration.ofMinutes(15));
        CampaignEngine.CallRow after = fixtures.call(village.id());
        assertThat(after.state()).isEqualTo("UNANSWERED");
        List<CampaignEngine.CallRow> up = fixtures.children(village.id());
        assertThat(up).hasSize(1);
        assertThat(up.get(0).reason()).isEqualTo("SUPERIOR");
        assertThat(up.get(0).tier()).isEqualTo("township");
        assertThat(up.get(0).kind()).isIn(PositionKinds.TOWNSHIP_PARTY_SECRETARY, PositionKinds.TOWNSHIP_HEAD);
        assertThat(up.get(0).state()).isEqualTo("CALLING");
        assertThat(fixtures.messages(up.get(0).id())).isEqualTo(1);
        // exactly three timers fired for the unanswered call, none pending
        assertThat(fixtures.firedTimers(village.id())).isEqualTo(3);
        assertThat(fixtures.pendingTimers(village.id())).isZero();
    }

    @Test
    void cannotPassesToTheActingHolder() {
        Division v = fixtures.village(1);
        PositionId position = directory
                .positionsAt(v.path(), PositionKinds.VILLAGE_FLOOD_CONTACT)
                .get(0)
                .id();
        PersonId acting = directoryManagement.createPerson(new NewPerson(
                "代理责任人" + UUID.randomUUID().toString().substring(0, 4),
                Gender.FEMALE,
                null,
                v.path(),
                "村委委员",
                List.of(new NewContactChannel(
                        ChannelType.MOBILE, "139" + String.format("%08d", (int) (Math.random() * 1e8)), true))));
        directoryManagement.assignHolder(
                new AssignHolder(position, acting, HoldingKind.ACTING, t0.minusSeconds(3600), "test"));
        UUID c = fixtures.start(v, false);
        CampaignEngine.CallRow village = fixtures.call(c, "village");
        assertThat(village.person()).isNotEqualTo(acting.value());
        engine.answer(village.id(), CampaignEngine.Action.CANNOT, null, null, "TEST");
        assertThat(fixtures.call(village.id()).state()).isEqualTo("CANNOT");
        List<CampaignEngine.CallRow> deputy = fixtures.children(village.id());
        assertThat(deputy).hasSize(1);
        assertThat(deputy.get(0).reason()).isEqualTo("DEPUTY");
        assertThat(deputy.get(0).person()).isEqualTo(acting.value());
        assertThat(deputy.get(0).state()).isEqualTo("CALLING");
    }

    @Test
    void aVacantPositionEscalatesAtOnce() {
        Division v = fixtures.village(2);
        directoryManagement.createPosition(
                new NewPosition("测试空缺防汛责任人", PositionKinds.VILLAGE_FLOOD_CONTACT, v.path(), null, null));
        UUID c = fixtures.start(v, false);
        CampaignEngine.CallRow vacant = fixtures.calls(c).stream()
                .filter(x -> x.positionName().equals("测试空缺防汛责任人"))
                .findFirst()
                .orElseThrow();
        assertThat(vacant.state()).isEqualTo("VACANT");
        assertThat(fixtures.pendingTimers(vacant.id())).isZero();
        List<CampaignEngine.CallRow> up = fixtures.children(vacant.id());
        assertThat(up).hasSize(1);
        assertThat(up.get(0).tier()).isEqualTo("township");
        assertThat(up.get(0).state()).isEqualTo("CALLING");
        assertThat(up.get(0).reason()).isEqualTo("SUPERIOR");
    }

    @Test
    void answeringAnotherPersonsCallIsRefusedAndChangesNothing() {
        UUID c = fixtures.start(fixtures.village(0), false);
        CampaignEngine.CallRow chief = fixtures.call(c, "county");
        assertThatThrownBy(
                        () -> engine.answer(chief.id(), CampaignEngine.Action.RECEIVED, null, UUID.randomUUID(), "APP"))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "callout.answer.notYours");
        assertThat(fixtures.call(chief.id()).state()).isEqualTo("CALLING");
        assertThat(fixtures.pendingTimers(chief.id())).isEqualTo(1);
    }

    @Test
    void aWarningStartsOneCampaignCarryingTheDrillFlagAndClosingPublishesTheFigures() throws InterruptedException {
        WarningId w = new WarningId(UUID.randomUUID());
        Division v = fixtures.village(0);
        WarningIssued issued = new WarningIssued(
                w,
                WarningLevel.RED,
                "RAINSTORM",
                "暴雨红色预警（演练）",
                List.of(v.code().value()),
                List.of(v.path()),
                "test",
                false,
                true,
                t0,
                null,
                t0);
        tx.executeWithoutResult(s -> publisher.publishEvent(issued));
        tx.executeWithoutResult(s -> publisher.publishEvent(issued));
        // the campaign starts after the warning's transaction commits (possibly on another thread): bounded wait
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> !engine.forWarning(w).isEmpty());
        UUID c = engine.forWarning(w).orElseThrow().value();
        assertThat(engine.campaignReadOnly(c).drill()).isTrue();
        List<CampaignEngine.CallRow> calls = fixtures.calls(c);
        assertThat(calls).isNotEmpty();
        for (CampaignEngine.CallRow call : calls) {
            engine.answer(call.id(), CampaignEngine.Action.ON_POST, null, null, "TEST");
        }
        assertThat(engine.campaignReadOnly(c).state()).isEqualTo("CLOSED");
        CampaignClosed closed = events.stream(CampaignClosed.class)
                .filter(e -> e.id().value().equals(c))
                .findFirst()
                .orElseThrow();
        assertThat(closed.drill()).isTrue();
        assertThat(closed.warning()).isEqualTo(w);
        assertThat(closed.onPost()).isEqualTo(calls.size());
        assertThat(closed.persons()).isEqualTo(calls.size());
    }

    static boolean isDesk(String tier) {
        return tier.equals(PolicyTier.DUTY_OFFICER);
    }
}
