package cn.yingji.incident;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Filter for event lists and exports; every field is optional. Results are always limited to the caller's view
 * jurisdiction.
 *
 * @param typeCode only this type
 * @param category only this category
 * @param grade only this grade
 * @param state only this state
 * @param from occurred on or after this day (Asia/Shanghai)
 * @param to occurred on or before this day (Asia/Shanghai)
 * @param divisionPath only inside this division subtree
 * @param drill true: only drills; false: only real events; null: both
 * @param text free text in title, number, address or enterprise
 */
public record IncidentFilter(
        @Nullable String typeCode,
        @Nullable EventCategory category,
        @Nullable Grade grade,
        @Nullable IncidentState state,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String divisionPath,
        @Nullable Boolean drill,
        @Nullable String text) {

    /** No filter. */
    public static IncidentFilter all() {
        return new IncidentFilter(null, null, null, null, null, null, null, null, null);
    }
}
