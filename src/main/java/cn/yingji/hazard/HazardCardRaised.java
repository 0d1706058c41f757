package cn.yingji.hazard;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The overdue sweep raised a yellow or red card on a hazard under rectification.
 *
 * @param id the hazard
 * @param number its number
 * @param card the new card
 * @param divisionPath where the hazard is
 * @param escalatedTo the supervising division's path it was escalated to (red cards), else null
 * @param deadline the rectification deadline
 */
public record HazardCardRaised(
        HazardId id,
        String number,
        HazardCard card,
        String divisionPath,
        @Nullable String escalatedTo,
        LocalDate deadline) {}
