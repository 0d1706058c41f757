package cn.yingji.risk;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The GB 18218-2018 reference data as loaded from {@code risk/gb18218-2018.csv}. Every row says whether its values
 * are verified (from the sources cited in {@code domain-rules.md} §5) or not; the UI warns about the others.
 *
 * @param source the data file's source statement
 * @param substances Table 1 (named substances, with Table 3 β where listed)
 * @param classes Table 2 thresholds with Table 4 β, by hazard class
 * @param alphas the α correction by exposed population
 * @param grades the grade bands by R
 */
public record Gb18218Table(
        String source,
        List<Substance> substances,
        List<HazardClass> classes,
        List<AlphaBand> alphas,
        List<GradeBand> grades) {

    public Gb18218Table {
        substances = List.copyOf(substances);
        classes = List.copyOf(classes);
        alphas = List.copyOf(alphas);
        grades = List.copyOf(grades);
    }

    /**
     * A named substance of Table 1.
     *
     * @param code stable code used in inventories
     * @param name Chinese name as in the standard
     * @param cas CAS number, if recorded
     * @param threshold Q in tonnes
     * @param beta β from Table 3, or null when β comes from Table 4 by class
     * @param defaultClass suggested hazard class for β from Table 4, if recorded
     * @param verified whether Q is verified
     * @param betaVerified whether β (when present) is verified
     * @param note remark on the row's source
     */
    public record Substance(
            String code,
            String name,
            @Nullable String cas,
            BigDecimal threshold,
            @Nullable BigDecimal beta,
            @Nullable String defaultClass,
            boolean verified,
            boolean betaVerified,
            @Nullable String note) {}

    /**
     * A hazard class of Table 2 with its β of Table 4.
     *
     * @param code e.g. {@code W5.1}
     * @param description description of the class
     * @param threshold Q in tonnes
     * @param beta β
     * @param verified whether Q and β are verified
     */
    public record HazardClass(
            String code, String description, BigDecimal threshold, BigDecimal beta, boolean verified) {}

    /**
     * α for an exposed population in {@code [minPeople, maxPeople]}.
     *
     * @param minPeople lowest count, inclusive
     * @param maxPeople highest count, inclusive; null for no upper limit
     * @param alpha α
     * @param verified whether verified
     */
    public record AlphaBand(int minPeople, @Nullable Integer maxPeople, BigDecimal alpha, boolean verified) {}

    /**
     * A grade for R at or above {@code minR} (and below the next higher band's minimum).
     *
     * @param grade the grade
     * @param minR lowest R, inclusive; null for the lowest grade
     * @param verified whether verified
     */
    public record GradeBand(HazardGrade grade, @Nullable BigDecimal minR, boolean verified) {}
}
