package cn.yingji.risk.internal;

import cn.yingji.directory.Directory;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationFilter;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.Position;
import cn.yingji.directory.PositionFilter;
import cn.yingji.identity.CurrentUser;
import cn.yingji.risk.AssessmentMethod;
import cn.yingji.risk.ControlLevel;
import cn.yingji.risk.NewAssessment;
import cn.yingji.risk.NewControlMeasure;
import cn.yingji.risk.NewRiskPoint;
import cn.yingji.risk.RiskBand;
import cn.yingji.risk.RiskColour;
import cn.yingji.risk.RiskManagement;
import cn.yingji.risk.RiskPoint;
import cn.yingji.risk.RiskPointFilter;
import cn.yingji.risk.RiskPointId;
import cn.yingji.risk.RiskResult;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages of risk points: list, detail, create/edit, assessment with live result, map, trends, banding. */
@Controller
class RiskPages {

    private final RiskService points;
    private final RiskManagement management;
    private final RiskRoles roles;
    private final RiskFormat format;
    private final Directory directory;
    private final CurrentUser currentUser;
    private final String tileUrl;
    private final String tileAttribution;

    RiskPages(
            RiskService points,
            RiskManagement management,
            RiskRoles roles,
            RiskFormat format,
            Directory directory,
            CurrentUser currentUser,
            @Value("${yingji.map.tile-url:}") String tileUrl,
            @Value("${yingji.map.tile-attribution:}") String tileAttribution) {
        this.points = points;
        this.management = management;
        this.roles = roles;
        this.format = format;
        this.directory = directory;
        this.currentUser = currentUser;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    /** What the point form posts; strings so bad input is shown back as typed. */
    record PointForm(
            @Nullable String name,
            @Nullable String category,
            @Nullable String description,
            @Nullable String organisationId,
            @Nullable String divisionCode,
            @Nullable String gridCode,
            @Nullable String location,
            @Nullable String lon,
            @Nullable String lat,
            @Nullable Integer version) {

        static PointForm of(RiskPoint p) {
            return new PointForm(
                    p.name(),
                    p.category(),
                    p.description(),
                    p.organisationId() == null ? null : p.organisationId().toString(),
                    null,
                    p.gridCode(),
                    p.location(),
                    p.lon() == null ? null : p.lon().toString(),
                    p.lat() == null ? null : p.lat().toString(),
                    p.version());
        }

        NewRiskPoint command() {
            return new NewRiskPoint(
                    name,
                    category,
                    description,
                    uuid(organisationId, "organisationId"),
                    divisionCode,
                    gridCode,
                    location,
                    number(lon, "lon"),
                    number(lat, "lat"));
        }
    }

    /** What the assessment form posts. */
    record AssessForm(
            @Nullable String method,
            @Nullable String l,
            @Nullable String e,
            @Nullable String c,
            @Nullable String s,
            @Nullable String note) {

        /** The inputs, keeping only the factors of the chosen method (the form shows both methods' fields). */
        NewAssessment command() {
            AssessmentMethod m = RiskPages.method(method);
            boolean lec = m == AssessmentMethod.LEC;
            boolean lsm = m == AssessmentMethod.LS;
            return new NewAssessment(
                    m,
                    decimal(l, "l"),
                    lec ? decimal(e, "e") : null,
                    lec ? decimal(c, "c") : null,
                    lsm ? decimal(s, "s") : null,
                    note);
        }
    }

    // ---- list --------------------------------------------------------------------------------------------------

    @GetMapping("/risk/points")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable RiskColour colour,
            @RequestParam(required = false) @Nullable AssessmentMethod method,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("colour", colour);
        model.addAttribute("method", method);
        model.addAttribute("division", division);
        model.addAttribute("colours", RiskColour.values());
        model.addAttribute("methods", AssessmentMethod.values());
        model.addAttribute("canWrite", roles.canWritePoints());
        model.addAttribute(
                "result",
                points.list(new RiskPointFilter(q, colour, method, division, null, null), PageQuery.of(page, 20)));
        return "risk/points";
    }

    // ---- detail ------------------------------------------------------------------------------------------------

