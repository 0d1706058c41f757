package cn.yingji.command.internal;

import cn.yingji.command.Command;
import cn.yingji.command.CommandManagement;
import cn.yingji.command.Feedback;
import cn.yingji.command.Headquarters;
import cn.yingji.command.NewPlan;
import cn.yingji.command.NewTask;
import cn.yingji.command.Plan;
import cn.yingji.command.PlanAction;
import cn.yingji.command.PlanId;
import cn.yingji.command.PlanKind;
import cn.yingji.command.PlanLevel;
import cn.yingji.command.PlanManagement;
import cn.yingji.command.PlanStatus;
import cn.yingji.command.Plans;
import cn.yingji.command.ResponseLevel;
import cn.yingji.command.ResponsibleKind;
import cn.yingji.command.Task;
import cn.yingji.command.TaskId;
import cn.yingji.incident.Grade;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.Incidents;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.web.Problems;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: plan registry, the command panel of an event's dossier, tasks. */
@Controller
class CommandPageController {

    private final Plans plans;
    private final PlanManagement planManagement;
    private final Command command;
    private final CommandManagement management;
    private final Incidents incidents;
    private final CommandSupport.CommandRoles roles;
    private final CommandSupport.CommandClock clock;
    private final CommandView view;
    private final Problems problems;

    CommandPageController(
            Plans plans,
            PlanManagement planManagement,
            Command command,
            CommandManagement management,
            Incidents incidents,
            CommandSupport.CommandRoles roles,
            CommandSupport.CommandClock clock,
            CommandView view,
            Problems problems) {
        this.plans = plans;
        this.planManagement = planManagement;
        this.command = command;
        this.management = management;
        this.incidents = incidents;
        this.roles = roles;
        this.clock = clock;
        this.view = view;
        this.problems = problems;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem commandPlansNav() {
            return NavigationItem.of(NavSection.COMMAND, "command.nav.plans", "/plans", 30);
        }

        @Bean
        NavigationItem commandTasksNav() {
            return NavigationItem.of(NavSection.COMMAND, "command.nav.tasks", "/tasks", 40);
        }
    }

    // ---- plans --------------------------------------------------------------------------------------

    @GetMapping("/plans")
    String plans(@RequestParam(required = false) @Nullable String status, Model model) {
        PlanStatus s = status == null || status.isBlank() ? null : parse(PlanStatus.class, status);
        model.addAttribute("plans", plans.list(s));
        model.addAttribute("status", s);
        model.addAttribute("canEdit", roles.mayEditPlans());
        return "command/plans";
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable UUID id, Model model) {
        model.addAttribute("plan", plans.require(new PlanId(id)));
        model.addAttribute("canEdit", roles.mayEditPlans());
        return "command/plan";
    }

    @GetMapping("/plans/new")
    String newPlan(Model model) {
        return planForm(null, PlanForm.blank(), List.of(), model);
    }

    @GetMapping("/plans/{id}/edit")
    String editPlan(@PathVariable UUID id, Model model) {
        Plan p = plans.require(new PlanId(id));
        return planForm(p, PlanForm.of(p), List.of(), model);
    }

    @PostMapping("/plans")
    String createPlan(@RequestParam MultiValueMap<String, String> params, Model model) {
        PlanForm form = PlanForm.from(params);
        try {
            Plan p = planManagement.create(form.toNewPlan());
            return "redirect:/plans/" + p.id();
        } catch (InvalidInputException | cn.yingji.shared.ConflictException | cn.yingji.shared.ForbiddenException e) {
            return planForm(null, form, messages(e), model);
        }
    }

    @PostMapping("/plans/{id}")
    String updatePlan(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model) {
        Plan before = plans.require(new PlanId(id));
        PlanForm form = PlanForm.from(params);
        try {
            planManagement.update(new PlanId(id), form.toNewPlan(), form.version);
            return "redirect:/plans/" + id;
        } catch (InvalidInputException | cn.yingji.shared.ConflictException | cn.yingji.shared.ForbiddenException e) {
            return planForm(before, form, messages(e), model);
        }
    }

