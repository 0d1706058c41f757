package cn.yingji.incident;

import org.jspecify.annotations.Nullable;

/**
 * Command to replace the casualty and loss figures of an event (a 续报/补报 of numbers).
 *
 * @param casualties the new figures (totals, not increments)
 * @param note why they changed
 * @param expectedVersion the version the caller saw; null to skip the optimistic check
 */
public record CasualtyUpdate(
        Casualties casualties,
        @Nullable String note,
        @Nullable Integer expectedVersion) {}
