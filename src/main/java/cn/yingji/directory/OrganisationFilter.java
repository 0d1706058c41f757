package cn.yingji.directory;

import org.jspecify.annotations.Nullable;

/**
 * Filter for listing organisations; null or blank parts do not filter.
 *
 * @param q text contained in the name, short name or credit code (case-insensitive)
 * @param kind only this kind
 * @param division only organisations in this division's subtree (a division path)
 */
public record OrganisationFilter(
        @Nullable String q,
        @Nullable OrganisationKind kind,
        @Nullable String division) {

    /** No filtering. */
    public static OrganisationFilter all() {
        return new OrganisationFilter(null, null, null);
    }
}
