package cn.yingji.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A duty-roster shift.
 *
 * @param id identifier
 * @param divisionPath division whose duty this is
 * @param organisation organisation running the duty, if any
 * @param startsAt start
 * @param endsAt end (exclusive)
 * @param role what the person does on the shift
 * @param person who is on duty
 * @param personName their name (for display)
 * @param note remark, if any
 * @param version optimistic-lock version
 */
public record Shift(
        ShiftId id,
        String divisionPath,
        @Nullable OrganisationId organisation,
        Instant startsAt,
        Instant endsAt,
        ShiftRole role,
        PersonId person,
        String personName,
        @Nullable String note,
        int version) {

    /** True when {@code at} lies in {@code [startsAt, endsAt)}. */
    public boolean coversInstant(Instant at) {
        return !startsAt.isAfter(at) && endsAt.isAfter(at);
    }
}
