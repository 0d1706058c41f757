package cn.yingji.callout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.callout.internal.CampaignEngine.Action;
import cn.yingji.callout.internal.CampaignEngine.CallRow;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Answers absorbed in batches: each answer is decided on its own inside the batch (a second "received" to the same
 * call, an answer to another person's call, a reused link or an unknown call is refused with the single-answer
 * error and changes nothing), accepted answers are committed with their timers cancelled, their history and their
 * audit entry, and every caller learns its own outcome.
 */
@cn.yingji.support.YingjiTest
class CalloutAbsorberTests {

    private final CampaignEngine engine;
    private final AnswerAbsorber absorber;
    private final CalloutClock clock;
    private final CalloutFixtures fixtures;
    private final JdbcClient jdbc;

    CalloutAbsorberTests(
            CampaignEngine engine,
            AnswerAbsorber absorber,
            CalloutClock clock,
            CalloutFixtures fixtures,
            JdbcClient jdbc) {
        this.engine = engine;
        this.absorber = absorber;
        this.clock = clock;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void fixedClock() {
        SecurityContextHolder.clearContext();
        clock.use(Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private static CampaignEngine.AnswerRequest req(UUID call, Action a, @org.jspecify.annotations.Nullable UUID who) {
        return CampaignEngine.request(call, a, null, who, "TEST", false);
    }

    @Test
    void aBatchDecidesEachAnswerInOrderAndRefusesWithTheSingleAnswerErrors() {
        UUID c = fixtures.start(fixtures.village(1), false);
        List<CallRow> calls = fixtures.calls(c);
        assertThat(calls.size()).isGreaterThanOrEqualTo(3);
        CallRow a = calls.get(0);
        CallRow b = calls.get(1);
        CallRow d = calls.get(2);
        long auditBefore = auditRows();
        List<Object> out = engine.absorb(List.of(
                req(a.id(), Action.RECEIVED, null),
                req(a.id(), Action.RECEIVED, null),
                req(a.id(), Action.ON_POST, null),
                req(b.id(), Action.RECEIVED, UUID.randomUUID()),
                req(UUID.randomUUID(), Action.RECEIVED, null),
                CampaignEngine.request(d.id(), Action.RECEIVED, null, null, "LINK", true),
                CampaignEngine.request(d.id(), Action.RECEIVED, null, null, "LINK", true)));
        assertThat(out.get(0)).isInstanceOf(CallRow.class);
        assertThat(((CallRow) out.get(0)).state()).isEqualTo("ANSWERED");
        assertThat(out.get(1)).isInstanceOf(ConflictException.class);
        assertThat(((DomainException) out.get(1)).messageKey()).isEqualTo("callout.answer.state");
        assertThat(((CallRow) out.get(2)).state()).isEqualTo("ON_POST");
        assertThat(((DomainException) out.get(3)).messageKey()).isEqualTo("callout.answer.notYours");
        assertThat(out.get(4)).isInstanceOf(NotFoundException.class);
        assertThat(((CallRow) out.get(5)).state()).isEqualTo("ANSWERED");
        assertThat(out.get(6)).isInstanceOf(InvalidInputException.class);
        assertThat(((DomainException) out.get(6)).messageKey()).isEqualTo("callout.link.used");

        assertThat(fixtures.call(a.id()).state()).isEqualTo("ON_POST");
        assertThat(fixtures.pendingTimers(a.id())).isZero();
        assertThat(fixtures.call(b.id()).state()).isEqualTo("CALLING");
        assertThat(fixtures.pendingTimers(b.id())).isEqualTo(1);
        assertThat(fixtures.call(d.id()).state()).isEqualTo("ANSWERED");
        assertThat(fixtures.pendingTimers(d.id())).isZero();
        assertThat(history(a.id())).containsExactly("ANSWERED", "ON_POST");
        assertThat(history(b.id())).isEmpty();
        // one audit entry for the batch (all calls of one village share a district path only per tier)
        assertThat(auditRows() - auditBefore).isBetween(1L, 3L);
    }

    @Test
    void concurrentAnswersThroughTheAbsorberAreEachAcceptedOnceAndDurable() throws Exception {
        UUID c = fixtures.start(fixtures.village(2), false);
        List<CallRow> calls = fixtures.calls(c).stream()
                .filter(x -> x.state().equals("CALLING"))
                .toList();
        assertThat(calls).hasSizeGreaterThan(2);
        List<CompletableFuture<CallRow>> futures = new ArrayList<>();
        List<UUID> of = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (CallRow call : calls) {
                futures.add(absorber.submit(req(call.id(), Action.RECEIVED, null)));
                of.add(call.id());
            }
        }
        CompletableFuture<CallRow> foreign = absorber.submit(req(calls.get(0).id(), Action.ON_POST, UUID.randomUUID()));
        int ok = 0;
        int refused = 0;
        for (CompletableFuture<CallRow> f : futures) {
            try {
                assertThat(f.get().state()).isEqualTo("ANSWERED");
                ok++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                refused++;
            }
        }
        assertThat(ok).isEqualTo(calls.size());
        assertThat(refused).isEqualTo(2 * calls.size());
        try {
            foreign.get();
            throw new AssertionError("another person's answer was taken");
        } catch (ExecutionException e) {
            assertThat(((DomainException) e.getCause()).messageKey()).isEqualTo("callout.answer.notYours");
        }
        for (CallRow call : calls) {
            assertThat(fixtures.call(call.id()).state()).isEqualTo("ANSWERED");
            assertThat(fixtures.pendingTimers(call.id())).isZero();
            assertThat(history(call.id())).containsExactly("ANSWERED");
        }
    }

    @Test
    void cannotInABatchPassesToTheDeputyOrSuperior() {
        UUID c = fixtures.start(fixtures.village(3), false);
        CallRow village = fixtures.call(c, "village");
        List<Object> out = engine.absorb(List.of(req(village.id(), Action.CANNOT, null)));
        assertThat(((CallRow) out.get(0)).state()).isEqualTo("CANNOT");
        assertThat(fixtures.children(village.id())).isNotEmpty();
    }

    private List<String> history(UUID call) {
        return jdbc.sql("""
                        select kind from callout.call_event where call_id = :c
                        and kind in ('ANSWERED', 'ON_POST', 'CANNOT') order by id
                        """).param("c", call).query(String.class).list();
    }

    private long auditRows() {
        return jdbc.sql("select count(*) from identity.audit_log where entity_type like 'callout.call%'")
                .query(Long.class)
                .single();
    }
}
