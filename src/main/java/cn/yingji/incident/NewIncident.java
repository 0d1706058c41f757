package cn.yingji.incident;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command to record an event at the duty desk (接报).
 *
 * @param typeCode code of a row of the event-type table, e.g. {@code CONSTRUCTION}
 * @param title short title; generated from type and address when blank
 * @param occurredAt when it happened; not in the future
 * @param reportedAt when the duty desk received the report; not before {@code occurredAt}; now when null
 * @param receivedLevel which authority received it first ({@link ReportingLevel#COUNTY} or {@link
 *     ReportingLevel#CITY}); when null, the county unless the caller's capture scope is the whole city
 * @param lon WGS-84 longitude
 * @param lat WGS-84 latitude
 * @param address address text
 * @param reporterName who called
 * @param reporterPhone their phone
 * @param channel how the report came in
 * @param enterpriseName the enterprise (生产经营单位) concerned, if any
 * @param enterpriseOrgId its organisation id in {@code directory}, if known
 * @param casualties casualties and losses known so far
 * @param description what happened
 * @param drill true for a drill (演练): kept out of real statistics
 */
public record NewIncident(
        String typeCode,
        @Nullable String title,
        Instant occurredAt,
        @Nullable Instant reportedAt,
        @Nullable ReportingLevel receivedLevel,
        double lon,
        double lat,
        @Nullable String address,
        @Nullable String reporterName,
        @Nullable String reporterPhone,
        ReportChannel channel,
        @Nullable String enterpriseName,
        @Nullable UUID enterpriseOrgId,
        Casualties casualties,
        @Nullable String description,
        boolean drill) {}
