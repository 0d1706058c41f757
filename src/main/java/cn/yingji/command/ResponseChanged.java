package cn.yingji.command;

import cn.yingji.incident.IncidentId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A response was activated, raised, lowered or ended. Published inside the writing transaction.
 *
 * @param responseId the response
 * @param incidentId the event
 * @param action what happened
 * @param fromLevel level before
 * @param toLevel level after (null when ended)
 * @param divisionPath the event's path (listeners scope by it)
 * @param at when
 */
public record ResponseChanged(
        ResponseId responseId,
        IncidentId incidentId,
        Response.Action action,
        @Nullable ResponseLevel fromLevel,
        @Nullable ResponseLevel toLevel,
        String divisionPath,
        Instant at) {}
