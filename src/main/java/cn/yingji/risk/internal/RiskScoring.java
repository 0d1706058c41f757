package cn.yingji.risk.internal;

import cn.yingji.risk.AssessmentMethod;
import cn.yingji.risk.NewAssessment;
import cn.yingji.risk.RiskBand;
import cn.yingji.risk.RiskColour;
import cn.yingji.risk.RiskResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pure scoring: checks the factor values against the configured sets, multiplies them exactly and finds the band.
 * Also validates a banding before it is stored.
 */
final class RiskScoring {

    static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private RiskScoring() {}

    /** Factor inputs by name, in the method's order (missing ones are null). */
    static Map<String, @Nullable BigDecimal> inputs(NewAssessment a) {
        java.util.LinkedHashMap<String, @Nullable BigDecimal> m = new java.util.LinkedHashMap<>();
        m.put("L", a.l());
        m.put("E", a.e());
        m.put("C", a.c());
        m.put("S", a.s());
        return m;
    }

    static RiskResult evaluate(
            NewAssessment a, Map<AssessmentMethod, Map<String, List<BigDecimal>>> allowed, List<RiskBand> bandsOf) {
        Errors errors = new Errors();
        AssessmentMethod method = a.method();
        if (method == null) {
            errors.add("method", "risk.error.required");
            errors.throwIfAny();
        }
        BigDecimal product = BigDecimal.ONE;
        for (Map.Entry<String, @Nullable BigDecimal> e : inputs(a).entrySet()) {
            String factor = e.getKey();
            BigDecimal v = e.getValue();
            String field = factor.toLowerCase(java.util.Locale.ROOT);
            if (!method.factors().contains(factor)) {
                if (v != null) {
                    errors.add(field, "risk.error.factorNotUsed", factor, method);
                }
                continue;
            }
            List<BigDecimal> values = allowed.getOrDefault(method, Map.of()).getOrDefault(factor, List.of());
            if (v == null) {
                errors.add(field, "risk.error.factorRequired", factor);
            } else if (values.stream().noneMatch(x -> x.compareTo(v) == 0)) {
                errors.add(field, "risk.error.factorNotAllowed", factor, join(values));
            } else {
                product = product.multiply(v);
            }
        }
        errors.throwIfAny();
        BigDecimal score = product.stripTrailingZeros();
        if (score.scale() < 0) {
            score = score.setScale(0);
        }
        for (RiskBand b : bandsOf) {
            if (b.contains(score)) {
                return new RiskResult(method, score, b.colour(), b.label());
            }
        }
        throw new IllegalStateException("bands of " + method + " do not cover " + score);
    }

    private static String join(List<BigDecimal> values) {
        return String.join(", ", values.stream().map(BigDecimal::toPlainString).toList());
    }

    /** Checks a complete banding of a method: contiguous, no overlap, non-decreasing severity, every colour used. */
    static List<RiskBand> validBands(AssessmentMethod method, @Nullable List<RiskBand> bands) {
        Errors errors = new Errors();
        if (bands == null || bands.isEmpty() || bands.size() > 12) {
            errors.add("bands", "risk.error.bands.count", 12);
            errors.throwIfAny();
        }
        List<RiskBand> out = new ArrayList<>();
        Set<RiskColour> colours = EnumSet.noneOf(RiskColour.class);
        for (int i = 0; i < bands.size(); i++) {
            RiskBand b = bands.get(i);
            String f = "bands[" + i + "]";
            if (b == null || b.colour() == null) {
                errors.add(f + ".colour", "risk.error.required");
                continue;
            }
            colours.add(b.colour());
            if (b.label() == null || !LABEL.matcher(b.label()).matches()) {
                errors.add(f + ".label", "risk.error.bands.label");
            }
            boolean first = i == 0;
            boolean last = i == bands.size() - 1;
            if (first != (b.lower() == null)) {
                errors.add(f + ".lower", first ? "risk.error.bands.firstOpen" : "risk.error.required");
            }
            if (last != (b.upper() == null)) {
                errors.add(f + ".upper", last ? "risk.error.bands.lastOpen" : "risk.error.required");
            }
            if (b.lower() != null && b.upper() != null && b.lower().compareTo(b.upper()) >= 0) {
                errors.add(f + ".upper", "risk.error.bands.empty");
            }
            if (i > 0) {
                RiskBand prev = bands.get(i - 1);
                if (prev != null && prev.colour() != null) {
                    if (prev.upper() != null
                            && b.lower() != null
                            && prev.upper().compareTo(b.lower()) != 0) {
                        errors.add(f + ".lower", "risk.error.bands.gap");
                    } else if (prev.upperInclusive() == b.lowerInclusive()) {
                        errors.add(f + ".lowerInclusive", "risk.error.bands.edge");
                    }
                    if (prev.colour().severity() > b.colour().severity()) {
                        errors.add(f + ".colour", "risk.error.bands.order");
                    }
                }
            }
            out.add(new RiskBand(
                    method,
                    b.colour(),
                    b.label() == null ? "" : b.label(),
                    b.lower() == null ? null : b.lower().stripTrailingZeros(),
                    b.lower() != null && b.lowerInclusive(),
                    b.upper() == null ? null : b.upper().stripTrailingZeros(),
                    b.upper() != null && b.upperInclusive()));
        }
        if (!errors.any() && colours.size() < RiskColour.values().length) {
            errors.add("bands", "risk.error.bands.colours");
        }
        errors.throwIfAny();
        return out;
    }
}