    @GetMapping("/risk/points/{id}")
    String detail(@PathVariable UUID id, Model model) {
        RiskPoint p = find(id);
        return detail(p, model, null, Map.of());
    }

    private String detail(RiskPoint p, Model model, @Nullable MeasureForm measureForm, Map<String, String> errors) {
        model.addAttribute("point", p);
        model.addAttribute("assessments", points.assessments(p.id()));
        model.addAttribute("measures", points.measures(p.id()));
        model.addAttribute("levels", ControlLevel.values());
        model.addAttribute("positions", positionsFor(p));
        model.addAttribute(
                "canWrite", roles.canWritePoints() && currentUser.jurisdiction().canCapture(p.divisionPath()));
        model.addAttribute("measureForm", measureForm == null ? new MeasureForm(null, null, null) : measureForm);
        model.addAttribute("errors", errors);
        return "risk/point";
    }

    private List<Position> positionsFor(RiskPoint p) {
        PositionFilter filter = p.organisationId() != null
                ? new PositionFilter(null, null, null, new OrganisationId(p.organisationId()), null)
                : new PositionFilter(null, null, p.divisionPath(), null, null);
        return directory.positions(filter, new PageQuery(0, 200)).items();
    }

    /** What the control-measure form posts. */
    record MeasureForm(
            @Nullable String measure,
            @Nullable String level,
            @Nullable String positionId) {}

    @PostMapping("/risk/points/{id}/measures")
    String addMeasure(@PathVariable UUID id, MeasureForm form, Model model) {
        RiskPoint p = find(id);
        try {
            ControlLevel level;
            try {
                level = form.level() == null || form.level().isBlank() ? null : ControlLevel.valueOf(form.level());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.field("level", "risk.error.required");
            }
            management.addMeasure(
                    p.id(), new NewControlMeasure(form.measure(), level, uuid(form.positionId(), "positionId")));
            return "redirect:/risk/points/" + id + "#measures";
        } catch (InvalidInputException e) {
            return detail(p, model, form, format.errors(e));
        }
    }

    @PostMapping("/risk/points/{id}/measures/{measureId}/delete")
    String removeMeasure(@PathVariable UUID id, @PathVariable UUID measureId) {
        management.removeMeasure(new RiskPointId(id), measureId);
        return "redirect:/risk/points/" + id + "#measures";
    }

    // ---- create / edit -----------------------------------------------------------------------------------------

    @GetMapping("/risk/points/new")
    String createForm(@RequestParam(required = false) @Nullable String organisationId, Model model) {
        return form(
                model,
                new PointForm(null, null, null, organisationId, null, null, null, null, null, null),
                null,
                Map.of());
    }

    @PostMapping("/risk/points/new")
    String create(PointForm form, Model model) {
        try {
            RiskPointId id = management.create(form.command());
            return "redirect:/risk/points/" + id;
        } catch (InvalidInputException e) {
            return form(model, form, null, format.errors(e));
        }
    }

    @GetMapping("/risk/points/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        return form(model, PointForm.of(find(id)), find(id), Map.of());
    }

    @PostMapping("/risk/points/{id}/edit")
    String edit(@PathVariable UUID id, PointForm form, Model model) {
        RiskPoint p = find(id);
        try {
            management.update(p.id(), form.version() == null ? -1 : form.version(), form.command());
            return "redirect:/risk/points/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, p, format.errors(e));
        }
    }

    private String form(Model model, PointForm form, @Nullable RiskPoint point, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("point", point);
        model.addAttribute("errors", errors);
        List<Organisation> enterprises = directory
                .organisations(new OrganisationFilter(null, OrganisationKind.ENTERPRISE, null), new PageQuery(0, 500))
                .items()
                .stream()
                .filter(o -> currentUser.jurisdiction().canCapture(o.divisionPath()))
                .toList();
        model.addAttribute("enterprises", enterprises);
        return "risk/point-form";
    }

    // ---- assessment --------------------------------------------------------------------------------------------

    @GetMapping("/risk/points/{id}/assess")
    String assessForm(@PathVariable UUID id, Model model) {
        RiskPoint p = find(id);
        String m = p.method() == null ? "LEC" : p.method().name();
        return assess(model, p, new AssessForm(m, null, null, null, null, null), null, Map.of());
    }

