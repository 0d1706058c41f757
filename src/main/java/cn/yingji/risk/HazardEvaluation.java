package cn.yingji.risk;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Identification and grading of one unit by GB 18218-2018.
 *
 * @param items the inventory with the table values used
 * @param s S = Σ qᵢ/Qᵢ (rounded to 4 decimals for display; decisions use the exact value)
 * @param major S ≥ 1
 * @param exposedPopulation people exposed outside the plant
 * @param alpha α for that population
 * @param r R = α · Σ βᵢ·qᵢ/Qᵢ (rounded to 4 decimals)
 * @param grade the grade, null when not a major hazard source
 * @param unverifiedData true when any table value used is marked unverified in the data file
 */
public record HazardEvaluation(
        List<InventoryItem> items,
        BigDecimal s,
        boolean major,
        int exposedPopulation,
        BigDecimal alpha,
        BigDecimal r,
        @Nullable HazardGrade grade,
        boolean unverifiedData) {

    public HazardEvaluation {
        items = List.copyOf(items);
    }
}
