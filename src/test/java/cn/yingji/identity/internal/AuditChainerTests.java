package cn.yingji.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.identity.AuditTrail;
import cn.yingji.shared.db.CommitWrites;
import cn.yingji.support.YingjiTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routine chaining looks only above the number it knows to be settled; an entry whose writer stays open while
 * later entries are chained must still be chained once it commits, by routine runs alone (no full pass). Entries
 * are normally sent just before the commit ({@link CommitWrites}), which makes such a gap short but not impossible;
 * the test sends them at once to hold it open.
 */
@YingjiTest
class AuditChainerTests {

    @Autowired
    AuditChainer chainer;

    @Autowired
    AuditTrail audit;

    @Autowired
    CommitWrites writes;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEntryWhoseWriterCommitsLateIsChainedByRoutineRuns() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> late = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            audit.record("update", "idt.late", "late-writer", "/", null, Map.of("v", 1));
            // entries go to the log just before the commit; sent now, the entry takes its number and then waits
            writes.flush();
            long seq = jdbc.sql("select currval(pg_get_serial_sequence('identity.audit_log', 'seq'))")
                    .query(Long.class)
                    .single();
            written.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return seq;
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        long first = 0;
        for (int i = 0; i < 30; i++) {
            long seq = record("after-" + i);
            first = first == 0 ? seq : first;
            chainer.chainPending(false);
        }
        // later entries are chained around the open writer's entry (the scheduled runs may have done some of it)
        assertThat(chained(first)).isTrue();

        release.countDown();
        long lateSeq = late.get(30, TimeUnit.SECONDS);
        assertThat(lateSeq).isLessThan(first);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!chained(lateSeq) && System.nanoTime() < deadline) {
            chainer.chainPending(false);
            // the scheduled run may hold the chain's lock for this turn (then chainPending skips it): try again shortly
            Thread.sleep(100);
        }
        assertThat(chained(lateSeq))
                .as("entry %d chained by routine runs", lateSeq)
                .isTrue();
        assertThat(jdbc.sql("select count(*) from identity.audit_chain where seq = :s")
                        .param("s", lateSeq)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    private long record(String id) {
        return tx.execute(status -> {
            audit.record("update", "idt.late", id, "/", null, Map.of("v", 2));
            writes.flush();
            return jdbc.sql("select currval(pg_get_serial_sequence('identity.audit_log', 'seq'))")
                    .query(Long.class)
                    .single();
        });
    }

    private boolean chained(long seq) {
        return jdbc.sql("select exists (select 1 from identity.audit_chain where seq = :s)")
                .param("s", seq)
                .query(Boolean.class)
                .single();
    }
}
