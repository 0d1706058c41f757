package cn.yingji.incident.internal;

import cn.yingji.identity.Role;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.CasualtyUpdate;
import cn.yingji.incident.EventCategory;
import cn.yingji.incident.Grade;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentFilter;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.IncidentState;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.NewInstruction;
import cn.yingji.incident.NewReport;
import cn.yingji.incident.Recipient;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportKind;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Duty-desk pages: events list and CSV export, intake form, dossier, reports and their print view. */
@Controller
@RequestMapping("/incidents")
class IncidentPageController {

    private final DefaultIncidents incidents;
    private final IncidentManagement management;
    private final IncidentClock clock;
    private final IncidentRoles roles;
    private final Problems problems;
    private final IncidentView view;

    IncidentPageController(
            DefaultIncidents incidents,
            IncidentManagement management,
            IncidentClock clock,
            IncidentRoles roles,
            Problems problems,
            IncidentView view) {
        this.incidents = incidents;
        this.management = management;
        this.clock = clock;
        this.roles = roles;
        this.problems = problems;
        this.view = view;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem incidentIntakeNav() {
            return NavigationItem.restricted(
                    NavSection.COMMAND,
                    "incident.nav.new",
                    "/incidents/new",
                    10,
                    IncidentRoles.OPERATORS.toArray(Role[]::new));
        }

        @Bean
        NavigationItem incidentListNav() {
            return NavigationItem.of(NavSection.COMMAND, "incident.nav.list", "/incidents", 20);
        }

        @Bean
        NavigationItem incidentRulesNav() {
            return NavigationItem.restricted(
                    NavSection.ADMIN, "incident.nav.rules", "/incidents/admin/rules", 40, Role.ADMIN);
        }
    }

    @ModelAttribute("canWrite")
    boolean canWrite() {
        return roles.account().map(roles::isOperator).orElse(false);
    }

    // ---- list and export --------------------------------------------------------------------------

    static IncidentFilter filter(
            @Nullable String type,
            @Nullable String category,
            @Nullable String grade,
            @Nullable String state,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String division,
            @Nullable String drill,
            @Nullable String q) {
        return new IncidentFilter(
                blankToNull(type),
                parseEnum(EventCategory.class, category),
                parseEnum(Grade.class, grade),
                parseEnum(IncidentState.class, state),
                from,
                to,
                blankToNull(division),
                drill == null || drill.isBlank() ? null : Boolean.valueOf(drill),
                blankToNull(q));
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String grade,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String drill,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        IncidentFilter f = filter(type, category, grade, state, from, to, division, drill, q);
        model.addAttribute("page", incidents.list(f, PageQuery.of(page, 20)));
        model.addAttribute("f", f);
        model.addAttribute("drill", drill == null ? "" : drill);
        model.addAttribute("types", incidents.eventTypes());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("states", IncidentState.values());
        return "incident/list";
    }

