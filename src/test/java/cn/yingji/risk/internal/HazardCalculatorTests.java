package cn.yingji.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.risk.Gb18218Table;
import cn.yingji.risk.HazardEvaluation;
import cn.yingji.risk.HazardGrade;
import cn.yingji.risk.InventoryLine;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GB 18218-2018 identification (S) and grading (R) against the shipped data file.
 *
 * <p>Source of the rules and of every table value used here: /work/shared/docs/domain-rules.md §5 (S = Σ q/Q, S ≥ 1
 * major; R = α·Σ β·q/Q; 一级 R ≥ 100, 二级 50 ≤ R &lt; 100, 三级 10 ≤ R &lt; 50, 四级 R &lt; 10; Table 2 thresholds; Table 4
 * β; α by exposed population; Table 1 examples 氨 10 t, 二氧化硫 20 t). domain-rules.md gives NO worked example from
 * the standard, so every example below is constructed by hand from those verified table values; the expected
 * numbers are computed by hand in the comments.
 */
class HazardCalculatorTests {

    private final Gb18218Data data = new Gb18218Data();
    private final HazardCalculator calc = new HazardCalculator(data);

    private static InventoryLine byClass(String name, String cls, String tonnes) {
        return new InventoryLine(null, name, null, cls, new BigDecimal(tonnes));
    }

    private static InventoryLine named(String code, String tonnes) {
        return new InventoryLine(code, null, null, null, new BigDecimal(tonnes));
    }

    @Test
    void dataFileStatesItsSourceAndFlagsUnverifiedRows() {
        Gb18218Table t = data.table();
        assertThat(t.source()).contains("GB 18218-2018").contains("domain-rules.md §5");
        assertThat(t.classes()).hasSize(24).allMatch(Gb18218Table.HazardClass::verified);
        assertThat(data.substance("ammonia").orElseThrow().verified()).isTrue();
        // Table 3 β is [UNVERIFIED] in domain-rules.md: must be flagged.
        assertThat(data.substance("ammonia").orElseThrow().betaVerified()).isFalse();
        assertThat(data.substance("chlorine").orElseThrow().verified()).isFalse();
        assertThat(data.hazardClass("J1").orElseThrow().threshold()).isEqualByComparingTo("5");
        assertThat(data.hazardClass("w5.1").orElseThrow().beta()).isEqualByComparingTo("1.5");
    }

    /** Hand example 1: a single substance below its threshold. 氨 5 t, Q = 10 t → S = 0.5 → not major. */
    @Test
    void singleSubstanceBelowThresholdIsNotMajor() {
        HazardEvaluation e = calc.evaluate(0, List.of(named("ammonia", "5")));
        assertThat(e.s()).isEqualByComparingTo("0.5");
        assertThat(e.major()).isFalse();
        assertThat(e.grade()).isNull();
    }

    /**
     * Hand example 2: q = Q exactly is major (安全生产法 Art. 117 "等于或者超过临界量"). 氨 10 t → S = 1. β(氨) = 2 from
     * Table 3 (unverified), α(0 people) = 0.5 → R = 0.5 × 2 × 1 = 1 → 四级, flagged as using unverified data.
     */
    @Test
    void quantityEqualToThresholdIsMajor() {
        HazardEvaluation e = calc.evaluate(0, List.of(named("ammonia", "10")));
        assertThat(e.s()).isEqualByComparingTo("1");
        assertThat(e.major()).isTrue();
        assertThat(e.r()).isEqualByComparingTo("1");
        assertThat(e.grade()).isEqualTo(HazardGrade.FOURTH);
        assertThat(e.unverifiedData()).isTrue();
    }

    /**
     * Hand example 3, exact arithmetic at S = 1: 氨 4 t (4/10) + 二氧化硫 12 t (12/20) = 0.4 + 0.6 = 1 → major; with
     * 11.9 t of SO₂: 0.4 + 0.595 = 0.995 → not major.
     */
    @Test
    void mixtureSumIsExactAtOne() {
        assertThat(calc.evaluate(10, List.of(named("ammonia", "4"), named("sulfur-dioxide", "12")))
                        .major())
                .isTrue();
        HazardEvaluation below = calc.evaluate(10, List.of(named("ammonia", "4"), named("sulfur-dioxide", "11.9")));
        assertThat(below.major()).isFalse();
        assertThat(below.s()).isEqualByComparingTo("0.995");
    }

    /**
     * Hand example 4 (verified values only): J1 toxic gas 25 t (Q 5, β 4 → q/Q 5) + W2 flammable gas 20 t (Q 10, β 1.5
     * → q/Q 2), 120 people exposed (α 2.0). S = 7 → major; R = 2.0 × (4×5 + 1.5×2) = 46 → 三级.
     */
    @Test
    void classBasedMixtureGradesThird() {
        HazardEvaluation e = calc.evaluate(120, List.of(byClass("某毒性气体", "J1", "25"), byClass("某易燃气体", "W2", "20")));
        assertThat(e.s()).isEqualByComparingTo("7");
        assertThat(e.alpha()).isEqualByComparingTo("2.0");
        assertThat(e.r()).isEqualByComparingTo("46");
        assertThat(e.grade()).isEqualTo(HazardGrade.THIRD);
        assertThat(e.unverifiedData()).isFalse();
    }

