package cn.yingji.grassroots;

import java.time.Instant;
import java.util.UUID;

/**
 * A grid worker reported a problem during a patrol; the hidden-hazard module turns it into a hazard report.
 *
 * @param checkIn the check-in
 * @param gridCode the grid
 * @param gridPath its path
 * @param worker who
 * @param lon where
 * @param lat where
 * @param text what was found
 * @param at when
 */
public record PatrolFinding(
        UUID checkIn,
        String gridCode,
        String gridPath,
        String worker,
        double lon,
        double lat,
        String text,
        Instant at) {}
