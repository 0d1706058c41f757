package cn.yingji.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Command to put a person on the duty roster.
 *
 * @param divisionPath the division whose duty this is; when null, the organisation's path is used (one of the two
 *     is required)
 * @param organisation the organisation running the duty (e.g. the bureau's duty office), if any
 * @param startsAt start of the shift
 * @param endsAt end of the shift, after {@code startsAt} and at most 7 days later
 * @param role what the person does on the shift
 * @param person who is on duty; must be visible to the caller
 * @param note optional remark, up to 500 characters
 */
public record NewShift(
        @Nullable String divisionPath,
        @Nullable OrganisationId organisation,
        Instant startsAt,
        Instant endsAt,
        ShiftRole role,
        PersonId person,
        @Nullable String note) {}
