package cn.yingji.resource;

import cn.yingji.incident.IncidentId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes on rescue teams. Every write checks the caller's capture jurisdiction and role (duty officers, commanders,
 * district and township officers; team leaders only for status and pings of their own team) and is audited.
 */
public interface TeamManagement {

    /**
     * Registers a team on standby.
     *
     * @throws cn.yingji.shared.InvalidInputException listing every invalid field
     */
    TeamId create(NewTeam team);

    /**
     * Changes a team's registry data.
     *
     * @throws cn.yingji.shared.ConflictException when {@code expectedVersion} is stale
     */
    Team update(TeamId id, int expectedVersion, NewTeam team);

    /**
     * Moves a team to another status (publishes {@link TeamStatusChanged}); back to standby clears the event.
     *
     * @throws cn.yingji.shared.ConflictException when the status is already {@code status}
     */
    Team changeStatus(TeamId id, TeamStatus status, @Nullable String note);

    /**
     * Records a position ping from a team device; a retry with the same key changes nothing.
     *
     * @return true when recorded, false for a replay
     */
    boolean ping(TeamId id, String idempotencyKey, double lon, double lat, @Nullable Instant at);

    /**
     * Dispatches a standby team to an event: atomically moves it to {@link TeamStatus#DISPATCHED} and publishes
     * {@link TeamDispatched}. Of two concurrent dispatches of one team exactly one succeeds.
     *
     * @return the dispatch id
     * @throws cn.yingji.shared.ConflictException when the team is not on standby
     */
    UUID dispatch(TeamId team, IncidentId incident, @Nullable String note);
}