    private String planForm(@Nullable Plan plan, PlanForm form, List<String> errors, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", PlanKind.values());
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("levels", ResponseLevel.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("responsibleKinds", ResponsibleKind.values());
        model.addAttribute("types", incidents.eventTypes());
        return "command/plan-form";
    }

    // ---- dossier panel ------------------------------------------------------------------------------

    /** The command panel embedded in the event dossier (loaded by htmx). */
    @GetMapping("/incidents/{id}/command")
    String panel(@PathVariable UUID id, Model model) {
        IncidentId iid = new IncidentId(id);
        Incident incident = incidents.require(iid);
        Instant now = clock.now();
        model.addAttribute("incident", incident);
        model.addAttribute("matches", plans.match(iid));
        model.addAttribute("responses", command.responses(iid));
        model.addAttribute("active", command.activeResponse(iid).orElse(null));
        model.addAttribute("hq", command.headquarters(iid).orElse(null));
        model.addAttribute("tasks", command.tasks(iid));
        model.addAttribute("now", now);
        model.addAttribute("levels", ResponseLevel.values());
        model.addAttribute("groups", Headquarters.Group.values());
        model.addAttribute("memberRoles", Headquarters.Role.values());
        model.addAttribute("responsibleKinds", ResponsibleKind.values());
        boolean canCommand = roles.account()
                .map(a -> roles.mayCommand(a) && a.jurisdiction().canCapture(incident.divisionPath()))
                .orElse(false);
        boolean canOperate = roles.account()
                .map(a -> roles.isOperator(a) && a.jurisdiction().canCapture(incident.divisionPath()))
                .orElse(false);
        model.addAttribute("canCommand", canCommand);
        model.addAttribute("canOperate", canOperate);
        model.addAttribute("defaultDue", view.localInput(now.plusSeconds(3600)));
        return "command/panel :: panel";
    }

    @PostMapping("/incidents/{id}/command/response")
    String activate(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String planId,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes flash) {
        return act(
                id,
                flash,
                "command.ok.activated",
                () -> management.activate(
                        new IncidentId(id),
                        planId == null || planId.isBlank() ? null : new PlanId(uuid("planId", planId)),
                        requireLevel(level),
                        reason == null ? "" : reason));
    }

    @PostMapping("/incidents/{id}/command/response/level")
    String adjust(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes flash) {
        return act(
                id,
                flash,
                "command.ok.adjusted",
                () -> management.adjust(new IncidentId(id), requireLevel(level), reason == null ? "" : reason));
    }

    @PostMapping("/incidents/{id}/command/response/end")
    String end(
            @PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, RedirectAttributes flash) {
        return act(
                id, flash, "command.ok.ended", () -> management.end(new IncidentId(id), reason == null ? "" : reason));
    }

    @PostMapping("/incidents/{id}/command/headquarters")
    String establish(@PathVariable UUID id, @RequestParam Map<String, String> p, RedirectAttributes flash) {
        return act(id, flash, "command.ok.headquarters", () -> {
            List<FieldError> errors = new ArrayList<>();
            Double lon = number(errors, "postLon", p.get("postLon"));
            Double lat = number(errors, "postLat", p.get("postLat"));
            if (!errors.isEmpty()) {
                throw new InvalidInputException("error.validation", errors);
            }
            return management.establish(
                    new IncidentId(id),
                    new CommandManagement.HeadquartersDraft(
                            p.get("name"),
                            p.get("postAddress"),
                            lon,
                            lat,
                            p.get("onSceneCommander"),
                            p.get("onSceneTeam")));
        });
    }

    @PostMapping("/incidents/{id}/command/members")
    String addMember(@PathVariable UUID id, @RequestParam Map<String, String> p, RedirectAttributes flash) {
        return act(
                id,
                flash,
                "command.ok.member",
                () -> management.addMember(
                        new IncidentId(id),
                        new CommandManagement.MemberDraft(
                                parse(Headquarters.Role.class, p.get("role")),
                                parse(Headquarters.Group.class, p.get("group")),
                                p.get("personName"),
                                p.get("organisation"),
                                p.get("phone"),
                                p.get("username"))));
    }

    @PostMapping("/incidents/{id}/command/members/{memberId}/delete")
    String removeMember(@PathVariable UUID id, @PathVariable UUID memberId, RedirectAttributes flash) {
        return act(id, flash, "command.ok.memberRemoved", () -> management.removeMember(new IncidentId(id), memberId));
    }

    @PostMapping("/incidents/{id}/command/tasks")
    String assign(@PathVariable UUID id, @RequestParam Map<String, String> p, RedirectAttributes flash) {
        return act(id, flash, "command.ok.assigned", () -> {
            List<FieldError> errors = new ArrayList<>();
            Instant due = localTime(errors, "dueAt", p.get("dueAt"));
            if (!errors.isEmpty()) {
                throw new InvalidInputException("error.validation", errors);
            }
            return management.assign(
                    new IncidentId(id),
                    new NewTask(
                            p.get("title"),
                            p.get("detail"),
                            parse(ResponsibleKind.class, p.get("assigneeKind")),
                            p.get("assigneeName"),
                            p.get("assigneeUser"),
                            due),
                    null);
        });
    }

    private String act(UUID id, RedirectAttributes flash, String okKey, Supplier<?> action) {
        // a foreign event answers 404 before its form is even read
        incidents.require(new IncidentId(id));
        try {
            action.get();
            flash.addFlashAttribute("ok", problems.text(okKey));
        } catch (InvalidInputException | cn.yingji.shared.ConflictException | cn.yingji.shared.ForbiddenException e) {
            // a foreign or missing row (NotFoundException) is not a message on the page: it answers 404
            flash.addFlashAttribute("errors", messages(e));
        }
        return "redirect:/incidents/" + id + "#command";
    }

    // ---- tasks --------------------------------------------------------------------------------------

    @GetMapping("/tasks")
    String tasks(Model model) {
        Instant now = clock.now();
        model.addAttribute("mine", command.myTasks(now));
        model.addAttribute("open", command.openTasks(500));
        model.addAttribute("counts", command.taskCounts(now));
        model.addAttribute("now", now);
        return "command/tasks";
    }

    @GetMapping("/tasks/{taskId}")
    String task(@PathVariable UUID taskId, Model model) {
        Task t = command.task(new TaskId(taskId));
        Instant now = clock.now();
        model.addAttribute("task", t);
        model.addAttribute("incident", incidents.require(t.incidentId()));
        model.addAttribute("updates", command.updates(t.id()));
        model.addAttribute("now", now);
        String me = roles.actor();
        boolean assignee = t.assigneeUser() == null
                ? roles.account()
                        .map(a -> CommandSupport.CommandRoles.RECEIVERS.stream().anyMatch(a::has))
                        .orElse(false)
                : t.assigneeUser().equals(me);
        boolean operator = roles.account()
                .map(a -> roles.isOperator(a) && a.jurisdiction().canCapture(t.divisionPath()))
                .orElse(false);
        boolean self = me.equals(t.assigneeUser()) || me.equals(t.doneBy()) || me.equals(t.receivedBy());
        model.addAttribute("canReceive", assignee);
        model.addAttribute("canConfirm", operator && !self);
        model.addAttribute("canCancel", operator);
        return "command/task";
    }

    @GetMapping("/tasks/{taskId}/updates/{updateId}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID taskId, @PathVariable UUID updateId) {
        return CommandApiController.photoResponse(command.photo(new TaskId(taskId), updateId));
    }

    @PostMapping("/tasks/{taskId}/receive")
    String receive(@PathVariable UUID taskId, RedirectAttributes flash) {
        return taskAct(taskId, flash, "command.ok.received", () -> management.receive(new TaskId(taskId)));
    }

    @PostMapping("/tasks/{taskId}/feedback")
    String feedback(
            @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String lon,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String done,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            RedirectAttributes flash) {
        boolean isDone = done != null && !done.isBlank();
        return taskAct(taskId, flash, isDone ? "command.ok.done" : "command.ok.progress", () -> {
            List<FieldError> errors = new ArrayList<>();
            Double x = number(errors, "lon", lon);
            Double y = number(errors, "lat", lat);
            if (!errors.isEmpty()) {
                throw new InvalidInputException("error.validation", errors);
            }
            byte[] bytes = null;
            String name = null;
            String type = null;
            if (photo != null && !photo.isEmpty()) {
                try {
                    bytes = photo.getBytes();
                } catch (IOException e) {
                    throw InvalidInputException.field("photo", "command.error.photoType");
                }
                name = photo.getOriginalFilename();
                type = photo.getContentType();
            }
            Feedback f = new Feedback(text, x, y, name, type, bytes);
            return isDone ? management.reportDone(new TaskId(taskId), f) : management.progress(new TaskId(taskId), f);
        });
    }

    @PostMapping("/tasks/{taskId}/confirm")
    String confirm(
            @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes flash) {
        return taskAct(taskId, flash, "command.ok.confirmed", () -> management.confirm(new TaskId(taskId), note));
    }

    @PostMapping("/tasks/{taskId}/return")
    String sendBack(
            @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes flash) {
        return taskAct(
                taskId,
                flash,
                "command.ok.returned",
                () -> management.sendBack(new TaskId(taskId), note == null ? "" : note));
    }

    @PostMapping("/tasks/{taskId}/cancel")
    String cancel(
            @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes flash) {
        return taskAct(
                taskId,
                flash,
                "command.ok.cancelled",
                () -> management.cancel(new TaskId(taskId), note == null ? "" : note));
    }

    private String taskAct(UUID taskId, RedirectAttributes flash, String okKey, Supplier<?> action) {
        command.task(new TaskId(taskId));
        try {
            action.get();
            flash.addFlashAttribute("ok", problems.text(okKey));
        } catch (InvalidInputException | cn.yingji.shared.ConflictException | cn.yingji.shared.ForbiddenException e) {
            // a foreign or missing row (NotFoundException) is not a message on the page: it answers 404
            flash.addFlashAttribute("errors", messages(e));
        }
        return "redirect:/tasks/" + taskId;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private List<String> messages(DomainException e) {
        List<String> out = new ArrayList<>();
        if (!(e instanceof InvalidInputException) || e.fieldErrors().isEmpty()) {
            out.add(problems.text(e.messageKey(), e.args()));
        }
        for (FieldError fe : e.fieldErrors()) {
            out.add(problems.text("command.field." + fe.field()) + "：" + problems.text(fe.messageKey(), fe.args()));
        }
        return out;
    }

    private static ResponseLevel requireLevel(@Nullable String level) {
        ResponseLevel l = parse(ResponseLevel.class, level);
        if (l == null) {
            throw InvalidInputException.field("level", "command.error.required");
        }
        return l;
    }

    static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field(
                    type.getSimpleName().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                            + type.getSimpleName().substring(1),
                    "command.error.unknownValue",
                    value);
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field(field, "command.error.unknownValue", value);
        }
    }

