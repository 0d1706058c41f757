package cn.yingji.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One holding of a position by a person.
 *
 * @param id identifier
 * @param position the position held
 * @param person the holder
 * @param personName the holder's name (for display)
 * @param kind primary or acting
 * @param from start of the holding
 * @param to end of the holding; null while current
 * @param note remark given on assignment, if any
 */
public record Holding(
        HoldingId id,
        PositionId position,
        PersonId person,
        String personName,
        HoldingKind kind,
        Instant from,
        @Nullable Instant to,
        @Nullable String note) {

    /** True when the holding has started and not ended at {@code at}. */
    public boolean currentAt(Instant at) {
        return !from.isAfter(at) && (to == null || to.isAfter(at));
    }
}
