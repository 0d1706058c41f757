package cn.yingji.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published when the duty desk has recorded a new event (not on an idempotent replay).
 *
 * @param id the event
 * @param number its number
 * @param category its category
 * @param typeCode its type
 * @param grade its initial grade, null when not graded
 * @param divisionPath where it is (for scoping)
 * @param lon longitude
 * @param lat latitude
 * @param occurredAt when it happened
 * @param drill true for a drill (keep out of real statistics)
 * @param incident the event as recorded, casualties included: listeners in the same transaction need not read it
 *     back
 */
public record IncidentReported(
        IncidentId id,
        String number,
        EventCategory category,
        String typeCode,
        @Nullable Grade grade,
        String divisionPath,
        double lon,
        double lat,
        Instant occurredAt,
        boolean drill,
        Incident incident) {}
