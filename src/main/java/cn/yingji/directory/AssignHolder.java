package cn.yingji.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Command to make a person the holder of a position. Any current holder of the same {@code kind} is ended at
 * {@code from} (the history is kept), so a position never has two current primary holders.
 *
 * @param position the position; must be capturable by the caller
 * @param person the new holder; must be visible to the caller
 * @param kind primary or acting
 * @param from when the holding starts; null means now
 * @param note optional remark (appointment document number …), up to 500 characters
 */
public record AssignHolder(
        PositionId position,
        PersonId person,
        HoldingKind kind,
        @Nullable Instant from,
        @Nullable String note) {}
