package cn.yingji.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-written SQL over {@code identity.api_tokens}; only SHA-256 hashes of tokens are stored. */
@Repository
class JdbcApiTokens {

    private final JdbcClient jdbc;

    JdbcApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record TokenRow(
            UUID id,
            UUID userId,
            String name,
            String prefix,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {}

    void insert(UUID id, UUID userId, String name, String prefix, String hash, @Nullable Instant expiresAt) {
        jdbc.sql("""
                        insert into identity.api_tokens (id, user_id, name, token_prefix, token_hash, expires_at)
                        values (:id, :user, :name, :prefix, :hash, :expires)
                        """)
                .param("id", id)
                .param("user", userId)
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", hash)
                .param("expires", offset(expiresAt))
                .update();
    }

    Optional<TokenRow> findByHash(String hash) {
        return jdbc.sql("select * from identity.api_tokens where token_hash = :h")
                .param("h", hash)
                .query(JdbcApiTokens::row)
                .optional();
    }

    Optional<TokenRow> find(UUID id) {
        return jdbc.sql("select * from identity.api_tokens where id = :id")
                .param("id", id)
                .query(JdbcApiTokens::row)
                .optional();
    }

    List<TokenRow> ofUser(UUID userId) {
        return jdbc.sql("select * from identity.api_tokens where user_id = :u order by created_at desc")
                .param("u", userId)
                .query(JdbcApiTokens::row)
                .list();
    }

    long activeCount(UUID userId) {
        return jdbc.sql("""
                        select count(*) from identity.api_tokens
                         where user_id = :u and revoked_at is null and (expires_at is null or expires_at > now())
                        """).param("u", userId).query(Long.class).single();
    }

    boolean revoke(UUID id) {
        return jdbc.sql("update identity.api_tokens set revoked_at = now() where id = :id and revoked_at is null")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Records a use, at most once a minute per token so a busy client does not turn every read into a write. */
    void touch(UUID id) {
        jdbc.sql("""
                        update identity.api_tokens set last_used_at = now()
                         where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')
                        """).param("id", id).update();
    }

    private static @Nullable OffsetDateTime offset(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static TokenRow row(ResultSet rs, int n) throws SQLException {
        return new TokenRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("name"),
                rs.getString("token_prefix"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                instant(rs, "expires_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
