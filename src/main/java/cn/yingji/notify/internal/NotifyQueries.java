package cn.yingji.notify.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.notify.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of stored attempts, scoped by the caller's view jurisdiction. */
@Component
class NotifyQueries {

    /**
     * One stored attempt.
     *
     * @param id the attempt
     * @param person recipient
     * @param personName recipient's name
     * @param divisionPath where the recipient is responsible
     * @param channel channel
     * @param address number or address used
     * @param subject subject
     * @param link answer link
     * @param source sending module
     * @param state state
     * @param error failure reason
     * @param reply reply text
     * @param createdAt when stored
     * @param failedAt when it failed
     */
    record MessageView(
            UUID id,
            UUID person,
            String personName,
            String divisionPath,
            Channel channel,
            @Nullable String address,
            String subject,
            @Nullable String link,
            String source,
            String state,
            @Nullable String error,
            @Nullable String reply,
            Instant createdAt,
            @Nullable Instant failedAt) {}

    private static final String COLUMNS =
            "id, person_id, person_name, division_path, channel, address, subject, link, source, state, error, reply,"
                    + " created_at, failed_at";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    NotifyQueries(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** Failed attempts, newest first, for follow-up by phone. */
    List<MessageView> failed(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from notify.message where state = 'FAILED'
                         and division_path like any (:patterns) order by created_at desc limit :limit
                        """)
                .param("patterns", currentUser.jurisdiction().viewPatterns().toArray(String[]::new))
                .param("limit", Math.max(1, Math.min(limit, 2000)))
                .query(NotifyQueries::map)
                .list();
    }

    /** In-app messages of a person, newest first. */
    List<MessageView> inbox(UUID person, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from notify.message where person_id = :p and channel = 'IN_APP'"
                        + " order by created_at desc limit :limit")
                .param("p", person)
                .param("limit", limit)
                .query(NotifyQueries::map)
                .list();
    }

    /** Every attempt for one sender key (e.g. a call), oldest first, unscoped: the caller checks the key. */
    List<MessageView> byCorrelation(String correlation) {
        return jdbc.sql("select " + COLUMNS + " from notify.message where correlation = :c order by created_at")
                .param("c", correlation)
                .query(NotifyQueries::map)
                .list();
    }

    static MessageView map(ResultSet rs, int n) throws SQLException {
        Timestamp failed = rs.getTimestamp("failed_at");
        return new MessageView(
                rs.getObject("id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getString("person_name"),
                rs.getString("division_path"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("address"),
                rs.getString("subject"),
                rs.getString("link"),
                rs.getString("source"),
                rs.getString("state"),
                rs.getString("error"),
                rs.getString("reply"),
                rs.getTimestamp("created_at").toInstant(),
                failed == null ? null : failed.toInstant());
    }
}
