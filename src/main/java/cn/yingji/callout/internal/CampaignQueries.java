package cn.yingji.callout.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads for the reach board, the campaign list and call histories, scoped by the caller's view jurisdiction. */
@Component
class CampaignQueries {

    /** A campaign in lists and on the board. */
    record CampaignView(
            UUID id,
            @Nullable UUID warning,
            String level,
            String title,
            String message,
            String divisionPath,
            boolean drill,
            String state,
            String startedBy,
            Instant startedAt,
            @Nullable Instant closedAt,
            int calls,
            int answered) {}

    /** Reach figures of one group (a tier or a district). */
    record Figures(
            String key, int calls, int reached, int answered, int onPost, int escalated, int failed, int calling) {}

    /** A call on the board. */
    record CallView(
            UUID id,
            String tier,
            String positionName,
            String kind,
            String divisionPath,
            @Nullable String personName,
            @Nullable UUID person,
            String state,
            int attempts,
            @Nullable Instant reachedAt,
            @Nullable Instant answeredAt,
            @Nullable Instant onPostAt,
            @Nullable String location,
            @Nullable UUID parent,
            String reason,
            boolean escalated,
            Instant createdAt,
            UUID campaign) {}

    /** One entry of a call's history. */
    record EventView(Instant at, String kind, @Nullable String detail) {}

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    CampaignQueries(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    private String[] patterns() {
        return currentUser.jurisdiction().viewPatterns().toArray(String[]::new);
    }

    private static final String CAMPAIGN = """
            select c.id, c.warning_id, c.level, c.title, c.message, c.division_path, c.drill, c.state, c.started_by,
                   c.started_at, c.closed_at,
                   (select count(*) from callout.call k where k.campaign_id = c.id) calls,
                   (select count(*) from callout.call k where k.campaign_id = c.id and k.answered_at is not null) answered
            from callout.campaign c
            """;

    List<CampaignView> campaigns(@Nullable Boolean drill, int limit) {
        return jdbc.sql(CAMPAIGN + " where c.division_path like any (:p) and (cast(:drill as boolean) is null"
                        + " or c.drill = cast(:drill as boolean)) order by c.started_at desc limit :limit")
                .param("p", patterns())
                .param("drill", drill)
                .param("limit", limit)
                .query(CampaignQueries::campaign)
                .list();
    }

    CampaignView campaign(UUID id) {
        return jdbc.sql(CAMPAIGN + " where c.id = :id and c.division_path like any (:p)")
                .param("id", id)
                .param("p", patterns())
                .query(CampaignQueries::campaign)
                .optional()
                .orElseThrow(() -> new NotFoundException("campaign", id));
    }

    private static final String FIGURES = """
            count(*) calls,
            count(*) filter (where reached_at is not null) reached,
            count(*) filter (where answered_at is not null) answered,
            count(*) filter (where on_post_at is not null) on_post,
            count(*) filter (where escalated) escalated,
            count(*) filter (where reached_at is null and answered_at is null and state <> 'CALLING') failed,
            count(*) filter (where state = 'CALLING') calling
            """;

    /** Figures per tier, in policy order. */
    List<Figures> byTier(UUID campaign) {
        return jdbc.sql("select tier_key, " + FIGURES + """
                         from callout.call where campaign_id = :c and division_path like any (:p)
                         group by tier_key order by min(tier_index), tier_key
                        """)
                .param("c", campaign)
                .param("p", patterns())
                .query(CampaignQueries::figures)
                .list();
    }

    /** Figures per county (district) code; city-level calls under the city's code. */
    List<Figures> byDistrict(UUID campaign) {
        return jdbc.sql(
                        "select coalesce(nullif(split_part(division_path, '/', 3), ''), split_part(division_path, '/', 2)) d, "
                                + FIGURES
                                + " from callout.call where campaign_id = :c and division_path like any (:p) group by d order by d")
                .param("c", campaign)
                .param("p", patterns())
                .query(CampaignQueries::figures)
                .list();
    }

    List<CallView> calls(UUID campaign) {
        return jdbc.sql("select * from callout.call where campaign_id = :c and division_path like any (:p)"
                        + " order by tier_index, division_path, created_at")
                .param("c", campaign)
                .param("p", patterns())
                .query(CampaignQueries::call)
                .list();
    }

    CallView call(UUID id) {
        return jdbc.sql("select * from callout.call where id = :id and division_path like any (:p)")
                .param("id", id)
                .param("p", patterns())
                .query(CampaignQueries::call)
                .optional()
                .orElseThrow(() -> new NotFoundException("call", id));
    }

    /** The calls of a person (their own, whatever the jurisdiction), open ones first. */
    List<CallView> callsOf(UUID person) {
        return jdbc.sql("""
                        select k.* from callout.call k join callout.campaign c on c.id = k.campaign_id
                        where k.person_id = :p and c.state = 'OPEN' order by k.created_at desc limit 50
                        """).param("p", person).query(CampaignQueries::call).list();
    }

    List<EventView> history(UUID call) {
        return jdbc.sql("select at, kind, detail from callout.call_event where call_id = :c order by id")
                .param("c", call)
                .query((rs, n) -> new EventView(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .list();
    }

    static CampaignView campaign(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new CampaignView(
                rs.getObject("id", UUID.class),
                rs.getObject("warning_id", UUID.class),
                rs.getString("level"),
                rs.getString("title"),
                rs.getString("message"),
                rs.getString("division_path"),
                rs.getBoolean("drill"),
                rs.getString("state"),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                closed == null ? null : closed.toInstant(),
                rs.getInt("calls"),
                rs.getInt("answered"));
    }

    static Figures figures(ResultSet rs, int n) throws SQLException {
        return new Figures(
                rs.getString(1),
                rs.getInt(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8));
    }

    private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static CallView call(ResultSet rs, int n) throws SQLException {
        return new CallView(
                rs.getObject("id", UUID.class),
                rs.getString("tier_key"),
                rs.getString("position_name"),
                rs.getString("position_kind"),
                rs.getString("division_path"),
                rs.getString("person_name"),
                rs.getObject("person_id", UUID.class),
                rs.getString("state"),
                rs.getInt("attempts"),
                instant(rs, "reached_at"),
                instant(rs, "answered_at"),
                instant(rs, "on_post_at"),
                rs.getString("location"),
                rs.getObject("parent_call", UUID.class),
                rs.getString("reason"),
                rs.getBoolean("escalated"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("campaign_id", UUID.class));
    }
}
