package cn.yingji.command;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plan (应急预案) as registered.
 *
 * @param id identifier
 * @param code unique code, e.g. {@code HF-SP-WH-2024}
 * @param name title
 * @param kind general, special, department or enterprise plan
 * @param eventTypes event type codes covered; empty means every type (a general plan)
 * @param divisionPath jurisdiction of the issuing government; the plan applies to events inside it
 * @param issuer issuing government or organisation
 * @param versionLabel version
 * @param effectiveOn date in force
 * @param status draft, active or retired
 * @param summary scope and purpose
 * @param levels the response levels the plan defines, highest first
 * @param actions the checklist, by level and order
 * @param version optimistic-lock version
 */
public record Plan(
        PlanId id,
        String code,
        String name,
        PlanKind kind,
        List<String> eventTypes,
        String divisionPath,
        String issuer,
        String versionLabel,
        @Nullable LocalDate effectiveOn,
        PlanStatus status,
        @Nullable String summary,
        List<PlanLevel> levels,
        List<PlanAction> actions,
        int version) {

    public Plan {
        eventTypes = List.copyOf(eventTypes);
        levels = List.copyOf(levels);
        actions = List.copyOf(actions);
    }

    /** The checklist of one level. */
    public List<PlanAction> actionsAt(ResponseLevel level) {
        return actions.stream().filter(a -> a.level() == level).toList();
    }
}
