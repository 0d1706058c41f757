package cn.yingji.incident;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an event's grade history.
 *
 * @param at when
 * @param actor who caused it
 * @param oldGrade before (null at intake)
 * @param newGrade after
 * @param decidedBy the dimension that decided the new grade
 * @param decidingValue that dimension's value
 * @param oldInvestigator investigating level before
 * @param newInvestigator investigating level after
 * @param investigatorChanged true when the investigating level changed
 * @param reason {@code INTAKE} or {@code CASUALTY_UPDATE}
 */
public record GradeChange(
        Instant at,
        String actor,
        @Nullable Grade oldGrade,
        @Nullable Grade newGrade,
        @Nullable GradingDimension decidedBy,
        @Nullable BigDecimal decidingValue,
        Grade.@Nullable GovernmentLevel oldInvestigator,
        Grade.@Nullable GovernmentLevel newInvestigator,
        boolean investigatorChanged,
        String reason) {}