    @PostMapping("/risk/points/{id}/assess")
    String assess(@PathVariable UUID id, AssessForm form, Model model) {
        RiskPoint p = find(id);
        try {
            management.assess(p.id(), form.command());
            return "redirect:/risk/points/" + id;
        } catch (InvalidInputException e) {
            return assess(model, p, form, null, format.errors(e));
        }
    }

    /** The live result of the assessment form (htmx fragment); never stores anything. */
    @PostMapping("/risk/assessment-preview")
    String preview(AssessForm form, Model model) {
        try {
            model.addAttribute("result", points.evaluate(form.command()));
            model.addAttribute("errors", Map.of());
        } catch (InvalidInputException e) {
            model.addAttribute("result", null);
            model.addAttribute("errors", format.errors(e));
        }
        return "risk/fragments :: result";
    }

    private String assess(
            Model model, RiskPoint p, AssessForm form, @Nullable RiskResult result, Map<String, String> errors) {
        model.addAttribute("point", p);
        model.addAttribute("form", form);
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        model.addAttribute("factors", points.factorValues());
        Map<AssessmentMethod, List<RiskBand>> bands = new EnumMap<>(AssessmentMethod.class);
        for (AssessmentMethod m : AssessmentMethod.values()) {
            bands.put(m, points.bands(m));
        }
        model.addAttribute("bands", bands);
        return "risk/assess";
    }

    // ---- map, trends, banding ----------------------------------------------------------------------------------

    @GetMapping("/risk/map")
    String map(Model model) {
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return "risk/map";
    }

    @GetMapping("/risk/trends")
    String trends() {
        return "risk/trends";
    }

    @GetMapping("/risk/bands")
    String bands(Model model) {
        return bands(model, null, Map.of());
    }

    private String bands(Model model, @Nullable AssessmentMethod failed, Map<String, String> errors) {
        roles.requireAdmin();
        Map<AssessmentMethod, List<RiskBand>> bands = new EnumMap<>(AssessmentMethod.class);
        for (AssessmentMethod m : AssessmentMethod.values()) {
            bands.put(m, points.bands(m));
        }
        model.addAttribute("bands", bands);
        model.addAttribute("colours", RiskColour.values());
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        return "risk/bands";
    }

    @PostMapping("/risk/bands/{method}")
    String saveBands(@PathVariable AssessmentMethod method, HttpServletRequest request, Model model) {
        roles.requireAdmin();
        String[] colours = values(request, "colour");
        List<RiskBand> bands = new ArrayList<>();
        try {
            for (int i = 0; i < colours.length; i++) {
                if (colours[i].isBlank()) {
                    continue;
                }
                RiskColour colour;
                try {
                    colour = RiskColour.valueOf(colours[i]);
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.field("bands[" + i + "].colour", "risk.error.required");
                }
                bands.add(new RiskBand(
                        method,
                        colour,
                        at(request, "label", i),
                        decimal(at(request, "lower", i), "bands[" + i + "].lower"),
                        "true".equals(at(request, "lowerInclusive", i)),
                        decimal(at(request, "upper", i), "bands[" + i + "].upper"),
                        "true".equals(at(request, "upperInclusive", i))));
            }
            management.replaceBands(method, bands);
            return "redirect:/risk/bands?saved=" + method;
        } catch (InvalidInputException e) {
            return bands(model, method, format.errors(e));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private RiskPoint find(UUID id) {
        return points.find(new RiskPointId(id)).orElseThrow(() -> new NotFoundException("risk point", id));
    }

    static String[] values(HttpServletRequest request, String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? new String[0] : v;
    }

    static String at(HttpServletRequest request, String name, int i) {
        String[] v = values(request, name);
        return i < v.length ? v[i].strip() : "";
    }

    static @Nullable UUID uuid(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field(field, "risk.error.reference");
        }
    }

    static @Nullable Double number(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.field(field, "risk.error.number");
        }
    }

    static @Nullable BigDecimal decimal(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.field(field, "risk.error.number");
        }
    }

    static @Nullable AssessmentMethod method(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AssessmentMethod.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("method", "risk.error.required");
        }
    }
}
