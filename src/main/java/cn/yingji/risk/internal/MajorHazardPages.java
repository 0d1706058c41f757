package cn.yingji.risk.internal;

import cn.yingji.directory.Directory;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationFilter;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.identity.CurrentUser;
import cn.yingji.risk.HazardGrade;
import cn.yingji.risk.InventoryItem;
import cn.yingji.risk.InventoryLine;
import cn.yingji.risk.MajorHazardManagement;
import cn.yingji.risk.MajorHazardSource;
import cn.yingji.risk.MajorHazardSourceId;
import cn.yingji.risk.NewMajorHazardSource;
import cn.yingji.risk.UnitKind;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages of the major-hazard registry: list, detail with history, create and inventory editor, reference tables. */
@Controller
class MajorHazardPages {

    static final int BLANK_ROWS = 3;

    private final MajorHazardService hazards;
    private final MajorHazardManagement management;
    private final RiskRoles roles;
    private final RiskFormat format;
    private final Directory directory;
    private final CurrentUser currentUser;

    MajorHazardPages(
            MajorHazardService hazards,
            MajorHazardManagement management,
            RiskRoles roles,
            RiskFormat format,
            Directory directory,
            CurrentUser currentUser) {
        this.hazards = hazards;
        this.management = management;
        this.roles = roles;
        this.format = format;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    /** One inventory row of the form, as typed. */
    record Row(String chemical, String name, String cas, String hazardClass, String quantity) {

        boolean blank() {
            return chemical.isBlank() && name.isBlank() && cas.isBlank() && hazardClass.isBlank() && quantity.isBlank();
        }

        static Row of(InventoryItem i) {
            return new Row(
                    i.chemical() == null ? "" : i.chemical(),
                    i.chemical() == null ? i.name() : "",
                    i.cas() == null ? "" : i.cas(),
                    i.hazardClass() == null ? "" : i.hazardClass(),
                    i.quantity().toPlainString());
        }
    }

    /** The whole form, as typed. */
    record Form(
            String name,
            String unitKind,
            String organisationId,
            String exposedPopulation,
            @Nullable Integer version,
            List<Row> rows) {}

    @GetMapping("/risk/hazard-sources")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean major,
            @RequestParam(required = false) @Nullable HazardGrade grade,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("major", major);
        model.addAttribute("grade", grade);
        model.addAttribute("division", division);
        model.addAttribute("grades", HazardGrade.values());
        model.addAttribute("canWrite", roles.canWriteSources());
        model.addAttribute("result", hazards.list(q, major, grade, division, null, PageQuery.of(page, 20)));
        return "risk/sources";
    }

    @GetMapping("/risk/hazard-sources/{id}")
    String detail(@PathVariable UUID id, Model model) {
        MajorHazardSource s = find(id);
        model.addAttribute("source", s);
        model.addAttribute("inventory", hazards.inventory(s.id()));
        model.addAttribute("gradings", hazards.gradings(s.id()));
        model.addAttribute(
                "canWrite",
                roles.canWriteSources() && currentUser.jurisdiction().canCapture(s.divisionPath()));
        return "risk/source";
    }

    @GetMapping("/risk/hazard-sources/new")
    String createForm(@RequestParam(required = false) @Nullable String organisationId, Model model) {
        List<Row> rows = new ArrayList<>();
        pad(rows);
        return form(
                model,
                new Form("", UnitKind.STORAGE.name(), organisationId == null ? "" : organisationId, "0", null, rows),
                null,
                Map.of());
    }

    @PostMapping("/risk/hazard-sources/new")
    String create(HttpServletRequest request, Model model) {
        Form form = read(request);
        try {
            UnitKind kind = kind(form.unitKind());
            MajorHazardSourceId id = management.create(new NewMajorHazardSource(
                    form.name(),
                    kind,
                    RiskPages.uuid(form.organisationId(), "organisationId"),
                    population(form.exposedPopulation()),
                    lines(form.rows())));
            return "redirect:/risk/hazard-sources/" + id;
        } catch (InvalidInputException e) {
            pad(form.rows());
            return form(model, form, null, format.errors(e));
        }
    }

