package cn.yingji.grassroots;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A patrol check-in.
 *
 * @param id identifier
 * @param gridCode the grid patrolled
 * @param gridPath its path
 * @param worker the grid worker's username
 * @param at when (as reported by the device)
 * @param receivedAt when the platform received it
 * @param lon where, longitude
 * @param lat where, latitude
 * @param locatedGrid the grid the position actually lies in, if any
 * @param outside true when the position lies outside {@code gridCode}
 * @param duty which of the worker's duties the patrol served
 * @param note remarks
 * @param finding a problem found (handed on as {@link PatrolFinding})
 */
public record CheckIn(
        UUID id,
        String gridCode,
        String gridPath,
        String worker,
        Instant at,
        Instant receivedAt,
        double lon,
        double lat,
        @Nullable String locatedGrid,
        boolean outside,
        Duty duty,
        @Nullable String note,
        @Nullable String finding) {

    /** The duties of a grid worker (一岗多能). */
    public enum Duty {
        SAFETY,
        FIRE,
        FLOOD,
        INFO
    }
}
