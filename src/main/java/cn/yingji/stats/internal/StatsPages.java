package cn.yingji.stats.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.incident.EventType;
import cn.yingji.incident.Incidents;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.web.Problems;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the dashboard, the big screen, disaster-loss reporting, the historical import and "my exports". */
@Controller
class StatsPages {

    private final StatsService stats;
    private final LossService losses;
    private final HistoryImport history;
    private final ExportService exports;
    private final Incidents incidents;
    private final Problems problems;
    private final CurrentUser currentUser;

    StatsPages(
            StatsService stats,
            LossService losses,
            HistoryImport history,
            ExportService exports,
            Incidents incidents,
            Problems problems,
            CurrentUser currentUser) {
        this.stats = stats;
        this.losses = losses;
        this.history = history;
        this.exports = exports;
        this.incidents = incidents;
        this.problems = problems;
        this.currentUser = currentUser;
    }

    private List<EventType> accidentTypes() {
        return incidents.eventTypes().stream()
                .filter(EventType::productionSafety)
                .toList();
    }

    @GetMapping("/stats")
    String dashboard(@RequestParam(required = false) @Nullable String division, Model model) {
        var s = stats.scope(division);
        int year = LocalDate.now(FactStore.ZONE).getYear();
        model.addAttribute("scope", s);
        model.addAttribute("year", year);
        model.addAttribute("types", accidentTypes());
        model.addAttribute("years", stats.years(s, year - 9, year));
        return "stats/dashboard";
    }

    @GetMapping("/stats/screen")
    String screen(@RequestParam(required = false) @Nullable String division, Model model) {
        var s = stats.scope(division);
        int year = LocalDate.now(FactStore.ZONE).getYear();
        model.addAttribute("scope", s);
        model.addAttribute("year", year);
        model.addAttribute("row", stats.years(s, year, year).get(0));
        return "stats/screen";
    }

    /** The loss form as typed. */
    record LossForm(
            @Nullable String divisionCode,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate periodFrom,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate periodTo,

            @Nullable String hazardKind,
            @Nullable String incidentId,
            @Nullable Integer affected,
            @Nullable Integer relocated,
            @Nullable Integer housesDamaged,
            @Nullable Integer housesCollapsed,
            @Nullable BigDecimal cropArea,
            @Nullable BigDecimal directLoss,
            @Nullable String note) {}

    @GetMapping("/stats/losses")
    String lossPage(@RequestParam(required = false) @Nullable String division, Model model) {
        return losses(stats.scope(division), model, null, Map.of());
    }

    private String losses(StatsService.Scope s, Model model, @Nullable LossForm form, Map<String, String> errors) {
        model.addAttribute("scope", s);
        model.addAttribute("items", losses.list(s, null, null, 200));
        model.addAttribute("totals", losses.totals(s, null, null));
        LossForm f = form == null
                ? new LossForm(s.code(), null, null, null, null, null, null, null, null, null, null, null)
                : form;
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("divisionCode", f.divisionCode());
        values.put("periodFrom", f.periodFrom());
        values.put("periodTo", f.periodTo());
        values.put("hazardKind", f.hazardKind());
        values.put("incidentId", f.incidentId());
        values.put("affected", f.affected());
        values.put("relocated", f.relocated());
        values.put("housesDamaged", f.housesDamaged());
        values.put("housesCollapsed", f.housesCollapsed());
        values.put("cropArea", f.cropArea());
        values.put("directLoss", f.directLoss());
        values.put("note", f.note());
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        return "stats/losses";
    }

    @PostMapping("/stats/losses")
    String report(LossForm form, Model model, RedirectAttributes flash) {
        try {
            UUID incident = null;
            if (form.incidentId() != null && !form.incidentId().isBlank()) {
                try {
                    incident = UUID.fromString(form.incidentId().trim());
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.field("incidentId", "stats.error.uuid");
                }
            }
            losses.create(new LossService.LossInput(
                    form.divisionCode(),
                    form.periodFrom(),
                    form.periodTo(),
                    form.hazardKind(),
                    incident,
                    form.affected(),
                    form.relocated(),
                    form.housesDamaged(),
                    form.housesCollapsed(),
                    form.cropArea(),
                    form.directLoss(),
                    form.note()));
            flash.addFlashAttribute("message", problems.text("stats.loss.saved"));
            return "redirect:/stats/losses";
        } catch (InvalidInputException e) {
            return losses(stats.scope(null), model, form, errors(e));
        }
    }

    @PostMapping("/stats/history")
    String importHistory(@RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        try {
            if (file.isEmpty()) {
                throw InvalidInputException.field("file", "stats.import.empty");
            }
            int n = history.importXlsx(file.getInputStream());
            flash.addFlashAttribute("message", problems.text("stats.history.done", n));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("importErrors", List.copyOf(errors(e).values()));
        }
        return "redirect:/stats#history";
    }

    @GetMapping("/stats/exports")
    String myExports(Model model) {
        model.addAttribute("jobs", exports.mine());
        return "stats/exports";
    }

    @GetMapping("/stats/exports/rows")
    String exportRows(Model model) {
        model.addAttribute("jobs", exports.mine());
        return "stats/exports :: rows";
    }

    @PostMapping("/stats/exports")
    String startExport(
            @RequestParam String kind,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        exports.start(kind, division, from, to);
        return "redirect:/stats/exports";
    }

    @GetMapping("/stats/exports/{id}")
    String exportJob(@PathVariable UUID id) {
        exports.job(id);
        return "redirect:/api/v1/stats/exports/" + id + "/file";
    }

    private Map<String, String> errors(DomainException e) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("_", problems.text(e.messageKey(), e.args()));
        for (DomainException.FieldError fe : e.fieldErrors()) {
            out.putIfAbsent(fe.field(), problems.text(fe.messageKey(), fe.args()));
        }
        return out;
    }

    boolean signedIn() {
        return currentUser.get().isPresent();
    }
}
