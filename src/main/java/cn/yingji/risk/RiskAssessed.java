package cn.yingji.risk;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A risk point was assessed (published after commit).
 *
 * @param point the risk point
 * @param divisionPath where it lies
 * @param method the method used
 * @param score the score
 * @param colour the new colour
 * @param previousColour the colour before, null for the first assessment
 */
public record RiskAssessed(
        RiskPointId point,
        String divisionPath,
        AssessmentMethod method,
        BigDecimal score,
        RiskColour colour,
        @Nullable RiskColour previousColour) {

    /** True when the colour changed (or the point was assessed for the first time). */
    public boolean colourChanged() {
        return previousColour != colour;
    }
}
