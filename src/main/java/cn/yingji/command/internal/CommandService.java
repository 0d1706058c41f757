package cn.yingji.command.internal;

import cn.yingji.command.Command;
import cn.yingji.command.CommandManagement;
import cn.yingji.command.Feedback;
import cn.yingji.command.Headquarters;
import cn.yingji.command.NewTask;
import cn.yingji.command.Plan;
import cn.yingji.command.PlanAction;
import cn.yingji.command.PlanId;
import cn.yingji.command.Response;
import cn.yingji.command.ResponseChanged;
import cn.yingji.command.ResponseLevel;
import cn.yingji.command.ResponsibleKind;
import cn.yingji.command.Task;
import cn.yingji.command.TaskChanged;
import cn.yingji.command.TaskId;
import cn.yingji.command.TaskState;
import cn.yingji.command.TaskUpdate;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.UserManagement;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.IncidentState;
import cn.yingji.incident.Incidents;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.ForbiddenException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responses, headquarters and tasks. Every read goes through {@link Incidents}, which answers 404 for a foreign
 * event, so nothing here can reach a row outside the caller's jurisdiction.
 */
@Service
class CommandService implements Command, CommandManagement {

    private static final int MAX_TEXT = 4_000;

    private final JdbcCommandStore store;
    private final CommandSupport.CommandRoles roles;
    private final CommandSupport.CommandClock clock;
    private final CommandSupport.Properties properties;
    private final DefaultPlans plans;
    private final Incidents incidents;
    private final IncidentManagement incidentManagement;
    private final UserManagement users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    CommandService(
            JdbcCommandStore store,
            CommandSupport.CommandRoles roles,
            CommandSupport.CommandClock clock,
            CommandSupport.Properties properties,
            DefaultPlans plans,
            Incidents incidents,
            IncidentManagement incidentManagement,
            UserManagement users,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.store = store;
        this.roles = roles;
        this.clock = clock;
        this.properties = properties;
        this.plans = plans;
        this.incidents = incidents;
        this.incidentManagement = incidentManagement;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    // ---- reads --------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<Response> activeResponse(IncidentId incident) {
        return responses(incident).stream().filter(Response::active).findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Response> responses(IncidentId incident) {
        incidents.require(incident);
        return store.responses(incident.value());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Headquarters> headquarters(IncidentId incident) {
        incidents.require(incident);
        return store.headquarters(incident.value());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasks(IncidentId incident) {
        incidents.require(incident);
        return store.tasks(incident.value());
    }

    @Override
    @Transactional(readOnly = true)
    public Task task(TaskId id) {
        Task t = store.task(id.value()).orElseThrow(() -> new NotFoundException("task", id));
        roles.requireView(t.divisionPath(), "task", id);
        return t;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskUpdate> updates(TaskId id) {
        task(id);
        return store.updates(id.value());
    }

    @Override
    @Transactional(readOnly = true)
    public Photo photo(TaskId id, UUID update) {
        task(id);
        return store.photo(id.value(), update).orElseThrow(() -> new NotFoundException("photo", update));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> openTasks(int limit) {
        return store.openTasks(roles.patterns(), Math.max(1, Math.min(limit, 5_000)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> myTasks(Instant now) {
        return roles.account()
                .map(a -> store.myTasks(a.username(), a.jurisdiction().viewPatterns()))
                .orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> taskCounts(Instant now) {
        return store.taskCounts(roles.patterns(), now);
    }

    // ---- responses ----------------------------------------------------------------------------------

    @Override
    @Transactional
    public Response activate(IncidentId id, @Nullable PlanId planId, ResponseLevel level, String reason) {
        Incident incident = incidents.require(id);
        roles.requireCommander(incident.divisionPath(), id);
        String why = requireReason(reason);
        if (level == null) {
            throw InvalidInputException.field("level", "command.error.required");
        }
        if (incident.state() == IncidentState.CLOSED) {
            throw new ConflictException("command.error.incidentClosed");
        }
        if (store.responses(id.value()).stream().anyMatch(Response::active)) {
            throw new ConflictException("command.error.alreadyActive");
        }
        Plan plan = null;
        if (planId != null) {
            plan = store.plan(planId.value())
                    .filter(plans::visible)
                    .orElseThrow(() -> InvalidInputException.field("planId", "command.error.unknownPlan"));
            PlanId chosen = plan.id();
            boolean applies =
                    plans.match(id).stream().anyMatch(m -> m.plan().id().equals(chosen));
            if (!applies) {
                throw InvalidInputException.field("planId", "command.error.planNotApplicable", plan.name());
            }
            if (plan.levels().stream().noneMatch(l -> l.level() == level)) {
                throw InvalidInputException.field("level", "command.error.levelNotInPlan", level.name(), plan.name());
            }
        }
        Instant now = clock.now();
        String actor = roles.actor();
        UUID responseId = UUID.randomUUID();
        store.insertResponse(
                responseId,
                id.value(),
                plan == null ? null : plan.id().value(),
                level,
                incident.divisionPath(),
                actor,
                now,
                why);
        store.responseChange(responseId, now, actor, Response.Action.ACTIVATE, null, level, why);
        incidentManagement.appendTimeline(
                id,
                "command.ACTIVATED",
                actor,
                List.of(level.name(), plan == null ? "—" : plan.name(), why),
                responseId.toString());
        int created = plan == null ? 0 : createChecklistTasks(incident, responseId, plan, level, now, actor);
        Response response = store.responses(id.value()).stream()
                .filter(r -> r.id().value().equals(responseId))
                .findFirst()
                .orElseThrow();
        audit.record("activate", "command.response", responseId.toString(), incident.divisionPath(), null, response);
        events.publishEvent(new ResponseChanged(
                response.id(), id, Response.Action.ACTIVATE, null, level, incident.divisionPath(), now));
        if (created > 0) {
            incidentManagement.appendTimeline(
                    id, "command.CHECKLIST", actor, List.of(String.valueOf(created), level.name()), null);
        }
        return response;
    }

    @Override
    @Transactional
    public Response adjust(IncidentId id, ResponseLevel level, String reason) {
        Incident incident = incidents.require(id);
        roles.requireCommander(incident.divisionPath(), id);
        String why = requireReason(reason);
        if (level == null) {
            throw InvalidInputException.field("level", "command.error.required");
        }
        Response before = store.responses(id.value()).stream()
                .filter(Response::active)
                .findFirst()
                .orElseThrow(() -> new ConflictException("command.error.noActiveResponse"));
        if (before.level() == level) {
            throw new ConflictException("command.error.sameLevel", level.name());
        }
        Plan plan = before.planId() == null
                ? null
                : store.plan(before.planId().value()).orElse(null);
        if (plan != null && plan.levels().stream().noneMatch(l -> l.level() == level)) {
            throw InvalidInputException.field("level", "command.error.levelNotInPlan", level.name(), plan.name());
        }
        Response.Action action = level.higherThan(before.level()) ? Response.Action.RAISE : Response.Action.LOWER;
        Instant now = clock.now();
        String actor = roles.actor();
        UUID rid = before.id().value();
        store.setResponseLevel(rid, level);
        store.responseChange(rid, now, actor, action, before.level(), level, why);
        incidentManagement.appendTimeline(
                id,
                "command." + action.name(),
                actor,
                List.of(before.level().name(), level.name(), why),
                rid.toString());
        if (action == Response.Action.RAISE && plan != null) {
            int created = createChecklistTasks(incident, rid, plan, level, now, actor);
            if (created > 0) {
                incidentManagement.appendTimeline(
                        id, "command.CHECKLIST", actor, List.of(String.valueOf(created), level.name()), null);
            }
        }
        Response after = store.responses(id.value()).stream()
                .filter(r -> r.id().value().equals(rid))
                .findFirst()
                .orElseThrow();
        audit.record(
                action.name().toLowerCase(java.util.Locale.ROOT),
                "command.response",
                rid.toString(),
                incident.divisionPath(),
                before,
                after);
        events.publishEvent(
                new ResponseChanged(after.id(), id, action, before.level(), level, incident.divisionPath(), now));
        return after;
    }

    @Override
    @Transactional
    public Response end(IncidentId id, String reason) {
        Incident incident = incidents.require(id);
        roles.requireCommander(incident.divisionPath(), id);
        String why = requireReason(reason);
        Response before = store.responses(id.value()).stream()
                .filter(Response::active)
                .findFirst()
                .orElseThrow(() -> new ConflictException("command.error.noActiveResponse"));
        Instant now = clock.now();
        String actor = roles.actor();
        UUID rid = before.id().value();
        store.endResponse(rid, actor, now);
        store.responseChange(rid, now, actor, Response.Action.END, before.level(), null, why);
        incidentManagement.appendTimeline(
                id, "command.ENDED", actor, List.of(before.level().name(), why), rid.toString());
        Response after = store.responses(id.value()).stream()
                .filter(r -> r.id().value().equals(rid))
                .findFirst()
                .orElseThrow();
        audit.record("end", "command.response", rid.toString(), incident.divisionPath(), before, after);
        events.publishEvent(new ResponseChanged(
                after.id(), id, Response.Action.END, before.level(), null, incident.divisionPath(), now));
        return after;
    }

    private int createChecklistTasks(
            Incident incident, UUID response, Plan plan, ResponseLevel level, Instant now, String actor) {
        Set<UUID> done = new HashSet<>(store.taskedActions(response));
        LocalDate day = LocalDate.ofInstant(now, clock.zone());
        int created = 0;
        for (PlanAction a : plan.actionsAt(level)) {
            if (a.id() == null || done.contains(a.id())) {
                continue;
            }
            UUID taskId = UUID.randomUUID();
            NewTask t = new NewTask(
                    a.action(),
                    plan.name() + " · " + level.name(),
                    a.responsibleKind(),
                    a.responsible(),
                    a.responsibleUser(),
                    now.plus(Duration.ofMinutes(a.dueMinutes())));
            store.insertTask(
                    taskId,
                    store.nextTaskNumber(day),
                    incident.id().value(),
                    response,
                    a.id(),
                    incident.divisionPath(),
                    t,
                    actor,
                    now,
                    null);
            store.insertUpdate(
                    UUID.randomUUID(), taskId, now, actor, TaskUpdate.Kind.ISSUED, null, null, null, null, null, null);
            events.publishEvent(new TaskChanged(
                    new TaskId(taskId),
                    incident.id(),
                    TaskUpdate.Kind.ISSUED,
                    TaskState.ISSUED,
                    actor,
                    incident.divisionPath(),
                    now));
            created++;
        }
        return created;
    }

    private static String requireReason(@Nullable String reason) {
        String r = DefaultPlans.trim(reason);
        if (r == null) {
            throw InvalidInputException.field("reason", "command.error.reasonRequired");
        }
        if (r.length() > MAX_TEXT) {
            throw InvalidInputException.field("reason", "command.error.tooLong", MAX_TEXT);
        }
        return r;
    }

    // ---- headquarters -------------------------------------------------------------------------------

    @Override
    @Transactional
    public Headquarters establish(IncidentId id, HeadquartersDraft d) {
        Incident incident = incidents.require(id);
        roles.requireOperator(incident.divisionPath(), id);
        if (d == null) {
            d = new HeadquartersDraft(null, null, null, null, null, null);
        }
        List<FieldError> errors = new ArrayList<>();
        if ((d.postLon() == null) != (d.postLat() == null)) {
            errors.add(new FieldError("postLon", "command.error.coordinatesPair"));
        } else if (d.postLon() != null && !inChina(d.postLon(), d.postLat())) {
            errors.add(new FieldError("postLon", "command.error.coordinates"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        Optional<Headquarters> before = store.headquarters(id.value());
        String name = DefaultPlans.trim(d.name());
        if (name == null) {
            name = before.map(Headquarters::name).orElse(incident.title() + "现场指挥部");
        }
        Instant now = clock.now();
        String actor = roles.actor();
        HeadquartersDraft clean = new HeadquartersDraft(
                name,
                DefaultPlans.trim(d.postAddress()),
                d.postLon(),
                d.postLat(),
                DefaultPlans.trim(d.onSceneCommander()),
                DefaultPlans.trim(d.onSceneTeam()));
        store.upsertHeadquarters(
                UUID.randomUUID(),
                id.value(),
                name,
                incident.divisionPath(),
                properties.leadFor(incident.grade()),
                clean,
                actor,
                now);
        Headquarters after = store.headquarters(id.value()).orElseThrow();
        incidentManagement.appendTimeline(
                id,
                before.isEmpty() ? "command.HQ" : "command.HQ_CHANGED",
                actor,
                List.of(
                        name,
                        after.leadLevel().name(),
                        clean.onSceneCommander() == null ? "—" : clean.onSceneCommander()),
                after.id().toString());
        audit.record(
                before.isEmpty() ? "establish" : "update",
                "command.headquarters",
                after.id().toString(),
                incident.divisionPath(),
                before.orElse(null),
                after);
        return after;
    }

    @Override
    @Transactional
    public Headquarters addMember(IncidentId id, MemberDraft m) {
        Incident incident = incidents.require(id);
        roles.requireOperator(incident.divisionPath(), id);
        Headquarters hq =
                store.headquarters(id.value()).orElseThrow(() -> new ConflictException("command.error.noHeadquarters"));
        List<FieldError> errors = new ArrayList<>();
        String name = DefaultPlans.trim(m == null ? null : m.personName());
        if (m == null || m.role() == null) {
            errors.add(new FieldError("role", "command.error.required"));
        }
        if (name == null) {
            errors.add(new FieldError("personName", "command.error.required"));
        }
        boolean groupRole =
                m != null && (m.role() == Headquarters.Role.GROUP_LEAD || m.role() == Headquarters.Role.GROUP_MEMBER);
        if (m != null && m.role() != null && groupRole && m.group() == null) {
            errors.add(new FieldError("group", "command.error.groupRequired"));
        }
        if (m != null && m.role() != null && !groupRole && m.group() != null) {
            errors.add(new FieldError("group", "command.error.groupNotAllowed"));
        }
        String user = DefaultPlans.trim(m == null ? null : m.username());
        if (user != null && users.findByUsername(user).isEmpty()) {
            errors.add(new FieldError("username", "command.error.unknownUser", user));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        if (m.role() == Headquarters.Role.COMMANDER
                && hq.members().stream().anyMatch(x -> x.role() == Headquarters.Role.COMMANDER)) {
            throw new ConflictException("command.error.commanderTaken");
        }
        if (m.role() == Headquarters.Role.GROUP_LEAD
                && hq.members().stream()
                        .anyMatch(x -> x.role() == Headquarters.Role.GROUP_LEAD && x.group() == m.group())) {
            throw new ConflictException(
                    "command.error.groupLeadTaken", m.group().name());
        }
        MemberDraft clean = new MemberDraft(
                m.role(),
                groupRole ? m.group() : null,
                name,
                DefaultPlans.trim(m.organisation()),
                DefaultPlans.trim(m.phone()),
                user);
        UUID memberId = UUID.randomUUID();
        Instant now = clock.now();
        String actor = roles.actor();
        store.insertMember(hq.id(), memberId, clean, actor, now);
        incidentManagement.appendTimeline(
                id,
                "command.MEMBER",
                actor,
                List.of(
                        name,
                        m.role().name(),
                        clean.group() == null ? "" : clean.group().name()),
                memberId.toString());
        Headquarters after = store.headquarters(id.value()).orElseThrow();
        audit.record("add-member", "command.headquarters", hq.id().toString(), incident.divisionPath(), hq, after);
        return after;
    }

    @Override
    @Transactional
    public Headquarters removeMember(IncidentId id, UUID member) {
        Incident incident = incidents.require(id);
        roles.requireOperator(incident.divisionPath(), id);
        Headquarters hq = store.headquarters(id.value()).orElseThrow(() -> new NotFoundException("member", member));
        if (store.deleteMember(hq.id(), member) == 0) {
            throw new NotFoundException("member", member);
        }
        Headquarters after = store.headquarters(id.value()).orElseThrow();
        audit.record("remove-member", "command.headquarters", hq.id().toString(), incident.divisionPath(), hq, after);
        return after;
    }

    /** Keeps the lead level in step with the grade (the listener calls it as the system). */
    void followGrade(IncidentId id) {
        Incident incident = incidents.find(id).orElse(null);
        if (incident == null) {
            return;
        }
        Headquarters.LeadLevel lead = properties.leadFor(incident.grade());
        if (store.setLeadLevel(id.value(), lead) > 0) {
            incidentManagement.appendTimeline(id, "command.LEAD", "system", List.of(lead.name()), null);
            audit.record("follow-grade", "command.headquarters", id.toString(), incident.divisionPath(), null, lead);
        }
    }

    // ---- tasks --------------------------------------------------------------------------------------

    @Override
    @Transactional
    public Task assign(IncidentId id, NewTask t, @Nullable String sourceKey) {
        if (sourceKey != null) {
            Optional<Task> existing = store.taskBySource(sourceKey);
            if (existing.isPresent()) {
                roles.requireView(
                        existing.get().divisionPath(), "task", existing.get().id());
                return existing.get();
            }
        }
        Incident incident = incidents.require(id);
        roles.requireOperator(incident.divisionPath(), id);
        if (incident.state() == IncidentState.CLOSED) {
            throw new ConflictException("command.error.incidentClosed");
        }
        Instant now = clock.now();
        List<FieldError> errors = new ArrayList<>();
        String title = DefaultPlans.trim(t == null ? null : t.title());
        String assignee = DefaultPlans.trim(t == null ? null : t.assigneeName());
        String user = DefaultPlans.trim(t == null ? null : t.assigneeUser());
        if (title == null) {
            errors.add(new FieldError("title", "command.error.required"));
        } else if (title.length() > 500) {
            errors.add(new FieldError("title", "command.error.tooLong", 500));
        }
        if (t == null || t.assigneeKind() == null) {
            errors.add(new FieldError("assigneeKind", "command.error.required"));
        }
        if (assignee == null && user == null) {
            errors.add(new FieldError("assigneeName", "command.error.required"));
        }
        if (user != null && users.findByUsername(user).isEmpty()) {
            errors.add(new FieldError("assigneeUser", "command.error.unknownUser", user));
        }
        if (t == null || t.dueAt() == null) {
            errors.add(new FieldError("dueAt", "command.error.required"));
        } else if (!t.dueAt().isAfter(now)) {
            errors.add(new FieldError("dueAt", "command.error.dueInPast"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        String detail = DefaultPlans.trim(t.detail());
        if (detail != null && detail.length() > MAX_TEXT) {
            throw InvalidInputException.field("detail", "command.error.tooLong", MAX_TEXT);
        }
        NewTask clean =
                new NewTask(title, detail, t.assigneeKind(), assignee == null ? user : assignee, user, t.dueAt());
        String actor = roles.actor();
        UUID taskId = UUID.randomUUID();
        UUID response = store.responses(id.value()).stream()
                .filter(Response::active)
                .map(r -> r.id().value())
                .findFirst()
                .orElse(null);
        store.insertTask(
                taskId,
                store.nextTaskNumber(LocalDate.ofInstant(now, clock.zone())),
                id.value(),
                response,
                null,
                incident.divisionPath(),
                clean,
                actor,
                now,
                sourceKey);
        store.insertUpdate(
                UUID.randomUUID(), taskId, now, actor, TaskUpdate.Kind.ISSUED, null, null, null, null, null, null);
        Task task = store.task(taskId).orElseThrow();
        incidentManagement.appendTimeline(
                id,
                "command.TASK",
                actor,
                List.of(task.number(), task.title(), task.assigneeName()),
                taskId.toString());
        audit.record("assign", "command.task", taskId.toString(), incident.divisionPath(), null, task);
        events.publishEvent(new TaskChanged(
                task.id(), id, TaskUpdate.Kind.ISSUED, TaskState.ISSUED, actor, incident.divisionPath(), now));
        return task;
    }

    /**
     * The task a dispatch implies: the dispatched team must go to the scene. Written inside the dispatch's
     * transaction on behalf of the dispatcher, who has already been checked by the resource module; a repeat of the
     * same dispatch finds the first task.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    void taskFromDispatch(cn.yingji.resource.TeamDispatched d) {
        String key = "dispatch:" + d.dispatchId();
        if (store.taskBySource(key).isPresent()) {
            return;
        }
        IncidentId id = new IncidentId(d.incidentId());
        Incident incident = incidents.find(id).orElse(null);
        if (incident == null || incident.state() == IncidentState.CLOSED) {
            return;
        }
        String user = d.leaderUsername() != null
                        && users.findByUsername(d.leaderUsername()).isPresent()
                ? d.leaderUsername()
                : null;
        NewTask t = new NewTask(
                "赶赴现场处置：" + d.teamName(),
                DefaultPlans.trim(d.note()),
                ResponsibleKind.TEAM,
                d.teamName(),
                user,
                d.dispatchedAt().plus(properties.dispatchDue()));
        UUID taskId = UUID.randomUUID();
        UUID response = store.responses(id.value()).stream()
                .filter(Response::active)
                .map(r -> r.id().value())
                .findFirst()
                .orElse(null);
        Instant now = clock.now();
        store.insertTask(
                taskId,
                store.nextTaskNumber(LocalDate.ofInstant(now, clock.zone())),
                id.value(),
                response,
                null,
                incident.divisionPath(),
                t,
                d.dispatchedBy(),
                now,
                key);
        store.insertUpdate(
                UUID.randomUUID(),
                taskId,
                now,
                d.dispatchedBy(),
                TaskUpdate.Kind.ISSUED,
                d.note(),
                null,
                null,
                null,
                null,
                null);
        Task task = store.task(taskId).orElseThrow();
        incidentManagement.appendTimeline(
                id,
                "command.TASK",
                d.dispatchedBy(),
                List.of(task.number(), task.title(), task.assigneeName()),
                taskId.toString());
        audit.record("assign", "command.task", taskId.toString(), incident.divisionPath(), null, task);
        events.publishEvent(new TaskChanged(
                task.id(),
                id,
                TaskUpdate.Kind.ISSUED,
                TaskState.ISSUED,
                d.dispatchedBy(),
                incident.divisionPath(),
                now));
    }

    @Override
    @Transactional
    public Task receive(TaskId id) {
        Task t = lockVisible(id);
        requireAssignee(t);
        if (t.state() != TaskState.ISSUED) {
            throw new ConflictException("command.error.taskState", t.state().name());
        }
        return step(t, TaskState.RECEIVED, TaskUpdate.Kind.RECEIVED, Feedback.text(null), "receive");
    }

    @Override
    @Transactional
    public Task progress(TaskId id, Feedback f) {
        Task t = lockVisible(id);
        requireAssignee(t);
        if (t.state() != TaskState.RECEIVED) {
            throw new ConflictException(
                    t.state() == TaskState.ISSUED ? "command.error.receiveFirst" : "command.error.taskState",
                    t.state().name());
        }
        Feedback clean = validFeedback(f);
        return step(t, TaskState.RECEIVED, TaskUpdate.Kind.PROGRESS, clean, "progress");
    }

    @Override
    @Transactional
    public Task reportDone(TaskId id, Feedback f) {
        Task t = lockVisible(id);
        requireAssignee(t);
        if (t.state() != TaskState.RECEIVED) {
            throw new ConflictException(
                    t.state() == TaskState.ISSUED ? "command.error.receiveFirst" : "command.error.taskState",
                    t.state().name());
        }
        Feedback clean = validFeedback(f);
        return step(t, TaskState.DONE_REPORTED, TaskUpdate.Kind.DONE, clean, "report-done");
    }

    @Override
    @Transactional
    public Task confirm(TaskId id, @Nullable String note) {
        Task t = lockVisible(id);
        String actor = roles.actor();
        // the specific reason first: an assignee is usually not an operator either
        if (actor.equals(t.assigneeUser()) || actor.equals(t.doneBy()) || actor.equals(t.receivedBy())) {
            throw new ForbiddenException("command.error.selfConfirm");
        }
        roles.requireOperator(t.divisionPath(), t.incidentId());
        if (t.state() != TaskState.DONE_REPORTED) {
            throw new ConflictException(
                    "command.error.notReportedDone", t.state().name());
        }
        return step(
                t, TaskState.COMPLETED, TaskUpdate.Kind.CONFIRMED, Feedback.text(DefaultPlans.trim(note)), "confirm");
    }

    @Override
    @Transactional
    public Task sendBack(TaskId id, String reason) {
        Task t = lockVisible(id);
        String actor = roles.actor();
        if (actor.equals(t.assigneeUser()) || actor.equals(t.doneBy())) {
            throw new ForbiddenException("command.error.selfConfirm");
        }
        roles.requireOperator(t.divisionPath(), t.incidentId());
        if (t.state() != TaskState.DONE_REPORTED) {
            throw new ConflictException(
                    "command.error.notReportedDone", t.state().name());
        }
        return step(t, TaskState.RECEIVED, TaskUpdate.Kind.RETURNED, Feedback.text(requireReason(reason)), "send-back");
    }

    @Override
    @Transactional
    public Task cancel(TaskId id, String reason) {
        Task t = lockVisible(id);
        roles.requireOperator(t.divisionPath(), t.incidentId());
        String actor = roles.actor();
        boolean commander = roles.account().map(roles::mayCommand).orElse(true);
        if (!actor.equals(t.assignedBy()) && !commander) {
            throw new ForbiddenException("command.error.cancelNotYours");
        }
        if (!t.state().open()) {
            throw new ConflictException("command.error.taskState", t.state().name());
        }
        return step(t, TaskState.CANCELLED, TaskUpdate.Kind.CANCELLED, Feedback.text(requireReason(reason)), "cancel");
    }

    @Override
    @Transactional
    public int escalateOverdue(Instant now) {
        List<Task> escalated = store.escalateOverdue(now, 500);
        for (Task t : escalated) {
            store.insertUpdate(
                    UUID.randomUUID(),
                    t.id().value(),
                    now,
                    "system",
                    TaskUpdate.Kind.ESCALATED,
                    t.assignedBy(),
                    null,
                    null,
                    null,
                    null,
                    null);
            incidentManagement.appendTimeline(
                    t.incidentId(),
                    "command.ESCALATED",
                    "system",
                    List.of(t.number(), t.title(), t.assignedBy()),
                    t.id().toString());
            audit.record("escalate", "command.task", t.id().toString(), t.divisionPath(), null, t);
            events.publishEvent(new TaskChanged(
                    t.id(),
                    t.incidentId(),
                    TaskUpdate.Kind.ESCALATED,
                    t.state(),
                    t.assignedBy(),
                    t.divisionPath(),
                    now));
        }
        return escalated.size();
    }

    private Task lockVisible(TaskId id) {
        Task t = store.lockTask(id.value()).orElseThrow(() -> new NotFoundException("task", id));
        roles.requireView(t.divisionPath(), "task", id);
        return t;
    }

    /**
     * The named receiving account, or — for a task without one — any officer who may receive on behalf of a
     * department, team or position and can see the event.
     */
    private void requireAssignee(Task t) {
        Optional<Account> account = roles.account();
        if (account.isEmpty()) {
            return;
        }
        Account a = account.get();
        if (t.assigneeUser() != null) {
            if (!t.assigneeUser().equals(a.username())) {
                throw new ForbiddenException("command.error.notAssignee", t.assigneeName());
            }
            return;
        }
        if (CommandSupport.CommandRoles.RECEIVERS.stream().noneMatch(a::has)) {
            throw new ForbiddenException("command.error.notAssignee", t.assigneeName());
        }
    }

    private Feedback validFeedback(@Nullable Feedback f) {
        List<FieldError> errors = new ArrayList<>();
        String text = DefaultPlans.trim(f == null ? null : f.text());
        if (text == null) {
            errors.add(new FieldError("text", "command.error.feedbackText"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "command.error.tooLong", MAX_TEXT));
        }
        if (f != null && (f.lon() == null) != (f.lat() == null)) {
            errors.add(new FieldError("lon", "command.error.coordinatesPair"));
        } else if (f != null && f.lon() != null && !inChina(f.lon(), f.lat())) {
            errors.add(new FieldError("lon", "command.error.coordinates"));
        }
        String type = null;
        if (f != null && f.photo() != null && f.photo().length > 0) {
            if (f.photo().length > properties.photoMaxBytes()) {
                errors.add(new FieldError(
                        "photo", "command.error.photoTooLarge", properties.photoMaxBytes() / 1024 / 1024));
            } else {
                type = cn.yingji.shared.FileTypes.image(f.photo());
                if (type == null) {
                    errors.add(new FieldError("photo", "command.error.photoType"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        boolean photo = type != null;
        String name = photo ? DefaultPlans.trim(f.photoName()) : null;
        return new Feedback(
                text,
                f.lon(),
                f.lat(),
                photo ? (name == null ? "photo" : name.replaceAll("[\\\\/\\r\\n\"]", "_")) : null,
                type,
                photo ? f.photo() : null);
    }

    private static boolean inChina(double lon, double lat) {
        return lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54;
    }

    private Task step(Task t, TaskState state, TaskUpdate.Kind kind, Feedback f, String action) {
        Instant now = clock.now();
        String actor = roles.actor();
        if (state != t.state() || kind == TaskUpdate.Kind.RETURNED) {
            store.updateTaskState(t.id().value(), state, actor, now);
        }
        store.insertUpdate(
                UUID.randomUUID(),
                t.id().value(),
                now,
                actor,
                kind,
                f.text(),
                f.lon(),
                f.lat(),
                f.photoName(),
                f.photoType(),
                f.photo());
        Task after = store.task(t.id().value()).orElseThrow();
        incidentManagement.appendTimeline(
                t.incidentId(),
                "command.TASK_" + kind.name(),
                actor,
                List.of(t.number(), t.title(), f.text() == null ? "" : f.text()),
                t.id().toString());
        audit.record(action, "command.task", t.id().toString(), t.divisionPath(), t, after);
        events.publishEvent(
                new TaskChanged(t.id(), t.incidentId(), kind, state, t.assignedBy(), t.divisionPath(), now));
        return after;
    }
}
