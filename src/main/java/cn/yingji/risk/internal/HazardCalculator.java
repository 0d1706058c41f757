package cn.yingji.risk.internal;

import cn.yingji.risk.Gb18218Table.AlphaBand;
import cn.yingji.risk.Gb18218Table.GradeBand;
import cn.yingji.risk.Gb18218Table.HazardClass;
import cn.yingji.risk.Gb18218Table.Substance;
import cn.yingji.risk.HazardEvaluation;
import cn.yingji.risk.HazardGrade;
import cn.yingji.risk.InventoryItem;
import cn.yingji.risk.InventoryLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * GB 18218-2018 identification and grading (domain-rules.md §5): S = Σ qᵢ/Qᵢ, a major hazard source when S ≥ 1;
 * R = α·Σ βᵢ·qᵢ/Qᵢ, 一级 R ≥ 100, 二级 50 ≤ R &lt; 100, 三级 10 ≤ R &lt; 50, 四级 R &lt; 10 (band edges from the data
 * file). Q from Table 1 for a named substance, else Table 2 by class; β from Table 3 when the substance has one,
 * else Table 4 by class. All arithmetic is exact.
 */
@Component
class HazardCalculator {

    static final int MAX_LINES = 200;
    static final BigDecimal MAX_QUANTITY = new BigDecimal("100000000");
    private static final Fraction ONE = Fraction.of(BigDecimal.ONE);

    private final Gb18218Data data;

    HazardCalculator(Gb18218Data data) {
        this.data = data;
    }

    HazardEvaluation evaluate(@Nullable Integer exposedPopulation, @Nullable List<InventoryLine> lines) {
        Errors errors = new Errors();
        if (exposedPopulation == null) {
            errors.add("exposedPopulation", "risk.error.required");
        } else if (exposedPopulation < 0) {
            errors.add("exposedPopulation", "risk.error.populationNegative");
        }
        List<Resolved> resolved = resolve(lines, errors);
        errors.throwIfAny();
        Fraction s = Fraction.ZERO;
        Fraction weighted = Fraction.ZERO;
        boolean unverified = false;
        List<InventoryItem> items = new ArrayList<>();
        for (Resolved r : resolved) {
            Fraction ratio = Fraction.of(r.quantity).dividedBy(Fraction.of(r.threshold));
            s = s.plus(ratio);
            weighted = weighted.plus(ratio.times(Fraction.of(r.beta)));
            unverified |= !r.thresholdVerified || !r.betaVerified;
            items.add(new InventoryItem(
                    r.chemical,
                    r.name,
                    r.cas,
                    r.hazardClass,
                    r.quantity,
                    r.threshold,
                    r.beta,
                    ratio.toDecimal(4),
                    r.thresholdVerified,
                    r.betaVerified));
        }
        AlphaBand alpha = alpha(exposedPopulation);
        unverified |= !alpha.verified();
        Fraction rValue = weighted.times(Fraction.of(alpha.alpha()));
        boolean major = s.compareTo(ONE) >= 0;
        HazardGrade grade = null;
        if (major) {
            GradeBand band = grade(rValue);
            unverified |= !band.verified();
            grade = band.grade();
        }
        return new HazardEvaluation(
                items, s.toDecimal(4), major, exposedPopulation, alpha.alpha(), rValue.toDecimal(4), grade, unverified);
    }

    AlphaBand alpha(int people) {
        for (AlphaBand b : data.table().alphas()) {
            if (people >= b.minPeople() && (b.maxPeople() == null || people <= b.maxPeople())) {
                return b;
            }
        }
        throw new IllegalStateException("no α band for " + people);
    }

    private GradeBand grade(Fraction r) {
        for (GradeBand b : data.table().grades()) {
            if (b.minR() == null || r.compareTo(Fraction.of(b.minR())) >= 0) {
                return b;
            }
        }
        throw new IllegalStateException("no grade band");
    }

