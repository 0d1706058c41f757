package cn.yingji.centre.internal;

import cn.yingji.command.Command;
import cn.yingji.command.Task;
import cn.yingji.incident.Grade;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentFilter;
import cn.yingji.incident.IncidentState;
import cn.yingji.incident.Incidents;
import cn.yingji.incident.Obligation;
import cn.yingji.resource.RescueTeams;
import cn.yingji.resource.Team;
import cn.yingji.resource.TeamStatus;
import cn.yingji.shared.PageQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** Assembles the situation from the incident module, inside the caller's jurisdiction (the facades scope it). */
@Service
class SituationService {

    /** Upper bound of active events on the wall; a city rarely has more than a few dozen at once. */
    static final int MAX_EVENTS = PageQuery.MAX_SIZE;

    /** Obligations due later than this are not "due soon" whatever the incident module's margin is. */
    static final Duration CLOCK_HORIZON = Duration.ofHours(24);

    /** Open tasks on the wall; the task page lists the rest. */
    static final int MAX_TASKS = 200;

    private final Incidents incidents;
    private final Command command;
    private final RescueTeams teams;
    private final MessageSource messages;
    private final Clock clock;

    SituationService(Incidents incidents, Command command, RescueTeams teams, MessageSource messages) {
        this.incidents = incidents;
        this.command = command;
        this.teams = teams;
        this.messages = messages;
        this.clock = Clock.systemUTC();
    }

    Situation current() {
        Instant now = clock.instant();
        Locale locale = LocaleContextHolder.getLocale();
        List<Incident> active = new ArrayList<>();
        for (IncidentState state : List.of(IncidentState.REPORTED, IncidentState.VERIFIED)) {
            IncidentFilter filter = new IncidentFilter(null, null, null, state, null, null, null, null, null);
            active.addAll(incidents.list(filter, new PageQuery(0, MAX_EVENTS)).items());
        }
        active.sort(Comparator.comparing(
                        (Incident i) -> i.grade() == null ? -1 : i.grade().ordinal())
                .reversed()
                .thenComparing(Incident::occurredAt, Comparator.reverseOrder()));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            counts.put(g.name(), 0L);
        }
        counts.put("NONE", 0L);
        List<Situation.ActiveEvent> events = new ArrayList<>();
        List<Situation.Clock> clocks = new ArrayList<>();
        for (Incident i : active) {
            String grade = i.grade() == null ? null : i.grade().name();
            counts.merge(grade == null ? "NONE" : grade, 1L, Long::sum);
            events.add(new Situation.ActiveEvent(
                    i.id().value().toString(),
                    i.number(),
                    i.title(),
                    i.typeCode(),
                    grade,
                    text("incident.grade." + (grade == null ? "none" : grade), locale),
                    text("incident.state." + i.state().name(), locale),
                    i.lon(),
                    i.lat(),
                    i.occurredAt(),
                    i.casualties().deaths(),
                    i.casualties().missing(),
                    i.casualties().seriouslyInjured(),
                    i.drill()));
        }
        Map<String, Incident> byId = new java.util.HashMap<>();
        active.forEach(i -> byId.put(i.id().value().toString(), i));
        for (Obligation o : incidents.openObligations(now.plus(CLOCK_HORIZON), MAX_EVENTS)) {
            Incident i = byId.get(o.incidentId().value().toString());
            Obligation.Status status = o.statusAt(now);
            if (i != null && (status == Obligation.Status.OVERDUE || status == Obligation.Status.DUE_SOON)) {
                clocks.add(new Situation.Clock(
                        i.id().value().toString(),
                        i.number(),
                        i.title(),
                        text("incident.recipient." + o.recipient().name(), locale),
                        o.dueAt(),
                        status.name(),
                        Duration.between(now, o.dueAt()).toSeconds()));
            }
        }
        clocks.sort(Comparator.comparing(Situation.Clock::dueAt));
        List<Situation.OpenTask> tasks = new ArrayList<>();
        for (Task t : command.openTasks(MAX_TASKS)) {
            tasks.add(new Situation.OpenTask(
                    t.id().toString(),
                    t.number(),
                    t.title(),
                    t.incidentId().toString(),
                    t.assigneeName(),
                    t.state().name(),
                    text("command.taskState." + t.state().name(), locale),
                    t.dueAt(),
                    t.overdueAt(now)));
        }
        List<Situation.EngagedTeam> out = new ArrayList<>();
        for (TeamStatus status : List.of(TeamStatus.DISPATCHED, TeamStatus.ON_SCENE, TeamStatus.RETURNING)) {
            for (Team t :
                    teams.list(null, null, status, new PageQuery(0, MAX_TASKS)).items()) {
                out.add(new Situation.EngagedTeam(
                        t.id().toString(),
                        t.name(),
                        status.name(),
                        text("resource.status." + status.name(), locale),
                        t.currentIncident() == null ? null : t.currentIncident().toString(),
                        t.lon(),
                        t.lat()));
            }
        }
        return new Situation(now, events, counts, clocks, tasks, command.taskCounts(now), out);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
