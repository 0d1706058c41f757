package cn.yingji.hazard;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A hazard was reported.
 *
 * @param id the hazard
 * @param number its number
 * @param grade proposed grade
 * @param source who found it
 * @param divisionPath where
 * @param industry its industry code
 * @param at when it was reported
 * @param hazard the hazard as recorded, so that listeners in the same transaction need not read it back; null when
 *     the publisher has only the facts above
 */
public record HazardReported(
        HazardId id,
        String number,
        HazardGrade grade,
        HazardSource source,
        String divisionPath,
        String industry,
        Instant at,
        @Nullable Hazard hazard) {}
