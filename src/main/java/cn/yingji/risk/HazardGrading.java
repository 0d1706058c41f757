package cn.yingji.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a unit's grading history (append-only): written at registration and on every change of its
 * inventory or exposed population.
 *
 * @param id identifier
 * @param source the unit
 * @param reason {@code create}, {@code inventory} or {@code update}
 * @param s S
 * @param major S ≥ 1
 * @param exposedPopulation people exposed
 * @param alpha α
 * @param r R
 * @param grade grade, null when not major
 * @param previousGrade grade before, null when not major before (or first grading)
 * @param items the inventory graded
 * @param gradedBy display name of who made the change
 * @param gradedAt when
 */
public record HazardGrading(
        UUID id,
        MajorHazardSourceId source,
        String reason,
        BigDecimal s,
        boolean major,
        int exposedPopulation,
        BigDecimal alpha,
        BigDecimal r,
        @Nullable HazardGrade grade,
        @Nullable HazardGrade previousGrade,
        List<InventoryItem> items,
        String gradedBy,
        Instant gradedAt) {

    public HazardGrading {
        items = List.copyOf(items);
    }
}
