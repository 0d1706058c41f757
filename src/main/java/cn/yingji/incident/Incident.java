package cn.yingji.incident;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event as the rest of the platform sees it.
 *
 * @param id identifier
 * @param number human-readable number, e.g. {@code 20250301-000042}
 * @param category category per 突发事件应对法 Art. 2
 * @param typeCode event type code
 * @param title short title
 * @param description what happened
 * @param occurredAt when it happened
 * @param reportedAt when the duty desk received it
 * @param receivedLevel the authority level that received it first
 * @param lon longitude
 * @param lat latitude
 * @param divisionCode code of the deepest division containing the point
 * @param divisionPath path used for jurisdiction (grid path when the point lies in a grid)
 * @param gridCode grid code, if any
 * @param address address text
 * @param reporterName reporter
 * @param reporterPhone reporter's phone
 * @param channel intake channel
 * @param enterpriseName enterprise concerned
 * @param enterpriseOrgId its organisation id
 * @param casualties current casualties and losses
 * @param grade current grade; null for events that are not graded
 * @param gradeDimension the dimension that decided the grade (null when the base grade applies)
 * @param investigator the government level that investigates at this grade (Decree 493 Art. 19)
 * @param state lifecycle state
 * @param drill true for a drill
 * @param createdBy user who recorded it
 * @param version optimistic-lock version
 */
public record Incident(
        IncidentId id,
        String number,
        EventCategory category,
        String typeCode,
        String title,
        @Nullable String description,
        Instant occurredAt,
        Instant reportedAt,
        ReportingLevel receivedLevel,
        double lon,
        double lat,
        String divisionCode,
        String divisionPath,
        @Nullable String gridCode,
        @Nullable String address,
        @Nullable String reporterName,
        @Nullable String reporterPhone,
        ReportChannel channel,
        @Nullable String enterpriseName,
        @Nullable UUID enterpriseOrgId,
        Casualties casualties,
        @Nullable Grade grade,
        @Nullable GradingDimension gradeDimension,
        Grade.@Nullable GovernmentLevel investigator,
        IncidentState state,
        boolean drill,
        String createdBy,
        int version) {}
