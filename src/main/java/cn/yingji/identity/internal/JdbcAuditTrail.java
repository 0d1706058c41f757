package cn.yingji.identity.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit entries inside the writer's transaction. Entries are chained by SHA-256 (each hash covers the
 * entry's fields and the previous hash, so changing or removing any entry breaks every hash after it) — not here,
 * but by {@link AuditChainer} right after they commit, so appends never serialise on a global lock.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    static final String GENESIS = "0".repeat(64);
    static final long CHAIN_LOCK = 0x59494e474a49L; // "YINGJI"

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, CurrentUser currentUser, JsonMapper json) {
        this.jdbc = jdbc;
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
        jdbc.sql("""
                        insert into identity.audit_log (at, actor, action, entity_type, entity_id, division_path,
                                                        before_json, after_json)
                        values (:at, :actor, :action, :type, :id, :path, :before, :after)
                        """)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("actor", actor)
                .param("action", action)
                .param("type", entityType)
                .param("id", entityId)
                .param("path", divisionPath)
                .param("before", beforeJson)
                .param("after", afterJson)
                .update();
    }

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
