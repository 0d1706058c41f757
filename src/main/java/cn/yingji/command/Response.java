package cn.yingji.command;

import cn.yingji.incident.IncidentId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An emergency response (应急响应) to an event.
 *
 * @param id identifier
 * @param incidentId the event
 * @param planId plan it was activated under, if any
 * @param planName that plan's name
 * @param level current level
 * @param active true until ended
 * @param divisionPath the event's path
 * @param activatedBy commander who activated it
 * @param activatedAt when
 * @param endedBy who ended it
 * @param endedAt when
 * @param reason reason given at activation
 * @param changes every activation, raise, lower and end, oldest first
 */
public record Response(
        ResponseId id,
        IncidentId incidentId,
        @Nullable PlanId planId,
        @Nullable String planName,
        ResponseLevel level,
        boolean active,
        String divisionPath,
        String activatedBy,
        Instant activatedAt,
        @Nullable String endedBy,
        @Nullable Instant endedAt,
        String reason,
        List<Change> changes) {

    public Response {
        changes = List.copyOf(changes);
    }

    /** What a change did. */
    public enum Action {
        ACTIVATE,
        RAISE,
        LOWER,
        END
    }

    /**
     * One change of the response.
     *
     * @param at when
     * @param actor who
     * @param action what
     * @param fromLevel level before (null at activation)
     * @param toLevel level after (null at the end)
     * @param reason why
     */
    public record Change(
            Instant at,
            String actor,
            Action action,
            @Nullable ResponseLevel fromLevel,
            @Nullable ResponseLevel toLevel,
            String reason) {}
}
