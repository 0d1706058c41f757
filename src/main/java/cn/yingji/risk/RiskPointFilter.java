package cn.yingji.risk;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Filter for listing risk points; null parts do not filter.
 *
 * @param q text in the name, category or enterprise name
 * @param colour only this current colour
 * @param method only points last assessed by this method
 * @param division only points in this division's subtree (a path)
 * @param organisationId only the points of this enterprise
 * @param unassessed when true, only points never assessed
 */
public record RiskPointFilter(
        @Nullable String q,
        @Nullable RiskColour colour,
        @Nullable AssessmentMethod method,
        @Nullable String division,
        @Nullable UUID organisationId,
        @Nullable Boolean unassessed) {

    /** No filtering. */
    public static RiskPointFilter all() {
        return new RiskPointFilter(null, null, null, null, null, null);
    }
}
