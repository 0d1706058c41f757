package cn.yingji.incident.internal;

import cn.yingji.incident.Grade;
import cn.yingji.incident.Recipient;
import cn.yingji.incident.ReportingLevel;
import org.jspecify.annotations.Nullable;

/** A row of {@code incident.reporting_rules}. */
record ReportingRule(
        int id,
        String chain,
        ReportingLevel fromLevel,
        Recipient recipient,
        @Nullable Grade minGrade,
        int deadlineMinutes,
        boolean enabled,
        String legalBasis,
        String tag,
        int version) {

    /** True when the rule applies to an event of this grade (null: not graded). */
    boolean appliesTo(@Nullable Grade grade) {
        if (!enabled) {
            return false;
        }
        return minGrade == null || (grade != null && grade.atLeast(minGrade));
    }
}
