package cn.yingji.hazard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The five implementations (五落实) set when a hazard is assigned.
 *
 * @param responsible responsible person
 * @param measures rectification measures
 * @param funds funds in yuan (≥ 0)
 * @param deadline last day of rectification (local date, not in the past)
 * @param contingencyPlan contingency plan during rectification (required for major hazards)
 * @param enterpriseId the enterprise that rectifies, if any
 * @param grade the confirmed grade; unchanged when null
 */
public record Assignment(
        @Nullable String responsible,
        @Nullable String measures,
        @Nullable BigDecimal funds,
        @Nullable LocalDate deadline,
        @Nullable String contingencyPlan,
        @Nullable UUID enterpriseId,
        @Nullable HazardGrade grade) {}
