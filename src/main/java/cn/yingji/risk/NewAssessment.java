package cn.yingji.risk;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Inputs of one assessment. For {@link AssessmentMethod#LEC} give l, e and c; for {@link AssessmentMethod#LS} give l
 * and s. Each must be one of the configured factor values (see {@link RiskPoints#factorValues()}).
 *
 * @param method the method
 * @param l likelihood (L)
 * @param e exposure frequency (E), LEC only
 * @param c consequence (C), LEC only
 * @param s severity (S), LS only
 * @param note the assessor's remark, optional
 */
public record NewAssessment(
        @Nullable AssessmentMethod method,
        @Nullable BigDecimal l,
        @Nullable BigDecimal e,
        @Nullable BigDecimal c,
        @Nullable BigDecimal s,
        @Nullable String note) {}
