package cn.yingji.resource;

import cn.yingji.incident.IncidentId;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Read access to rescue teams and the dispatch recommendation. With a signed-in user every method answers only teams
 * inside the user's view jurisdiction; a foreign team is reported as absent.
 */
public interface RescueTeams {

    /** The team, if it exists and is visible. */
    Optional<Team> find(TeamId id);

    /** One page of visible teams, by name; filters may be null. */
    PageResult<Team> list(@Nullable String q, @Nullable TeamKind kind, @Nullable TeamStatus status, PageQuery page);

    /**
     * Standby teams ranked for an event: capability coverage of what the event type needs (a data table), great-circle
     * distance, readiness and load, each with an explanation. Answered from an in-memory index.
     *
     * @param incident the event; must be visible
     * @param limit at most this many teams (1–100)
     * @throws cn.yingji.shared.NotFoundException when the event is missing or not visible
     */
    List<Recommendation> recommend(IncidentId incident, int limit);
}
