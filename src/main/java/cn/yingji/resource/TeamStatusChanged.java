package cn.yingji.resource;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A team's status or position changed (a status change, a dispatch, or a position ping, where {@code from} equals
 * {@code to}). Drives maps and the command centre.
 *
 * @param teamId the team
 * @param teamName its name
 * @param divisionPath its division path
 * @param from status before
 * @param to status after
 * @param incidentId the event the team works on, if any
 * @param lon current longitude
 * @param lat current latitude
 * @param at when
 * @param by display name of the user or device account (or {@code system})
 */
public record TeamStatusChanged(
        UUID teamId,
        String teamName,
        String divisionPath,
        TeamStatus from,
        TeamStatus to,
        @Nullable UUID incidentId,
        double lon,
        double lat,
        Instant at,
        String by) {}