    private record Resolved(
            @Nullable String chemical,
            String name,
            @Nullable String cas,
            @Nullable String hazardClass,
            BigDecimal quantity,
            BigDecimal threshold,
            BigDecimal beta,
            boolean thresholdVerified,
            boolean betaVerified) {}

    private List<Resolved> resolve(@Nullable List<InventoryLine> lines, Errors errors) {
        List<Resolved> out = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            errors.add("inventory", "risk.error.inventoryEmpty");
            return out;
        }
        if (lines.size() > MAX_LINES) {
            errors.add("inventory", "risk.error.inventoryTooLong", MAX_LINES);
            return out;
        }
        for (int i = 0; i < lines.size(); i++) {
            String f = "inventory[" + i + "]";
            InventoryLine l = lines.get(i);
            if (l == null) {
                errors.add(f, "risk.error.required");
                continue;
            }
            BigDecimal q = l.quantity();
            boolean ok = true;
            if (q == null) {
                errors.add(f + ".quantity", "risk.error.required");
                ok = false;
            } else if (q.signum() < 0) {
                errors.add(f + ".quantity", "risk.error.quantityNegative");
                ok = false;
            } else if (q.compareTo(MAX_QUANTITY) > 0) {
                errors.add(f + ".quantity", "risk.error.quantityTooLarge", MAX_QUANTITY);
                ok = false;
            }
            HazardClass cls = null;
            if (l.hazardClass() != null && !l.hazardClass().isBlank()) {
                cls = data.hazardClass(l.hazardClass()).orElse(null);
                if (cls == null) {
                    errors.add(
                            f + ".hazardClass",
                            "risk.error.unknownClass",
                            l.hazardClass().strip());
                    ok = false;
                }
            }
            Substance sub = null;
            if (l.chemical() != null && !l.chemical().isBlank()) {
                sub = data.substance(l.chemical()).orElse(null);
                if (sub == null) {
                    errors.add(
                            f + ".chemical",
                            "risk.error.unknownChemical",
                            l.chemical().strip());
                    ok = false;
                }
            }
            String name = sub != null
                    ? sub.name()
                    : l.name() == null ? null : l.name().strip();
            if (sub == null && (l.chemical() == null || l.chemical().isBlank())) {
                if (name == null || name.isEmpty()) {
                    errors.add(f + ".name", "risk.error.chemicalOrName");
                    ok = false;
                } else if (name.length() > 200) {
                    errors.add(f + ".name", "risk.error.tooLong", 200);
                    ok = false;
                }
                if (cls == null && !errors.has(f + ".hazardClass")) {
                    errors.add(f + ".hazardClass", "risk.error.classRequired");
                    ok = false;
                }
            }
            if (sub != null && sub.beta() == null && cls == null && !errors.has(f + ".hazardClass")) {
                errors.add(f + ".hazardClass", "risk.error.classNeededForBeta", sub.name());
                ok = false;
            }
            String cas = l.cas() == null || l.cas().isBlank()
                    ? (sub == null ? null : sub.cas())
                    : l.cas().strip();
            if (cas != null && !cas.matches("\\d{2,7}-\\d{2}-\\d")) {
                errors.add(f + ".cas", "risk.error.cas");
                ok = false;
            }
            if (!ok) {
                continue;
            }
            BigDecimal threshold = sub != null ? sub.threshold() : cls.threshold();
            boolean thresholdVerified = sub != null ? sub.verified() : cls.verified();
            BigDecimal beta;
            boolean betaVerified;
            if (sub != null && sub.beta() != null) {
                beta = sub.beta();
                betaVerified = sub.betaVerified();
            } else {
                beta = cls.beta();
                betaVerified = cls.verified();
            }
            out.add(new Resolved(
                    sub == null ? null : sub.code(),
                    name,
                    cas,
                    cls == null ? null : cls.code(),
                    q.stripTrailingZeros().scale() < 0 ? q.setScale(0) : q.stripTrailingZeros(),
                    threshold,
                    beta,
                    thresholdVerified,
                    betaVerified));
        }
        return out;
    }
}
