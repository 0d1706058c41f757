package cn.yingji.incident.internal;

import cn.yingji.incident.Grade;
import cn.yingji.incident.Obligation;
import cn.yingji.incident.ReportingLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Works out which reporting obligations an event must have: for every enabled rule of its chain that applies to its
 * grade and whose sending level has received the event, one obligation due {@code deadline} minutes after the level
 * received it (wall clock, Asia/Shanghai). When a rule starts applying only because the grade went up, the clock
 * starts at the grade change. Obligations whose rule no longer applies are waived, not deleted.
 */
final class ReportingPlanner {

    private ReportingPlanner() {}

    /** An obligation to create (or reopen when one was waived). */
    record Planned(ReportingRule rule, Instant anchor, Instant due) {}

    /** The result: obligations to add and the ids of open ones to waive. */
    record Plan(List<Planned> add, List<Obligation> waive) {}

    static Instant due(Instant anchor, int minutes, ZoneId zone) {
        return anchor.atZone(zone).plusMinutes(minutes).toInstant();
    }

    /**
     * @param rules the rules of the event's chain
     * @param grade current grade
     * @param reached when each level received the event
     * @param existing the event's obligations
     * @param gradeChangedAt when the grade changed (null at intake or when filing a report)
     */
    static Plan plan(
            List<ReportingRule> rules,
            @Nullable Grade grade,
            Map<ReportingLevel, Instant> reached,
            List<Obligation> existing,
            @Nullable Instant gradeChangedAt,
            ZoneId zone) {
        List<Planned> add = new ArrayList<>();
        List<Obligation> waive = new ArrayList<>();
        for (ReportingRule rule : rules) {
            Optional<Obligation> current = existing.stream()
                    .filter(o -> o.fromLevel() == rule.fromLevel() && o.recipient() == rule.recipient())
                    .findFirst();
            Instant reachedAt = reached.get(rule.fromLevel());
            boolean applies = rule.appliesTo(grade) && reachedAt != null;
            if (applies && (current.isEmpty() || current.get().waivedAt() != null)) {
                Instant anchor = reachedAt;
                if (rule.minGrade() != null && gradeChangedAt != null && gradeChangedAt.isAfter(anchor)) {
                    anchor = gradeChangedAt;
                }
                add.add(new Planned(rule, anchor, due(anchor, rule.deadlineMinutes(), zone)));
            } else if (!applies
                    && current.isPresent()
                    && current.get().metAt() == null
                    && current.get().waivedAt() == null) {
                waive.add(current.get());
            }
        }
        return new Plan(add, waive);
    }
}