    @GetMapping(value = "/export.csv")
    void export(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String grade,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String drill,
            @RequestParam(required = false) @Nullable String q,
            HttpServletResponse response)
            throws IOException {
        IncidentFilter f = filter(type, category, grade, state, from, to, division, drill, q);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"incidents.csv\"");
        PrintWriter out =
                new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a BOM.
        out.println(String.join(
                ",",
                List.of(
                        "number",
                        "type",
                        "title",
                        "occurred_at",
                        "reported_at",
                        "division_path",
                        "address",
                        "deaths",
                        "missing",
                        "seriously_injured",
                        "trapped",
                        "minor_injuries",
                        "direct_loss",
                        "grade",
                        "state",
                        "drill")));
        incidents.forEach(
                f,
                i -> out.println(String.join(
                        ",",
                        List.of(
                                csv(i.number()),
                                csv(i.typeCode()),
                                csv(i.title()),
                                csv(view.time(i.occurredAt())),
                                csv(view.time(i.reportedAt())),
                                csv(i.divisionPath()),
                                csv(i.address()),
                                String.valueOf(i.casualties().deaths()),
                                String.valueOf(i.casualties().missing()),
                                String.valueOf(i.casualties().seriouslyInjured()),
                                String.valueOf(i.casualties().trapped()),
                                String.valueOf(i.casualties().minorInjuries()),
                                i.casualties().directLoss().toPlainString(),
                                i.grade() == null ? "" : i.grade().name(),
                                i.state().name(),
                                String.valueOf(i.drill())))));
        out.flush();
    }

    static String csv(@Nullable String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        // Defuse spreadsheet formulas.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    // ---- intake ----------------------------------------------------------------------------------------

    @GetMapping("/new")
    String newForm(Model model) {
        roles.requireOperator();
        IntakeForm form = new IntakeForm();
        form.occurredAt = view.nowInput();
        form.idempotencyKey = UUID.randomUUID().toString();
        return intakeForm(form, Map.of(), null, model);
    }

    private String intakeForm(IntakeForm form, Map<String, String> errors, @Nullable String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("error", error);
        model.addAttribute(
                "types", incidents.eventTypes().stream().filter(t -> t.active()).toList());
        model.addAttribute("channels", ReportChannel.values());
        return "incident/new";
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") IntakeForm form, Model model, HttpServletResponse response) {
        try {
            List<FieldError> errors = new ArrayList<>();
            Casualties c = new Casualties(
                    integer(errors, "deaths", form.deaths),
                    integer(errors, "missing", form.missing),
                    integer(errors, "seriouslyInjured", form.seriouslyInjured),
                    integer(errors, "trapped", form.trapped),
                    integer(errors, "minorInjuries", form.minorInjuries),
                    decimal(errors, "directLoss", form.directLoss),
                    decimal(errors, "forestArea", form.forestArea));
            Instant occurred = localTime(errors, "occurredAt", form.occurredAt, true);
            Instant reported = localTime(errors, "reportedAt", form.reportedAt, false);
            double lon = coordinate(errors, "lon", form.lon);
            double lat = coordinate(errors, "lat", form.lat);
            ReportChannel channel = parseEnum(ReportChannel.class, form.channel);
            if (!errors.isEmpty()) {
                throw new InvalidInputException("error.validation", errors);
            }
            NewIncident command = new NewIncident(
                    form.typeCode == null ? "" : form.typeCode,
                    form.title,
                    occurred,
                    reported,
                    parseEnum(ReportingLevel.class, form.receivedLevel),
                    lon,
                    lat,
                    form.address,
                    form.reporterName,
                    form.reporterPhone,
                    channel == null ? ReportChannel.OTHER : channel,
                    form.enterpriseName,
                    null,
                    c,
                    form.description,
                    form.drill);
            Incident i = management.report(command, form.idempotencyKey).incident();
            return "redirect:/incidents/" + i.id();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return intakeForm(form, fieldErrors(e), problems.text(e.messageKey(), e.args()), model);
        }
    }

    // ---- dossier ------------------------------------------------------------------------------------

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        IncidentId iid = new IncidentId(id);
        Incident i = incidents.require(iid);
        model.addAttribute("i", i);
        model.addAttribute("type", incidents.eventType(i.typeCode()).orElse(null));
        model.addAttribute("obligations", incidents.obligations(iid));
        model.addAttribute("reports", incidents.reports(iid));
        model.addAttribute("instructions", incidents.instructions(iid));
        model.addAttribute("grades", incidents.gradeHistory(iid));
        model.addAttribute("timeline", incidents.timeline(iid));
        model.addAttribute("attachments", incidents.attachments(iid));
        model.addAttribute("me", roles.account().orElse(null));
        model.addAttribute(
                "windowEnd",
                incidents
                        .eventType(i.typeCode())
                        .map(t -> RegradeWindow.end(i.occurredAt(), t.regradeWindowDays(), clock.zone()))
                        .orElse(null));
        return "incident/detail";
    }

    /** The clocks panel alone, polled by htmx every 30 s. */
    @GetMapping("/{id}/clocks")
    String clocks(@PathVariable UUID id, Model model) {
        IncidentId iid = new IncidentId(id);
        model.addAttribute("i", incidents.require(iid));
        model.addAttribute("obligations", incidents.obligations(iid));
        return "incident/clocks :: clocks";
    }

    @PostMapping("/{id}/casualties")
    String casualties(@PathVariable UUID id, @RequestParam Map<String, String> p, RedirectAttributes flash) {
        return act(id, flash, () -> {
            List<FieldError> errors = new ArrayList<>();
            Casualties c = new Casualties(
                    integer(errors, "deaths", p.get("deaths")),
                    integer(errors, "missing", p.get("missing")),
                    integer(errors, "seriouslyInjured", p.get("seriouslyInjured")),
                    integer(errors, "trapped", p.get("trapped")),
                    integer(errors, "minorInjuries", p.get("minorInjuries")),
                    decimal(errors, "directLoss", p.get("directLoss")),
                    decimal(errors, "forestArea", p.get("forestArea")));
            if (!errors.isEmpty()) {
                throw new InvalidInputException("error.validation", errors);
            }
            var r = management.updateCasualties(new IncidentId(id), new CasualtyUpdate(c, p.get("note"), null));
            flash.addFlashAttribute(
                    "ok",
                    problems.text(
                            r.regraded()
                                    ? "incident.flash.regraded"
                                    : r.insideWindow() ? "incident.flash.updated" : "incident.flash.afterWindow"));
        });
    }

    @PostMapping("/{id}/state")
    String state(@PathVariable UUID id, @RequestParam String state, RedirectAttributes flash) {
        return act(id, flash, () -> {
            IncidentState s = parseEnum(IncidentState.class, state);
            if (s == null) {
                throw InvalidInputException.field("state", "incident.error.required");
            }
            management.changeState(new IncidentId(id), s);
        });
    }

    @PostMapping("/{id}/instructions")
    String instruction(@PathVariable UUID id, @RequestParam Map<String, String> p, RedirectAttributes flash) {
        return act(id, flash, () -> {
            List<FieldError> errors = new ArrayList<>();
            Instant issued = localTime(errors, "issuedAt", p.get("issuedAt"), false);
            if (!errors.isEmpty()) {
                throw new InvalidInputException("error.validation", errors);
            }
            management.addInstruction(
                    new IncidentId(id),
                    new NewInstruction(
                            p.getOrDefault("authorName", ""),
                            p.get("authorTitle"),
                            p.getOrDefault("text", ""),
                            issued,
                            p.getOrDefault("addressee", ""),
                            blankToNull(p.get("addresseeUser"))));
        });
    }

    @PostMapping("/{id}/instructions/{iid}/acknowledge")
    String acknowledge(@PathVariable UUID id, @PathVariable UUID iid, RedirectAttributes flash) {
        return act(id, flash, () -> management.acknowledge(new IncidentId(id), iid));
    }

    @PostMapping("/{id}/instructions/{iid}/notes")
    String note(
            @PathVariable UUID id,
            @PathVariable UUID iid,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes flash) {
        return act(id, flash, () -> management.addNote(new IncidentId(id), iid, text == null ? "" : text));
    }

    @PostMapping("/{id}/attachments")
    String attach(@PathVariable UUID id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) {
        return act(id, flash, () -> {
            try {
                management.attach(
                        new IncidentId(id),
                        String.valueOf(file.getOriginalFilename()),
                        file.getContentType(),
                        file.getBytes());
            } catch (IOException e) {
                throw InvalidInputException.field("file", "incident.error.fileEmpty");
            }
        });
    }

    @GetMapping("/{id}/attachments/{aid}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID aid) {
        return IncidentApiController.download(incidents.attachment(new IncidentId(id), aid));
    }

    /** Runs a dossier action; a rejected input comes back as a message on the dossier, nothing changed. */
    private String act(UUID id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            List<String> messages = new ArrayList<>();
            messages.add(problems.text(e.messageKey(), e.args()));
            for (FieldError fe : e.fieldErrors()) {
                messages.add(problems.text("incident.field." + fe.field()) + "："
                        + problems.text(fe.messageKey(), fe.args()));
            }
            flash.addFlashAttribute("errors", messages);
        } catch (cn.yingji.shared.ConflictException e) {
            flash.addFlashAttribute("errors", List.of(problems.text(e.messageKey(), e.args())));
        }
        return "redirect:/incidents/" + id;
    }

    // ---- reports ------------------------------------------------------------------------------------

    @GetMapping("/{id}/reports/new")
    String reportForm(@PathVariable UUID id, Model model) {
        Incident i = incidents.require(new IncidentId(id));
        roles.requireWrite(i.divisionPath(), id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", incidents.reports(i.id()).isEmpty() ? "INITIAL" : "FOLLOW_UP");
        form.put("fromLevel", i.receivedLevel().name());
        form.put("sentAt", view.nowInput());
        form.put("unitOverview", i.enterpriseName() == null ? "" : i.enterpriseName());
        form.put("timePlace", view.time(i.occurredAt()) + "，" + (i.address() == null ? "" : i.address()));
        form.put("course", i.description() == null ? "" : i.description());
        var c = i.casualties();
        form.put(
                "casualtiesText",
                problems.text(
                        "incident.report.casualtiesTemplate",
                        c.deaths(),
                        c.missing(),
                        c.seriouslyInjured(),
                        c.trapped(),
                        c.minorInjuries(),
                        c.directLoss().toPlainString()));
        form.put("measures", "");
        form.put("other", "");
        return reportForm(i, form, List.of(), Map.of(), null, model);
    }

    private String reportForm(
            Incident i,
            Map<String, String> form,
            List<String> recipients,
            Map<String, String> errors,
            @Nullable String error,
            Model model) {
        model.addAttribute("i", i);
        model.addAttribute("form", form);
        model.addAttribute("recipients", recipients);
        model.addAttribute("errors", errors);
        model.addAttribute("error", error);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("levels", List.of(ReportingLevel.COUNTY, ReportingLevel.CITY, ReportingLevel.PROVINCE));
        model.addAttribute("allRecipients", Recipient.values());
        return "incident/report-new";
    }

    @PostMapping("/{id}/reports")
    String fileReport(
            @PathVariable UUID id,
            @RequestParam Map<String, String> p,
            @RequestParam(name = "recipients", required = false) @Nullable List<String> recipients,
            Model model,
            HttpServletResponse response) {
        Incident i = incidents.require(new IncidentId(id));
        List<String> chosen = recipients == null ? List.of() : recipients;
        try {
            List<FieldError> errors = new ArrayList<>();
            Instant sent = localTime(errors, "sentAt", p.get("sentAt"), false);
            List<Recipient> to = new ArrayList<>();
            for (String r : chosen) {
                Recipient rec = parseEnum(Recipient.class, r);
                if (rec != null) {
                    to.add(rec);
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException("error.validation", errors);
            }
            var report = management.fileReport(
                    i.id(),
                    new NewReport(
                            parseEnum(ReportKind.class, p.get("kind")),
                            parseEnum(ReportingLevel.class, p.get("fromLevel")),
                            to,
                            sent,
                            p.getOrDefault("unitOverview", ""),
                            p.getOrDefault("timePlace", ""),
                            p.getOrDefault("course", ""),
                            p.getOrDefault("casualtiesText", ""),
                            p.getOrDefault("measures", ""),
                            p.getOrDefault("other", "")));
            return "redirect:/incidents/" + id + "/reports/" + report.id();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> form = new LinkedHashMap<>(p);
            return reportForm(i, form, chosen, fieldErrors(e), problems.text(e.messageKey(), e.args()), model);
        }
    }

    @GetMapping("/{id}/reports/{reportId}")
    String printReport(@PathVariable UUID id, @PathVariable UUID reportId, Model model) {
        IncidentId iid = new IncidentId(id);
        model.addAttribute("i", incidents.require(iid));
        model.addAttribute("r", incidents.report(iid, reportId));
        return "incident/report-print";
    }

    // ---- parsing helpers ---------------------------------------------------------------------------

    private Map<String, String> fieldErrors(DomainException e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldError fe : e.fieldErrors()) {
            out.putIfAbsent(fe.field(), problems.text(fe.messageKey(), fe.args()));
        }
        return out;
    }

    private static int integer(List<FieldError> errors, String field, @Nullable String v) {
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "incident.error.number"));
            return 0;
        }
    }

    private static BigDecimal decimal(List<FieldError> errors, String field, @Nullable String v) {
        if (v == null || v.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "incident.error.number"));
            return BigDecimal.ZERO;
        }
    }

    private static double coordinate(List<FieldError> errors, String field, @Nullable String v) {
        if (v == null || v.isBlank()) {
            errors.add(new FieldError("location", "incident.error.location"));
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "incident.error.number"));
            return Double.NaN;
        }
    }

    private @Nullable Instant localTime(List<FieldError> errors, String field, @Nullable String v, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "incident.error.required"));
            }
            return null;
        }
        try {
            return LocalDateTime.parse(v.trim()).atZone(clock.zone()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(field, "incident.error.time"));
            return null;
        }
    }

    static <E extends Enum<E>> @Nullable E parseEnum(Class<E> type, @Nullable String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
