package cn.yingji.identity.internal;

import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-written SQL over {@code identity.users} and {@code identity.user_scopes}. */
@Repository
class JdbcUsers {

    private final JdbcClient jdbc;

    JdbcUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record UserRow(
            UUID id,
            String username,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            boolean enabled,
            String homePath,
            boolean demo,
            int failedLogins,
            @Nullable Instant lockedUntil,
            @Nullable UUID personId,
            @Nullable Instant lastLoginAt,
            int version) {

        UserRow(
                UUID id,
                String username,
                String displayName,
                String passwordHash,
                Set<Role> roles,
                boolean enabled,
                String homePath,
                boolean demo,
                int failedLogins,
                @Nullable Instant lockedUntil) {
            this(
                    id,
                    username,
                    displayName,
                    passwordHash,
                    roles,
                    enabled,
                    homePath,
                    demo,
                    failedLogins,
                    lockedUntil,
                    null,
                    null,
                    0);
        }
    }

    Optional<UserRow> findByUsername(String username) {
        return jdbc.sql("select * from identity.users where lower(username) = lower(:u)")
                .param("u", username)
                .query(JdbcUsers::row)
                .optional();
    }

    Optional<UserRow> findById(UUID id) {
        return jdbc.sql("select * from identity.users where id = :id")
                .param("id", id)
                .query(JdbcUsers::row)
                .optional();
    }

    /**
     * One page of users whose home path matches one of {@code patterns} (LIKE patterns of the caller's view scope),
     * optionally filtered by a text contained in username or display name.
     */
    List<UserRow> page(List<String> patterns, @Nullable String q, long offset, int limit) {
        return jdbc.sql("select * from identity.users where " + FILTER
                        + " order by lower(username) offset :offset limit :limit")
                .param("patterns", patterns)
                .param("q", likeContains(q))
                .param("offset", offset)
                .param("limit", limit)
                .query(JdbcUsers::row)
                .list();
    }

    long countMatching(List<String> patterns, @Nullable String q) {
        return jdbc.sql("select count(*) from identity.users where " + FILTER)
                .param("patterns", patterns)
                .param("q", likeContains(q))
                .query(Long.class)
                .single();
    }

    private static final String FILTER = """
            home_path like any (array[:patterns])
            and (cast(:q as text) is null or lower(username) like :q or lower(display_name) like :q)""";

    private static @Nullable String likeContains(@Nullable String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String escaped = q.trim()
                .toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    Jurisdiction jurisdictionOf(UUID userId) {
        List<String> capture = new ArrayList<>();
        List<String> view = new ArrayList<>();
        jdbc.sql("select kind, division_path from identity.user_scopes where user_id = :id order by division_path")
                .param("id", userId)
                .query(rs -> {
                    if ("CAPTURE".equals(rs.getString(1))) {
                        capture.add(rs.getString(2));
                    } else {
                        view.add(rs.getString(2));
                    }
                });
        return new Jurisdiction(capture, view);
    }

    Account account(UserRow row) {
        return new Account(
                new UserId(row.id()),
                row.username(),
                row.displayName(),
                row.roles(),
                jurisdictionOf(row.id()),
                row.personId());
    }

    long count() {
        return jdbc.sql("select count(*) from identity.users").query(Long.class).single();
    }

    void insert(UserRow row, Jurisdiction jurisdiction) {
        jdbc.sql("""
                        insert into identity.users (id, username, display_name, password_hash, roles, enabled,
                                                    home_path, demo, person_id)
                        values (:id, :username, :displayName, :hash, string_to_array(:roles, ','), :enabled,
                                :homePath, :demo, :personId)
                        """)
                .param("id", row.id())
                .param("username", row.username())
                .param("displayName", row.displayName())
                .param("hash", row.passwordHash())
                .param("roles", roles(row.roles()))
                .param("enabled", row.enabled())
                .param("homePath", row.homePath())
                .param("demo", row.demo())
                .param("personId", row.personId())
                .update();
        replaceScopes(row.id(), jurisdiction);
    }

    /**
     * Changes the administered fields if the row still has {@code version}; returns false when someone else changed
     * it first (optimistic locking).
     */
    boolean update(UUID id, int version, String displayName, Set<Role> roles, boolean enabled) {
        int n = jdbc.sql("""
                        update identity.users
                           set display_name = :name, roles = string_to_array(:roles, ','), enabled = :enabled,
                               version = version + 1, updated_at = now()
                         where id = :id and version = :v
                        """)
                .param("name", displayName)
                .param("roles", roles(roles))
                .param("enabled", enabled)
                .param("id", id)
                .param("v", version)
                .update();
        return n == 1;
    }

    /** Sets a new password hash and clears any lock; false when the version is stale. */
    boolean updatePassword(UUID id, int version, String passwordHash) {
        int n = jdbc.sql("""
                        update identity.users
                           set password_hash = :hash, failed_logins = 0, locked_until = null,
                               version = version + 1, updated_at = now()
                         where id = :id and version = :v
                        """)
                .param("hash", passwordHash)
                .param("id", id)
                .param("v", version)
                .update();
        return n == 1;
    }

    void replaceScopes(UUID userId, Jurisdiction jurisdiction) {
        jdbc.sql("delete from identity.user_scopes where user_id = :id")
                .param("id", userId)
                .update();
        for (String p : jurisdiction.capture()) {
            insertScope(userId, "CAPTURE", p);
        }
        for (String p : jurisdiction.view()) {
            if (!jurisdiction.capture().contains(p)) {
                insertScope(userId, "VIEW", p);
            }
        }
    }

    private void insertScope(UUID userId, String kind, String path) {
        jdbc.sql("insert into identity.user_scopes (user_id, kind, division_path) values (:u, :k, :p)")
                .param("u", userId)
                .param("k", kind)
                .param("p", path)
                .update();
    }

    void recordLoginSuccess(String username) {
        jdbc.sql("""
                        update identity.users set failed_logins = 0, locked_until = null, last_login_at = now()
                        where lower(username) = lower(:u)
                        """).param("u", username).update();
    }

    /** Counts a failed login; locks the account for {@code lockSeconds} once {@code maxFailures} is reached. */
    void recordLoginFailure(String username, int maxFailures, long lockSeconds) {
        jdbc.sql("""
                        update identity.users
                           set failed_logins = failed_logins + 1,
                               locked_until = case when failed_logins + 1 >= :max
                                                   then now() + make_interval(secs => :lock) else locked_until end
                         where lower(username) = lower(:u)
                        """)
                .param("u", username)
                .param("max", maxFailures)
                .param("lock", (double) lockSeconds)
                .update();
    }

    private static String roles(Set<Role> roles) {
        return String.join(",", roles.stream().map(Enum::name).sorted().toList());
    }

    private static UserRow row(ResultSet rs, int n) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array arr = rs.getArray("roles");
        if (arr != null) {
            for (Object o : (Object[]) arr.getArray()) {
                roles.add(Role.valueOf((String) o));
            }
        }
        return new UserRow(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                roles,
                rs.getBoolean("enabled"),
                rs.getString("home_path"),
                rs.getBoolean("demo"),
                rs.getInt("failed_logins"),
                instant(rs, "locked_until"),
                rs.getObject("person_id", UUID.class),
                instant(rs, "last_login_at"),
                rs.getInt("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
