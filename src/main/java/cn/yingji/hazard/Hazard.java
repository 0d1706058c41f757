package cn.yingji.hazard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A hidden hazard as read.
 *
 * @param id identifier
 * @param number human-readable number, e.g. {@code YH20261129-000012}
 * @param title short title
 * @param description what was seen
 * @param grade 一般 or 重大
 * @param industry industry code (see {@code hazard.industry.*} messages)
 * @param source who found it
 * @param state lifecycle state
 * @param divisionPath where it is (scopes who may see it)
 * @param gridCode the grid it lies in, if any
 * @param lon WGS-84 longitude
 * @param lat WGS-84 latitude
 * @param address address or place description
 * @param enterpriseId the responsible enterprise (a directory organisation), if any
 * @param enterpriseName its name
 * @param reportedBy reporter's display name ({@code anonymous} for anonymous residents)
 * @param reportedAt when it was reported
 * @param responsible responsible person (五落实: 责任)
 * @param measures rectification measures (措施)
 * @param funds funds in yuan (资金)
 * @param deadline rectification deadline, a local date (时限)
 * @param contingencyPlan contingency plan during rectification (预案), required for major hazards
 * @param rectifiedBy who rectified it
 * @param acceptedBy who accepted it
 * @param mergedInto the hazard this one duplicates
 * @param reason rejection or other reason
 * @param supervised listed for supervision (挂牌督办) by the level above
 * @param supervisingPath the supervising division's path
 * @param card overdue card
 * @param escalatedPath where an overdue hazard was escalated to
 * @param version optimistic version
 */
public record Hazard(
        HazardId id,
        String number,
        String title,
        @Nullable String description,
        HazardGrade grade,
        String industry,
        HazardSource source,
        HazardState state,
        String divisionPath,
        @Nullable String gridCode,
        @Nullable Double lon,
        @Nullable Double lat,
        @Nullable String address,
        @Nullable UUID enterpriseId,
        @Nullable String enterpriseName,
        String reportedBy,
        Instant reportedAt,
        @Nullable String responsible,
        @Nullable String measures,
        @Nullable BigDecimal funds,
        @Nullable LocalDate deadline,
        @Nullable String contingencyPlan,
        @Nullable String rectifiedBy,
        @Nullable String acceptedBy,
        @Nullable UUID mergedInto,
        @Nullable String reason,
        boolean supervised,
        @Nullable String supervisingPath,
        HazardCard card,
        @Nullable String escalatedPath,
        int version) {}
