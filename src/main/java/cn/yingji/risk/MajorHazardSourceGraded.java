package cn.yingji.risk;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A unit was identified and graded (on registration or after a change of its inventory or exposed population).
 *
 * @param source the unit
 * @param divisionPath where it lies
 * @param s S
 * @param major S ≥ 1
 * @param r R
 * @param grade grade, null when not major
 * @param previousGrade grade before this change, null when it was not major or is new
 * @param previousMajor whether it was a major hazard source before; false for a new unit
 */
public record MajorHazardSourceGraded(
        MajorHazardSourceId source,
        String divisionPath,
        BigDecimal s,
        boolean major,
        BigDecimal r,
        @Nullable HazardGrade grade,
        @Nullable HazardGrade previousGrade,
        boolean previousMajor) {}
