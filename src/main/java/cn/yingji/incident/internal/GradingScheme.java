package cn.yingji.incident.internal;

import cn.yingji.incident.Casualties;
import cn.yingji.incident.Grade;
import cn.yingji.incident.GradingDimension;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A grading scheme loaded from {@code incident.grading_schemes}/{@code grading_thresholds}. Grading is pure: a value
 * reaches a grade when it is at least the grade's lower bound ("以上" includes the bound, so the next grade's bound
 * is an open upper bound), and the highest grade reached on any dimension wins (Decree 493 Art. 3, 森林防火条例
 * Art. 40).
 */
record GradingScheme(String code, @Nullable Grade baseGrade, boolean countMissingAsDeaths, List<Threshold> thresholds) {

    GradingScheme {
        thresholds = List.copyOf(thresholds);
    }

    /** One lower bound. */
    record Threshold(GradingDimension dimension, Grade grade, BigDecimal minValue) {}

    /** The grade and the dimension that decided it (null dimension: the base grade applies). */
    record Result(
            @Nullable Grade grade,
            @Nullable GradingDimension dimension,
            @Nullable BigDecimal value) {}

    Result grade(Casualties c) {
        Grade best = baseGrade;
        GradingDimension dimension = null;
        BigDecimal decidingValue = null;
        if (best == null) {
            // Not graded at all (社会安全事件): no threshold applies either.
            return new Result(null, null, null);
        }
        for (GradingDimension d : GradingDimension.values()) {
            BigDecimal v = value(c, d);
            for (Threshold t : thresholds) {
                if (t.dimension() == d
                        && v.compareTo(t.minValue()) >= 0
                        && t.grade().compareTo(best) > 0) {
                    best = t.grade();
                    dimension = d;
                    decidingValue = v;
                }
            }
        }
        return new Result(best, dimension, decidingValue);
    }

    BigDecimal value(Casualties c, GradingDimension d) {
        return switch (d) {
            case DEATHS -> BigDecimal.valueOf((long) c.deaths() + (countMissingAsDeaths ? c.missing() : 0));
            case SERIOUSLY_INJURED -> BigDecimal.valueOf(c.seriouslyInjured());
            case DIRECT_LOSS -> c.directLoss();
            case FOREST_AREA -> c.forestArea();
            case TRAPPED -> BigDecimal.valueOf(c.trapped());
        };
    }
}
