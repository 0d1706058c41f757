package cn.yingji.identity.internal;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit entries into the hash chain ({@code identity.audit_chain}), in the order it finds them
 * committed. One chainer works at a time across all nodes (transaction-scoped advisory lock; the others skip their
 * turn). An entry whose writer commits late is simply chained later, at a later position: the chain's order is
 * the order entries became visible, which is what an auditor can rely on.
 *
 * <p>Which entries can still appear: the log's sequence hands out numbers when writers insert, and a writer's entry
 * becomes visible when it commits. Each run notes the sequence's last number and then the time; once every
 * transaction running in the database started after that time, every entry up to that number is visible or will
 * never be (its writer rolled back), so later runs need not look below it. Routine runs therefore look only above
 * that settled number (about one run's entries under steady load, more while some transaction stays open), never
 * over the whole log. The first run after start and every verification look at the whole log.
 */
@Component
class AuditChainer {

    static final int BATCH = 2_000;

    /** Notes kept for settling later; dropping one only delays settling, so the oldest go when there are more. */
    static final int MAX_MARKS = 600;

    /** The sequence's last number, noted before the time at which it was read. */
    record Mark(long lastSeq, OffsetDateTime at) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    /** Guarded by {@code this}: notes not yet settled, oldest first. */
    private final ArrayDeque<Mark> marks = new ArrayDeque<>();

    /** Guarded by {@code this}: every entry up to this number is chained or will never be visible. */
    private long settled;

    /** Guarded by {@code this}: every entry up to this number is visible or will never be; chained or not yet. */
    private long settleable;

    AuditChainer(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(
            fixedDelayString = "${yingji.audit.chain-interval:1s}",
            initialDelayString = "${yingji.audit.chain-interval:1s}")
    void scheduled() {
        chainPending(false);
    }

    /**
     * Chains every committed entry not yet in the chain.
     *
     * @param full look at the whole log, not only above the settled number
     * @return number of entries chained; 0 also when another node holds the chain
     */
    synchronized int chainPending(boolean full) {
        int total = 0;
        while (true) {
            Batch b = tx.execute(status -> chainBatch(full));
            if (b == null) {
                return total;
            }
            total += b.chained();
            if (b.chained() < BATCH) {
                // committed: every visible entry above the floor is chained, so nothing at or below upTo is missing
                settled = Math.max(settled, b.upTo());
                return total;
            }
        }
    }

    /** What one batch chained, and up to which number every entry was visible to it (or never will be). */
    private record Batch(int chained, long upTo) {}

    /**
     * Notes the sequence's last number and then the time, and raises {@link #settleable} to the highest noted number
     * noted before the oldest running transaction of the database started. A transaction that started later took
     * its numbers later, so above that number; one that started earlier has finished. Only client backends write
     * the log (autovacuum's transactions would only hold the number back), and only the platform's database role:
     * other roles' transactions show no start time in {@code pg_stat_activity}.
     */
    private void settle() {
        jdbc.sql("""
                        with l as materialized (
                            select pg_sequence_last_value(pg_get_serial_sequence('identity.audit_log', 'seq')) v)
                        select coalesce(l.v, 0), clock_timestamp() from l""")
                .query((rs, n) -> new Mark(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
                .list()
                .forEach(marks::addLast);
        while (marks.size() > MAX_MARKS) {
            marks.removeFirst();
        }
        // null when no other transaction runs (a list, since single() refuses a null value)
        OffsetDateTime oldest = jdbc.sql("""
                        select min(xact_start) from pg_stat_activity
                        where datname = current_database() and backend_type = 'client backend'
                          and pid <> pg_backend_pid() and xact_start is not null""")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .list()
                .get(0);
        while (!marks.isEmpty() && (oldest == null || marks.peekFirst().at().isBefore(oldest))) {
            settleable = Math.max(settleable, marks.removeFirst().lastSeq());
        }
    }

    private record Pending(
            long seq,
            OffsetDateTime at,
            String actor,
            String action,
            String entityType,
            String entityId,
            String divisionPath,
            String before,
            String after) {}

    /** One batch in the caller's transaction; null when another node holds the chain. */
    private @Nullable Batch chainBatch(boolean full) {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:k)")
                .param("k", JdbcAuditTrail.CHAIN_LOCK)
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(locked)) {
            return null;
        }
        long[] last = {0};
        String[] prev = {JdbcAuditTrail.GENESIS};
        jdbc.sql("select pos, hash from identity.audit_chain order by pos desc limit 1")
                .query(rs -> {
                    last[0] = rs.getLong("pos");
                    prev[0] = rs.getString("hash");
                });
        // settled before the snapshot of the query below, so that every entry up to it is visible to that query
        settle();
        long upTo = settleable;
        long floor = full ? 0 : settled;
        // The floor bounds both sides of the anti-join: without it on the chain's side, PostgreSQL's merge anti-join
        // read the chain's index from its first entry every second (110,000 entries after a few minutes of load).
        List<Pending> pending = jdbc.sql("""
                        select l.seq, l.at, l.actor, l.action, l.entity_type, l.entity_id, l.division_path,
                               l.before_json, l.after_json
                        from identity.audit_log l
                        where l.seq > :floor
                          and not exists (select 1 from identity.audit_chain c where c.seq = l.seq and c.seq > :floor)
                        order by l.seq
                        limit :n
                        """)
                .param("floor", floor)
                .param("n", BATCH)
                .query((rs, i) -> new Pending(
                        rs.getLong("seq"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getString("division_path"),
                        rs.getString("before_json"),
                        rs.getString("after_json")))
                .list();
        if (pending.isEmpty()) {
            return new Batch(0, upTo);
        }
        long pos = last[0];
        String hashBefore = prev[0];
        List<Object[]> rows = new java.util.ArrayList<>(pending.size());
        for (Pending p : pending) {
            String hash = JdbcAuditTrail.hash(
                    hashBefore,
                    p.at().toInstant(),
                    p.actor(),
                    p.action(),
                    p.entityType(),
                    p.entityId(),
                    p.divisionPath(),
                    p.before(),
                    p.after());
            rows.add(new Object[] {++pos, p.seq(), hashBefore, hash});
            hashBefore = hash;
        }
        jdbc.sql("""
                        insert into identity.audit_chain (pos, seq, prev_hash, hash)
                        select * from unnest(:pos, :seq, :prev, :hash)
                        """)
                .param("pos", rows.stream().map(r -> (Long) r[0]).toArray(Long[]::new))
                .param("seq", rows.stream().map(r -> (Long) r[1]).toArray(Long[]::new))
                .param("prev", rows.stream().map(r -> (String) r[2]).toArray(String[]::new))
                .param("hash", rows.stream().map(r -> (String) r[3]).toArray(String[]::new))
                .update();
        return new Batch(pending.size(), upTo);
    }
}
