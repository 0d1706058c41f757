package cn.yingji.hazard;

import java.time.Instant;

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
 */
public record HazardReported(
        HazardId id,
        String number,
        HazardGrade grade,
        HazardSource source,
        String divisionPath,
        String industry,
        Instant at) {}
