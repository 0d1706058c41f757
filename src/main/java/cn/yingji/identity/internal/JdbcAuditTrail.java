package cn.yingji.identity.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.db.CommitWrites;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit entries inside the writer's transaction (queued with {@link CommitWrites}, so they are sent with
 * the transaction's other log rows just before it commits). Entries are chained by SHA-256 (each hash covers the
 * entry's fields and the previous hash, so changing or removing any entry breaks every hash after it) — not here,
 * but by {@link AuditChainer} right after they commit, so appends never serialise on a global lock.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    static final String GENESIS = "0".repeat(64);
    static final long CHAIN_LOCK = 0x59494e474a49L; // "YINGJI"

    private final CommitWrites writes;
    private final CurrentUser currentUser;
    private final JsonMapper json;

    JdbcAuditTrail(CommitWrites writes, CurrentUser currentUser, JsonMapper json) {
        this.writes = writes;
        this.currentUser = currentUser;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            String action,
            String entityType,
            String entityId,
            @Nullable String divisionPath,
            @Nullable Object before,
            @Nullable Object after) {
        String actor = currentUser.get().map(a -> a.username()).orElse("system");
        String beforeJson = before == null ? null : toJson(before);
        String afterJson = after == null ? null : toJson(after);
        // Microsecond precision: what PostgreSQL stores is what the hash covers.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // No lock and no hash here: the chainer links committed entries shortly after (see AuditChainer), so
        // concurrent writers never wait for each other's commits.
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("at", at.atOffset(ZoneOffset.UTC));
        params.put("actor", actor);
        params.put("action", action);
        params.put("type", entityType);
        params.put("id", entityId);
        params.put("path", divisionPath);
        params.put("before", beforeJson);
        params.put("after", afterJson);
        // Nothing in the writer's transaction reads its own audit entries: the entry goes with the commit.
        writes.add(INSERT, params);
    }

    private static final String INSERT = """
            insert into identity.audit_log (at, actor, action, entity_type, entity_id, division_path, before_json,
                                            after_json)
            values (:at, :actor, :action, :type, :id, :path, :before, :after)""";

    private String toJson(Object value) {
        return value instanceof String s ? s : json.writeValueAsString(value);
    }

    static String hash(
            String prev,
            Instant at,
            String actor,
            String action,
            String entityType,
            String entityId,
            @Nullable String divisionPath,
            @Nullable String before,
            @Nullable String after) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {
                prev,
                at.toString(),
                actor,
                action,
                entityType,
                entityId,
                String.valueOf(divisionPath),
                String.valueOf(before),
                String.valueOf(after)
            }) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                md.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) ':');
                md.update(bytes);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
