package cn.yingji.identity.internal;

import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
            Instant lockedUntil) {}

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
                new UserId(row.id()), row.username(), row.displayName(), row.roles(), jurisdictionOf(row.id()));
    }

    long count() {
        return jdbc.sql("select count(*) from identity.users").query(Long.class).single();
    }

    void insert(UserRow row, Jurisdiction jurisdiction) {
        jdbc.sql("""
                        insert into identity.users (id, username, display_name, password_hash, roles, enabled,
                                                    home_path, demo)
                        values (:id, :username, :displayName, :hash, string_to_array(:roles, ','), :enabled,
                                :homePath, :demo)
                        """)
                .param("id", row.id())
                .param("username", row.username())
                .param("displayName", row.displayName())
                .param("hash", row.passwordHash())
                .param(
                        "roles",
                        String.join(
                                ",",
                                row.roles().stream().map(Enum::name).sorted().toList()))
                .param("enabled", row.enabled())
                .param("homePath", row.homePath())
                .param("demo", row.demo())
                .update();
        replaceScopes(row.id(), jurisdiction);
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

    private static UserRow row(ResultSet rs, int n) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array arr = rs.getArray("roles");
        if (arr != null) {
            for (Object o : (Object[]) arr.getArray()) {
                roles.add(Role.valueOf((String) o));
            }
        }
        java.sql.Timestamp locked = rs.getTimestamp("locked_until");
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
                locked == null ? null : locked.toInstant());
    }
}
