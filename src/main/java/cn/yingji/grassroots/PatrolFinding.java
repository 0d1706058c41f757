package cn.yingji.grassroots;

import java.time.Instant;
import java.util.UUID;

/**
 * A grid worker reported a problem during a patrol; the hidden-hazard module turns it into a hazard report in the
 * same transaction (so the check-in fails with the report's error if the report is refused).
 *
 * @param checkIn the check-in
 * @param gridCode the grid
 * @param gridPath its path
 * @param worker who
 * @param lon where
 * @param lat where
 * @param text what was found
 * @param at when
 * @param photo the finding's photo
 * @param photoName its file name
 */
public record PatrolFinding(
        UUID checkIn,
        String gridCode,
        String gridPath,
        String worker,
        double lon,
        double lat,
        String text,
        Instant at,
        byte[] photo,
        String photoName) {}
