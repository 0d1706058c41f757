package cn.yingji.identity.internal;

import java.time.OffsetDateTime;
import java.util.List;
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
 */
@Component
class AuditChainer {

    static final int BATCH = 2_000;

    /**
     * Routine runs only look this many entries behind the newest chained one (an anti-join over the window each
     * second, so it must stay small under write load); every {@value #FULL_EVERY}th run and every verification look
     * at everything, so an entry whose writer stayed open longer than that is still chained, only later.
     */
    static final long WINDOW = 10_000;

    static final int FULL_EVERY = 300;

    private int runs;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AuditChainer(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(
            fixedDelayString = "${yingji.audit.chain-interval:1s}",
            initialDelayString = "${yingji.audit.chain-interval:1s}")
    void scheduled() {
        chainPending(++runs % FULL_EVERY == 0);
    }

    /**
     * Chains every committed entry not yet in the chain.
     *
     * @param full look at the whole log, not only the recent window
     * @return number of entries chained; 0 also when another node holds the chain
     */
    int chainPending(boolean full) {
        int total = 0;
        while (true) {
            Integer n = tx.execute(status -> chainBatch(full));
            total += n == null ? 0 : n;
            if (n == null || n < BATCH) {
                return total;
            }
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

    private int chainBatch(boolean full) {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:k)")
                .param("k", JdbcAuditTrail.CHAIN_LOCK)
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        long[] last = {0};
        String[] prev = {JdbcAuditTrail.GENESIS};
        jdbc.sql("select pos, hash from identity.audit_chain order by pos desc limit 1")
                .query(rs -> {
                    last[0] = rs.getLong("pos");
                    prev[0] = rs.getString("hash");
                });
        long floor = full
                ? 0
                : jdbc.sql("select coalesce(max(seq), 0) from identity.audit_chain")
                                .query(Long.class)
                                .single()
                        - WINDOW;
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
                .param("floor", Math.max(0, floor))
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
            return 0;
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
        return pending.size();
    }
}
