package cn.yingji.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A risk point (风险点) of an enterprise or of a place, with its current assessment.
 *
 * @param id identifier
 * @param name name, e.g. 液氨储罐区
 * @param category kind of danger (e.g. 中毒和窒息、火灾、机械伤害), free text
 * @param description what is dangerous and where
 * @param organisationId the enterprise (directory organisation of kind ENTERPRISE), null for a place
 * @param organisationName the enterprise's name when the point was registered, null for a place
 * @param divisionPath the enterprise's or place's division or grid path (scopes who may see it)
 * @param gridCode the grid of a place, if it lies in one
 * @param location address or description of the location
 * @param lon WGS-84 longitude, if known
 * @param lat WGS-84 latitude, if known
 * @param method method of the latest assessment, null when never assessed
 * @param score score of the latest assessment (D or R)
 * @param colour colour of the latest assessment, null when never assessed
 * @param assessedAt when it was last assessed
 * @param version optimistic-lock version; pass it back when updating
 */
public record RiskPoint(
        RiskPointId id,
        String name,
        @Nullable String category,
        @Nullable String description,
        @Nullable UUID organisationId,
        @Nullable String organisationName,
        String divisionPath,
        @Nullable String gridCode,
        @Nullable String location,
        @Nullable Double lon,
        @Nullable Double lat,
        @Nullable AssessmentMethod method,
        @Nullable BigDecimal score,
        @Nullable RiskColour colour,
        @Nullable Instant assessedAt,
        int version) {

    /** True for a point of an enterprise, false for a place. */
    public boolean ofEnterprise() {
        return organisationId != null;
    }
}