    @GetMapping("/risk/hazard-sources/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        MajorHazardSource s = find(id);
        List<Row> rows =
                new ArrayList<>(hazards.inventory(s.id()).stream().map(Row::of).toList());
        pad(rows);
        return form(
                model,
                new Form(
                        s.name(),
                        s.unitKind().name(),
                        s.organisationId().toString(),
                        String.valueOf(s.exposedPopulation()),
                        s.version(),
                        rows),
                s,
                Map.of());
    }

    @PostMapping("/risk/hazard-sources/{id}/edit")
    String edit(@PathVariable UUID id, HttpServletRequest request, Model model) {
        MajorHazardSource s = find(id);
        Form form = read(request);
        try {
            hazards.edit(
                    s.id(),
                    form.version() == null ? -1 : form.version(),
                    form.name(),
                    population(form.exposedPopulation()),
                    lines(form.rows()));
            return "redirect:/risk/hazard-sources/" + id;
        } catch (InvalidInputException | ConflictException e) {
            pad(form.rows());
            return form(model, form, s, format.errors(e));
        }
    }

    /** Live S / R of the form (htmx fragment); never stores anything. */
    @PostMapping("/risk/hazard-sources/preview")
    String preview(HttpServletRequest request, Model model) {
        Form form = read(request);
        try {
            model.addAttribute(
                    "evaluation", hazards.evaluate(population(form.exposedPopulation()), lines(form.rows())));
            model.addAttribute("errors", Map.of());
        } catch (InvalidInputException e) {
            model.addAttribute("evaluation", null);
            model.addAttribute("errors", format.errors(e));
        }
        return "risk/fragments :: evaluation";
    }

    @GetMapping("/risk/gb18218")
    String reference(Model model) {
        model.addAttribute("table", hazards.table());
        return "risk/gb18218";
    }

    private String form(Model model, Form form, @Nullable MajorHazardSource source, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("source", source);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("table", hazards.table());
        List<Organisation> enterprises = directory
                .organisations(new OrganisationFilter(null, OrganisationKind.ENTERPRISE, null), new PageQuery(0, 500))
                .items()
                .stream()
                .filter(o -> currentUser.jurisdiction().canCapture(o.divisionPath()))
                .toList();
        model.addAttribute("enterprises", enterprises);
        return "risk/source-form";
    }

    private static Form read(HttpServletRequest r) {
        String[] chemical = RiskPages.values(r, "chemical");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < chemical.length; i++) {
            Row row = new Row(
                    chemical[i].strip(),
                    RiskPages.at(r, "chemicalName", i),
                    RiskPages.at(r, "cas", i),
                    RiskPages.at(r, "hazardClass", i),
                    RiskPages.at(r, "quantity", i));
            if (!row.blank()) {
                rows.add(row);
            }
        }
        String version = param(r, "version");
        return new Form(
                param(r, "name"),
                param(r, "unitKind"),
                param(r, "organisationId"),
                param(r, "exposedPopulation"),
                version.isBlank() || !version.matches("\\d{1,9}") ? null : Integer.valueOf(version),
                rows);
    }

    private static String param(HttpServletRequest r, String name) {
        String v = r.getParameter(name);
        return v == null ? "" : v.strip();
    }

    private static void pad(List<Row> rows) {
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row("", "", "", "", ""));
        }
    }

    private static List<InventoryLine> lines(List<Row> rows) {
        List<InventoryLine> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            out.add(new InventoryLine(
                    row.chemical().isBlank() ? null : row.chemical(),
                    row.name().isBlank() ? null : row.name(),
                    row.cas().isBlank() ? null : row.cas(),
                    row.hazardClass().isBlank() ? null : row.hazardClass(),
                    RiskPages.decimal(row.quantity(), "inventory[" + i + "].quantity")));
        }
        return out;
    }

    private static @Nullable Integer population(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("exposedPopulation", "risk.error.number");
        }
    }

    private static @Nullable UnitKind kind(String text) {
        try {
            return text.isBlank() ? null : UnitKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("unitKind", "risk.error.required");
        }
    }

    private MajorHazardSource find(UUID id) {
        return hazards.find(new MajorHazardSourceId(id))
                .orElseThrow(() -> new NotFoundException("major hazard source", id));
    }
}
