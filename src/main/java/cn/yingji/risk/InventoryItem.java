package cn.yingji.risk;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One inventory line with the table values it was computed with.
 *
 * @param chemical Table 1 code, or null for a substance identified by class
 * @param name name
 * @param cas CAS number, if given
 * @param hazardClass hazard class, if given
 * @param quantity q in tonnes
 * @param threshold Q in tonnes (Table 1 or Table 2)
 * @param beta correction factor β (Table 3 or Table 4)
 * @param ratio q / Q, rounded for display
 * @param thresholdVerified false when Q comes from a row the data file marks unverified
 * @param betaVerified false when β comes from a row the data file marks unverified
 */
public record InventoryItem(
        @Nullable String chemical,
        String name,
        @Nullable String cas,
        @Nullable String hazardClass,
        BigDecimal quantity,
        BigDecimal threshold,
        BigDecimal beta,
        BigDecimal ratio,
        boolean thresholdVerified,
        boolean betaVerified) {}
