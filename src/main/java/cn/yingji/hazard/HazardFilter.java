package cn.yingji.hazard;

import org.jspecify.annotations.Nullable;

/**
 * Ledger (台账) filter; null parts do not filter.
 *
 * @param division only this division's subtree (12-digit code)
 * @param industry industry code
 * @param state state
 * @param grade grade
 * @param card overdue card
 * @param supervised true: only hazards listed for supervision (挂牌督办)
 * @param q text in number, title or address
 */
public record HazardFilter(
        @Nullable String division,
        @Nullable String industry,
        @Nullable HazardState state,
        @Nullable HazardGrade grade,
        @Nullable HazardCard card,
        @Nullable Boolean supervised,
        @Nullable String q) {

    /** No filtering. */
    public static HazardFilter all() {
        return new HazardFilter(null, null, null, null, null, null, null);
    }
}
