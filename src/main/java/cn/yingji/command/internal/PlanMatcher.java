package cn.yingji.command.internal;

import cn.yingji.command.Headquarters;
import cn.yingji.command.Plan;
import cn.yingji.command.PlanKind;
import cn.yingji.command.PlanLevel;
import cn.yingji.command.PlanMatch;
import cn.yingji.command.PlanMatch.Reason;
import cn.yingji.command.ResponseLevel;
import cn.yingji.incident.Grade;
import cn.yingji.incident.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides which plans apply to an event and why. A plan applies when it is active, its jurisdiction contains the
 * event and it covers the event's type (a plan with no types covers all). Ranking: a special plan for the type
 * beats a general one; a plan issued at the government level that leads at the event's grade beats the others; a
 * plan that defines a level for the grade beats one that does not.
 */
final class PlanMatcher {

    private final CommandSupport.Properties properties;

    PlanMatcher(CommandSupport.Properties properties) {
        this.properties = properties;
    }

    List<PlanMatch> match(Incident incident, List<Plan> candidates) {
        List<PlanMatch> out = new ArrayList<>();
        Headquarters.LeadLevel lead = properties.leadFor(incident.grade());
        for (Plan plan : candidates) {
            if (!incident.divisionPath().startsWith(plan.divisionPath())) {
                continue;
            }
            boolean covers = plan.eventTypes().contains(incident.typeCode());
            boolean general = plan.eventTypes().isEmpty();
            if (!covers && !general) {
                continue;
            }
            List<Reason> reasons = new ArrayList<>();
            int score = 0;
            if (covers) {
                score += 100;
                reasons.add(new Reason("command.match.type", List.of(incident.typeCode())));
            } else {
                score += 10;
                reasons.add(new Reason("command.match.general", List.of()));
            }
            if (plan.kind() == PlanKind.SPECIAL) {
                score += 5;
            }
            reasons.add(new Reason("command.match.jurisdiction", List.of(plan.issuer())));
            Headquarters.LeadLevel planLevel = levelOf(plan.divisionPath());
            if (planLevel == lead) {
                score += 50;
                reasons.add(new Reason("command.match.lead", List.of(lead.name())));
            }
            ResponseLevel suggested = suggest(plan, incident.grade());
            if (suggested != null) {
                score += 20;
                PlanLevel defined = plan.levels().stream()
                        .filter(l -> l.level() == suggested)
                        .findFirst()
                        .orElse(null);
                reasons.add(new Reason(
                        "command.match.level",
                        List.of(
                                incident.grade() == null ? "" : incident.grade().name(),
                                suggested.name(),
                                defined == null ? "" : defined.triggerText())));
            } else if (incident.grade() == null) {
                reasons.add(new Reason("command.match.ungraded", List.of()));
            }
            out.add(new PlanMatch(plan, suggested, score, reasons));
        }
        out.sort(Comparator.comparingInt(PlanMatch::score)
                .reversed()
                .thenComparing(m -> m.plan().code()));
        return out;
    }

    /**
     * The highest level whose grade trigger the event reaches; when the plan has no grade triggers, the configured
     * default level for the grade if the plan defines it.
     */
    @Nullable
    ResponseLevel suggest(Plan plan, @Nullable Grade grade) {
        if (grade == null) {
            return null;
        }
        boolean anyTrigger = plan.levels().stream().anyMatch(l -> l.minGrade() != null);
        if (anyTrigger) {
            return plan.levels().stream()
                    .filter(l -> l.minGrade() != null && grade.atLeast(l.minGrade()))
                    .map(PlanLevel::level)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
        }
        ResponseLevel fallback = properties.defaultLevels().get(grade);
        return plan.levels().stream().anyMatch(l -> l.level() == fallback) ? fallback : null;
    }

    /**
     * Government level of a jurisdiction path, read from the 12-digit code of its last segment (GB/T 2260 and the
     * statistical division codes: province xx0000…, city xxxx00…, county xxxxxx000000, otherwise township).
     */
    static Headquarters.LeadLevel levelOf(String path) {
        String[] parts = path.split("/");
        String code = parts.length == 0 ? "" : parts[parts.length - 1];
        if (code.length() != 12) {
            return Headquarters.LeadLevel.CITY;
        }
        if (code.endsWith("0000000000")) {
            return Headquarters.LeadLevel.PROVINCE;
        }
        if (code.endsWith("00000000")) {
            return Headquarters.LeadLevel.CITY;
        }
        if (code.endsWith("000000")) {
            return Headquarters.LeadLevel.COUNTY;
        }
        return Headquarters.LeadLevel.TOWNSHIP;
    }
}
