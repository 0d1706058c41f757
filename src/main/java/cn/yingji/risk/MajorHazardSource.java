package cn.yingji.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A production or storage unit of an enterprise registered for GB 18218 identification, with its current result.
 * It is a major hazard source (重大危险源) when {@code major}.
 *
 * @param id identifier
 * @param name unit name, e.g. 液氨罐区
 * @param unitKind production or storage unit
 * @param organisationId the enterprise (directory organisation)
 * @param organisationName its name when registered
 * @param divisionPath the enterprise's division path
 * @param exposedPopulation people exposed outside the plant (for α)
 * @param s current S
 * @param major S ≥ 1
 * @param alpha current α
 * @param r current R
 * @param grade current grade, null when not major
 * @param unverifiedData whether the result used unverified table values
 * @param gradedAt when it was last identified and graded
 * @param version optimistic-lock version
 */
public record MajorHazardSource(
        MajorHazardSourceId id,
        String name,
        UnitKind unitKind,
        UUID organisationId,
        String organisationName,
        String divisionPath,
        int exposedPopulation,
        BigDecimal s,
        boolean major,
        BigDecimal alpha,
        BigDecimal r,
        @Nullable HazardGrade grade,
        boolean unverifiedData,
        Instant gradedAt,
        int version) {}
