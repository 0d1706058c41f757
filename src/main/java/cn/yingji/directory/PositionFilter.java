package cn.yingji.directory;

import org.jspecify.annotations.Nullable;

/**
 * Filter for listing positions; null or blank parts do not filter.
 *
 * @param q text contained in the name (case-insensitive)
 * @param kind only this kind code
 * @param division only positions in this division's subtree (a division path)
 * @param organisation only positions of this organisation
 * @param vacant when true only positions without a current holder, when false only held ones
 */
public record PositionFilter(
        @Nullable String q,
        @Nullable String kind,
        @Nullable String division,
        @Nullable OrganisationId organisation,
        @Nullable Boolean vacant) {

    /** No filtering. */
    public static PositionFilter all() {
        return new PositionFilter(null, null, null, null, null);
    }
}
