package cn.yingji.identity.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail: browsing inside the viewer's view scope (entries without a division are platform-wide
 * and shown to administrators only) and verifying the hash chain.
 */
@Repository
class AuditLog {

    static final int VERIFY_CHUNK = 1000;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditChainer chainer;

    AuditLog(JdbcClient jdbc, CurrentUser currentUser, AuditChainer chainer) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.chainer = chainer;
    }

    /**
     * One stored entry.
     *
     * @param seq position in the chain
     * @param at when
     * @param actor username, or {@code system}
     * @param action verb
     * @param entityType kind of thing changed
     * @param entityId its id
     * @param divisionPath where it belongs, null for platform-wide things
     * @param before JSON before the write
     * @param after JSON after the write
     * @param prevHash hash of the previous entry in the chain; null while the entry awaits chaining (about a second)
     * @param hash this entry's hash; null while it awaits chaining
     */
    record Entry(
            long seq,
            Instant at,
            String actor,
            String action,
            String entityType,
            String entityId,
            @Nullable String divisionPath,
            @Nullable String before,
            @Nullable String after,
            @Nullable String prevHash,
            @Nullable String hash) {}

    /**
     * Browse filter; every part optional.
     *
     * @param entityType exact entity type
     * @param entityId exact entity id
     * @param actor exact username (case-insensitive)
     * @param from inclusive lower bound of {@code at}
     * @param to exclusive upper bound of {@code at}
     */
    record Filter(
            @Nullable String entityType,
            @Nullable String entityId,
            @Nullable String actor,
            @Nullable Instant from,
            @Nullable Instant to) {}

    /**
     * Result of a chain verification.
     *
     * @param valid true when every entry's hash and link are intact
     * @param checked entries checked (up to and including the first broken one)
     * @param firstBrokenSeq the first entry whose hash or link does not match, if any
     */
    record Verification(
            boolean valid, long checked, @Nullable Long firstBrokenSeq) {}

    private static final String FROM = " from identity.audit_log l left join identity.audit_chain c on c.seq = l.seq";

    private static final String WHERE = """
             where (division_path like any (array[:patterns]) or (division_path is null and :platform))
               and (cast(:type as text) is null or entity_type = :type)
               and (cast(:id as text) is null or entity_id = :id)
               and (cast(:actor as text) is null or lower(actor) = lower(:actor))
               and (cast(:from as timestamptz) is null or at >= :from)
               and (cast(:to as timestamptz) is null or at < :to)
            """;

    @Transactional(readOnly = true)
    PageResult<Entry> page(Filter filter, PageQuery page) {
        Account me = requireAdmin();
        List<Entry> items = bind(
                        jdbc.sql("select l.*, c.prev_hash as chain_prev, c.hash as chain_hash" + FROM + WHERE
                                + " order by l.seq desc offset :offset limit :limit"),
                        filter,
                        me)
                .param("offset", page.offset())
                .param("limit", page.size())
                .query(AuditLog::row)
                .list();
        long total = bind(jdbc.sql("select count(*) from identity.audit_log" + WHERE), filter, me)
                .query(Long.class)
                .single();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f, Account me) {
        return spec.param("patterns", me.jurisdiction().viewPatterns())
                .param("platform", me.has(Role.ADMIN))
                .param("type", blankToNull(f.entityType()))
                .param("id", blankToNull(f.entityId()))
                .param("actor", blankToNull(f.actor()))
                .param("from", offset(f.from()))
                .param("to", offset(f.to()));
    }

    /**
     * Chains whatever is still pending, then walks the whole chain in order, {@value #VERIFY_CHUNK} entries at a
     * time, recomputing every hash. Stops at the first entry whose stored hash differs from the recomputed one or
     * whose link does not point to its predecessor's hash (an edited, inserted or deleted entry).
     */
    @Transactional(readOnly = true)
    Verification verify() {
        chainer.chainPending(true);
        String prev = JdbcAuditTrail.GENESIS;
        long last = 0;
        long checked = 0;
        while (true) {
            List<Chained> chunk = jdbc.sql("""
                            select l.*, c.pos, c.prev_hash as chain_prev, c.hash as chain_hash
                            from identity.audit_chain c join identity.audit_log l on l.seq = c.seq
                            where c.pos > :last order by c.pos limit :n
                            """)
                    .param("last", last)
                    .param("n", VERIFY_CHUNK)
                    .query((rs, n) -> new Chained(rs.getLong("pos"), row(rs, n)))
                    .list();
            for (Chained link : chunk) {
                Entry e = link.entry();
                checked++;
                String expected = JdbcAuditTrail.hash(
                        e.prevHash(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.entityType(),
                        e.entityId(),
                        e.divisionPath(),
                        e.before(),
                        e.after());
                if (!prev.equals(e.prevHash()) || !expected.equals(e.hash())) {
                    return new Verification(false, checked, e.seq());
                }
                prev = e.hash();
                last = link.pos();
            }
            if (chunk.size() < VERIFY_CHUNK) {
                return new Verification(true, checked, null);
            }
        }
    }

    private record Chained(long pos, Entry entry) {}

    private Account requireAdmin() {
        Account me = currentUser.require();
        if (!me.has(Role.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
        return me;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static @Nullable OffsetDateTime offset(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Entry row(ResultSet rs, int n) throws SQLException {
        return new Entry(
                rs.getLong("seq"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("division_path"),
                rs.getString("before_json"),
                rs.getString("after_json"),
                rs.getString("chain_prev"),
                rs.getString("chain_hash"));
    }
}