    /**
     * Hand example 5, grade edges (closed lower edge, "以上" includes N): J1 (Q 5, β 4) with α 2.0 (≥ 100 people):
     * R = 2 × 4 × q/5 = 1.6 q. q = 62.5 → R = 100 → 一级; q = 62.4 → 99.84 → 二级; q = 31.25 → 50 → 二级;
     * q = 31.24 → 49.984 → 三级; q = 6.25 → 10 → 三级; q = 6.24 → 9.984 → 四级.
     */
    @Test
    void gradeBoundaries() {
        assertThat(gradeOfJ1(100, "62.5")).isEqualTo(HazardGrade.FIRST);
        assertThat(gradeOfJ1(100, "62.4")).isEqualTo(HazardGrade.SECOND);
        assertThat(gradeOfJ1(100, "31.25")).isEqualTo(HazardGrade.SECOND);
        assertThat(gradeOfJ1(100, "31.24")).isEqualTo(HazardGrade.THIRD);
        assertThat(gradeOfJ1(100, "6.25")).isEqualTo(HazardGrade.THIRD);
        assertThat(gradeOfJ1(100, "6.24")).isEqualTo(HazardGrade.FOURTH);
        assertThat(calc.evaluate(100, List.of(byClass("x", "J1", "62.5"))).r()).isEqualByComparingTo("100");
    }

    private HazardGrade gradeOfJ1(int people, String q) {
        return calc.evaluate(people, List.of(byClass("x", "J1", q))).grade();
    }

    /** α bands of domain-rules.md §5.2 at each edge: ≥100 2.0; 50–99 1.5; 30–49 1.2; 1–29 1.0; 0 0.5. */
    @Test
    void alphaBandEdges() {
        assertThat(calc.alpha(100).alpha()).isEqualByComparingTo("2.0");
        assertThat(calc.alpha(99).alpha()).isEqualByComparingTo("1.5");
        assertThat(calc.alpha(50).alpha()).isEqualByComparingTo("1.5");
        assertThat(calc.alpha(49).alpha()).isEqualByComparingTo("1.2");
        assertThat(calc.alpha(30).alpha()).isEqualByComparingTo("1.2");
        assertThat(calc.alpha(29).alpha()).isEqualByComparingTo("1.0");
        assertThat(calc.alpha(1).alpha()).isEqualByComparingTo("1.0");
        assertThat(calc.alpha(0).alpha()).isEqualByComparingTo("0.5");
    }

    /**
     * Table 1 Q with Table 4 β: 钠 (Q 10 t, verified) has no Table 3 β, so β comes from its class (W11 → 1). 钠 20 t,
     * 40 people (α 1.2): S = 2, R = 1.2 × 1 × 2 = 2.4 → 四级. Without a class the β is unknown → field error.
     */
    @Test
    void namedSubstanceWithoutTable3BetaUsesItsClass() {
        HazardEvaluation e =
                calc.evaluate(40, List.of(new InventoryLine("sodium", null, null, "W11", new BigDecimal("20"))));
        assertThat(e.s()).isEqualByComparingTo("2");
        assertThat(e.r()).isEqualByComparingTo("2.4");
        assertThat(e.items().get(0).threshold()).isEqualByComparingTo("10");
        assertThat(e.items().get(0).beta()).isEqualByComparingTo("1");
        assertThat(fields(() -> calc.evaluate(40, List.of(named("sodium", "20")))))
                .containsExactly("inventory[0].hazardClass");
    }

    @Test
    void badInputListsEveryFieldError() {
        assertThat(fields(() -> calc.evaluate(
                        null,
                        List.of(
                                named("no-such-chemical", "1"),
                                byClass("x", "W5.1", "-1"),
                                byClass("x", "Z9", "1"),
                                new InventoryLine(null, null, null, null, null)))))
                .contains(
                        "exposedPopulation",
                        "inventory[0].chemical",
                        "inventory[1].quantity",
                        "inventory[2].hazardClass",
                        "inventory[3].quantity",
                        "inventory[3].name");
        assertThat(fields(() -> calc.evaluate(-1, List.of()))).containsExactly("exposedPopulation", "inventory");
    }

    private static List<String> fields(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.fieldErrors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected InvalidInputException");
    }

    @Test
    void fractionsAreExact() {
        Fraction third = Fraction.of(new BigDecimal("0.1")).dividedBy(Fraction.of(new BigDecimal("0.3")));
        Fraction sum = third.plus(third).plus(third);
        assertThat(sum.compareTo(Fraction.of(BigDecimal.ONE))).isZero();
        assertThatThrownBy(() -> Fraction.of(BigDecimal.ONE).dividedBy(Fraction.ZERO))
                .isInstanceOf(ArithmeticException.class);
    }
}
