package cn.yingji.responsibility;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of the 三管三必须 matrix: {@code department} supervises safety in {@code industry}.
 *
 * @param id identifier
 * @param industry industry or domain code (e.g. {@code HAZARDOUS_CHEMICALS})
 * @param department supervising department
 * @param ground 管行业 (INDUSTRY), 管业务 (BUSINESS) or 管生产经营 (PRODUCTION)
 * @param note scope
 * @param updatedBy who last changed it
 * @param updatedAt when
 */
public record SupervisionRule(
        UUID id,
        String industry,
        String department,
        Ground ground,
        @Nullable String note,
        String updatedBy,
        Instant updatedAt) {

    /** The three grounds of 三管三必须. */
    public enum Ground {
        INDUSTRY,
        BUSINESS,
        PRODUCTION
    }
}
