package cn.yingji.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One assessment in a point's history (append-only).
 *
 * @param id identifier
 * @param point the risk point
 * @param method method used
 * @param l likelihood
 * @param e exposure (LEC)
 * @param c consequence (LEC)
 * @param s severity (LS)
 * @param score the product
 * @param colour resulting colour
 * @param bandLabel the band label code
 * @param previousColour the point's colour before this assessment
 * @param note remark
 * @param assessedBy display name of the assessor
 * @param assessedAt when
 */
public record Assessment(
        UUID id,
        RiskPointId point,
        AssessmentMethod method,
        BigDecimal l,
        @Nullable BigDecimal e,
        @Nullable BigDecimal c,
        @Nullable BigDecimal s,
        BigDecimal score,
        RiskColour colour,
        String bandLabel,
        @Nullable RiskColour previousColour,
        @Nullable String note,
        String assessedBy,
        Instant assessedAt) {}