    private static @Nullable Double number(List<FieldError> errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "command.error.number"));
            return null;
        }
    }

    private @Nullable Instant localTime(List<FieldError> errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "command.error.required"));
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(clock.zone()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "command.error.time"));
            return null;
        }
    }

    /** The plan edit form: plain fields, four level rows, and checklist rows (blank rows ignored). */
    static final class PlanForm {

        static final int SPARE_ROWS = 6;

        String code = "";
        String name = "";
        String kind = "SPECIAL";
        List<String> eventTypes = new ArrayList<>();
        String divisionCode = "";
        String issuer = "";
        String versionLabel = "1.0";
        String effectiveOn = "";
        String status = "ACTIVE";
        String summary = "";
        int version;
        /** Per level I..IV: min grade and trigger text. */
        String[] levelGrade = new String[4];

        String[] levelTrigger = new String[4];
        List<String[]> actions = new ArrayList<>();

        static PlanForm blank() {
            PlanForm f = new PlanForm();
            Arrays.fill(f.levelGrade, "");
            Arrays.fill(f.levelTrigger, "");
            for (int i = 0; i < SPARE_ROWS; i++) {
                f.actions.add(new String[] {"", "", "DEPARTMENT", "", "", "60"});
            }
            return f;
        }

        static PlanForm of(Plan p) {
            PlanForm f = blank();
            f.actions.clear();
            f.code = p.code();
            f.name = p.name();
            f.kind = p.kind().name();
            f.eventTypes = new ArrayList<>(p.eventTypes());
            String[] parts = p.divisionPath().split("/");
            f.divisionCode = parts[parts.length - 1];
            f.issuer = p.issuer();
            f.versionLabel = p.versionLabel();
            f.effectiveOn = p.effectiveOn() == null ? "" : p.effectiveOn().toString();
            f.status = p.status().name();
            f.summary = p.summary() == null ? "" : p.summary();
            f.version = p.version();
            for (PlanLevel l : p.levels()) {
                f.levelGrade[l.level().ordinal()] =
                        l.minGrade() == null ? "" : l.minGrade().name();
                f.levelTrigger[l.level().ordinal()] = l.triggerText();
            }
            for (PlanAction a : p.actions()) {
                f.actions.add(new String[] {
                    a.level().name(),
                    a.action(),
                    a.responsibleKind().name(),
                    a.responsible(),
                    a.responsibleUser() == null ? "" : a.responsibleUser(),
                    String.valueOf(a.dueMinutes())
                });
            }
            for (int i = 0; i < SPARE_ROWS; i++) {
                f.actions.add(new String[] {"", "", "DEPARTMENT", "", "", "60"});
            }
            return f;
        }

        static PlanForm from(MultiValueMap<String, String> p) {
            PlanForm f = new PlanForm();
            f.code = first(p, "code");
            f.name = first(p, "name");
            f.kind = first(p, "kind");
            f.eventTypes = p.getOrDefault("eventTypes", List.of());
            f.divisionCode = first(p, "divisionCode");
            f.issuer = first(p, "issuer");
            f.versionLabel = first(p, "versionLabel");
            f.effectiveOn = first(p, "effectiveOn");
            f.status = first(p, "status");
            f.summary = first(p, "summary");
            try {
                f.version = Integer.parseInt(first(p, "version"));
            } catch (NumberFormatException e) {
                f.version = -1;
            }
            for (ResponseLevel l : ResponseLevel.values()) {
                f.levelGrade[l.ordinal()] = first(p, "grade_" + l.name());
                f.levelTrigger[l.ordinal()] = first(p, "trigger_" + l.name());
            }
            List<String> lv = p.getOrDefault("actionLevel", List.of());
            for (int i = 0; i < lv.size(); i++) {
                f.actions.add(new String[] {
                    lv.get(i),
                    at(p, "actionText", i),
                    at(p, "actionKind", i),
                    at(p, "actionResponsible", i),
                    at(p, "actionUser", i),
                    at(p, "actionDue", i)
                });
            }
            return f;
        }

        NewPlan toNewPlan() {
            List<FieldError> errors = new ArrayList<>();
            List<PlanLevel> levels = new ArrayList<>();
            for (ResponseLevel l : ResponseLevel.values()) {
                String trigger = levelTrigger[l.ordinal()];
                if (trigger != null && !trigger.isBlank()) {
                    levels.add(new PlanLevel(l, parse(Grade.class, levelGrade[l.ordinal()]), trigger));
                }
            }
            List<PlanAction> list = new ArrayList<>();
            int row = 0;
            for (String[] a : actions) {
                row++;
                boolean blank =
                        Arrays.stream(new String[] {a[0], a[1], a[3], a[4]}).allMatch(s -> s == null || s.isBlank());
                if (blank) {
                    continue;
                }
                int due;
                try {
                    due = Integer.parseInt(a[5].strip());
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("actions", "command.error.actionDue", row));
                    continue;
                }
                list.add(new PlanAction(
                        null,
                        parse(ResponseLevel.class, a[0]),
                        row,
                        a[1],
                        parse(ResponsibleKind.class, a[2]),
                        a[3],
                        a[4],
                        due));
            }
            LocalDate eff = null;
            if (effectiveOn != null && !effectiveOn.isBlank()) {
                try {
                    eff = LocalDate.parse(effectiveOn.strip());
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("effectiveOn", "command.error.time"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException("error.validation", errors);
            }
            return new NewPlan(
                    code,
                    name,
                    parse(PlanKind.class, kind),
                    eventTypes,
                    divisionCode,
                    issuer,
                    versionLabel,
                    eff,
                    parse(PlanStatus.class, status),
                    summary,
                    levels,
                    list);
        }

        private static String first(MultiValueMap<String, String> p, String key) {
            String v = p.getFirst(key);
            return v == null ? "" : v;
        }

        private static String at(MultiValueMap<String, String> p, String key, int i) {
            List<String> v = p.getOrDefault(key, List.of());
            return i < v.size() && v.get(i) != null ? v.get(i) : "";
        }

        // accessors for the template
        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public String getKind() {
            return kind;
        }

        public List<String> getEventTypes() {
            return eventTypes;
        }

        public String getDivisionCode() {
            return divisionCode;
        }

        public String getIssuer() {
            return issuer;
        }

        public String getVersionLabel() {
            return versionLabel;
        }

        public String getEffectiveOn() {
            return effectiveOn;
        }

        public String getStatus() {
            return status;
        }

        public String getSummary() {
            return summary;
        }

        public int getVersion() {
            return version;
        }

        public String[] getLevelGrade() {
            return levelGrade;
        }

        public String[] getLevelTrigger() {
            return levelTrigger;
        }

        public List<String[]> getActions() {
            return actions;
        }
    }
}
