package cn.yingji.resource;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A team was dispatched to an event and is now {@link TeamStatus#DISPATCHED}. Published inside the dispatching
 * transaction; the command module creates a task for the team from it.
 *
 * @param dispatchId identifier of the dispatch
 * @param incidentId the event
 * @param teamId the team
 * @param teamName the team's name at dispatch time
 * @param leaderUsername platform username of the team leader, if any
 * @param divisionPath the team's division path
 * @param dispatchedAt when
 * @param dispatchedBy display name of the user who dispatched (or {@code system})
 * @param note the dispatcher's note (may be empty)
 */
public record TeamDispatched(
        UUID dispatchId,
        UUID incidentId,
        UUID teamId,
        String teamName,
        @Nullable String leaderUsername,
        String divisionPath,
        Instant dispatchedAt,
        String dispatchedBy,
        String note) {}
