package cn.yingji.risk;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One band of a method's banding (configuration, editable by an administrator). Bands of a method are contiguous,
 * ordered from low to high scores, and together cover every score exactly once.
 *
 * @param method the method
 * @param colour colour of scores in the band
 * @param label label code, a message key suffix under {@code risk.band.} (e.g. {@code lec.extreme})
 * @param lower lower edge; null for no lower edge
 * @param lowerInclusive whether the lower edge belongs to this band
 * @param upper upper edge; null for no upper edge
 * @param upperInclusive whether the upper edge belongs to this band
 */
public record RiskBand(
        AssessmentMethod method,
        RiskColour colour,
        String label,
        @Nullable BigDecimal lower,
        boolean lowerInclusive,
        @Nullable BigDecimal upper,
        boolean upperInclusive) {

    /** True when the score lies in this band. */
    public boolean contains(BigDecimal score) {
        if (lower != null) {
            int c = score.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = score.compareTo(upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }
}
