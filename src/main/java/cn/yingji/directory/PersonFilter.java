package cn.yingji.directory;

import org.jspecify.annotations.Nullable;

/**
 * Filter for listing persons; null or blank parts do not filter.
 *
 * @param q text contained in the name, the title or any contact value (case-insensitive)
 * @param organisation only persons of this organisation
 * @param division only persons in this division's subtree (a division path)
 */
public record PersonFilter(
        @Nullable String q,
        @Nullable OrganisationId organisation,
        @Nullable String division) {

    /** No filtering. */
    public static PersonFilter all() {
        return new PersonFilter(null, null, null);
    }
}
