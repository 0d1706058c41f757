package cn.yingji.risk.internal;

import cn.yingji.directory.OrganisationId;
import cn.yingji.risk.Enterprise;
import cn.yingji.risk.EnterpriseFilter;
import cn.yingji.risk.EnterpriseInput;
import cn.yingji.risk.EnterpriseManagement;
import cn.yingji.risk.EnterpriseSize;
import cn.yingji.risk.EnterpriseStatus;
import cn.yingji.risk.Industry;
import cn.yingji.risk.MajorHazards;
import cn.yingji.risk.RiskPointFilter;
import cn.yingji.risk.RiskPoints;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Pages of the enterprise registry: list with filters, detail, register, edit, import. */
@Controller
class EnterprisePages {

    private static final Pattern ROW = Pattern.compile("row\\[(\\d+)]\\.(.+)");
    private static final List<String> FIELDS = List.of(
            "creditCode",
            "name",
            "industry",
            "size",
            "employees",
            "status",
            "address",
            "lon",
            "lat",
            "divisionCode",
            "safetyOfficer",
            "safetyOfficerPhone");

    private final EnterpriseService enterprises;
    private final EnterpriseManagement management;
    private final RiskPoints points;
    private final MajorHazards hazards;
    private final RiskFormat format;

    EnterprisePages(
            EnterpriseService enterprises,
            EnterpriseManagement management,
            RiskPoints points,
            MajorHazards hazards,
            RiskFormat format) {
        this.enterprises = enterprises;
        this.management = management;
        this.points = points;
        this.hazards = hazards;
        this.format = format;
    }

    @GetMapping("/risk/enterprises")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable EnterpriseSize sizeClass,
            @RequestParam(required = false) @Nullable EnterpriseStatus status,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer imported,
            Model model) {
        EnterpriseFilter filter = new EnterpriseFilter(q, industry, sizeClass, status, division, department);
        return list(model, filter, page, imported, List.of());
    }

    private String list(
            Model model,
            EnterpriseFilter filter,
            @Nullable Integer page,
            @Nullable Integer imported,
            List<String> importErrors) {
        model.addAttribute("filter", filter);
        model.addAttribute("result", enterprises.list(filter, PageQuery.of(page, 20)));
        model.addAttribute("industries", industryNames());
        model.addAttribute("departments", enterprises.departments());
        model.addAttribute("sizes", EnterpriseSize.values());
        model.addAttribute("statuses", EnterpriseStatus.values());
        model.addAttribute("canWrite", enterprises.canWrite());
        model.addAttribute("imported", imported);
        model.addAttribute("importErrors", importErrors);
        Map<String, String> supervisors = new LinkedHashMap<>();
        for (String code : industryNames().keySet()) {
            supervisors.put(code, supervisorText(code));
        }
        model.addAttribute("supervisors", supervisors);
        return "risk/enterprises";
    }

    @GetMapping("/risk/enterprises/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Enterprise e = find(id);
        model.addAttribute("e", e);
        model.addAttribute("industries", industryNames());
        model.addAttribute("supervisors", enterprises.supervisorsOf(e.industry()));
        model.addAttribute("canWrite", enterprises.canWrite(e));
        model.addAttribute(
                "points",
                points.list(new RiskPointFilter(null, null, null, null, id, null), new PageQuery(0, 50))
                        .items());
        model.addAttribute(
                "sources",
                hazards.list(null, null, null, null, id, new PageQuery(0, 50)).items());
        return "risk/enterprise";
    }

    @GetMapping("/risk/enterprises/new")
    String createForm(Model model) {
        requireWriter();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("status", EnterpriseStatus.OPERATING.name());
        return form(model, values, null, Map.of());
    }

    @PostMapping("/risk/enterprises/new")
    String create(HttpServletRequest request, Model model) {
        Map<String, String> values = read(request);
        try {
            EnterpriseInput in = input(values);
            OrganisationId id = management.register(in);
            return "redirect:/risk/enterprises/" + id.value();
        } catch (InvalidInputException | ConflictException e) {
            return form(model, values, null, format.errors(e));
        }
    }

    @GetMapping("/risk/enterprises/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Enterprise e = find(id);
        if (!enterprises.canWrite(e)) {
            throw new AccessDeniedException("read-only");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("creditCode", e.creditCode());
        values.put("name", e.name());
        values.put("industry", e.industry());
        values.put("size", e.size().name());
        values.put("employees", e.employees() == null ? "" : e.employees().toString());
        values.put("status", e.status().name());
        values.put("address", nz(e.address()));
        values.put("lon", e.lon() == null ? "" : e.lon().toString());
        values.put("lat", e.lat() == null ? "" : e.lat().toString());
        values.put("divisionCode", EnterpriseApiController.divisionCode(e.divisionPath()));
        values.put("safetyOfficer", nz(e.safetyOfficer()));
        values.put("safetyOfficerPhone", nz(e.safetyOfficerPhone()));
        values.put("version", String.valueOf(e.version()));
        return form(model, values, e, Map.of());
    }

    @PostMapping("/risk/enterprises/{id}/edit")
    String edit(@PathVariable UUID id, HttpServletRequest request, Model model) {
        Enterprise e = find(id);
        Map<String, String> values = read(request);
        values.put("creditCode", e.creditCode());
        try {
            String v = values.getOrDefault("version", "");
            int version = v.matches("\\d{1,9}") ? Integer.parseInt(v) : -1;
            management.update(e.id(), version, input(values));
            return "redirect:/risk/enterprises/" + id;
        } catch (InvalidInputException | ConflictException x) {
            return form(model, values, e, format.errors(x));
        }
    }

    @PostMapping("/risk/enterprises/import")
    String importFile(@RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.field("file", "table.empty");
            }
            int n = management.importTable(file.getOriginalFilename(), file.getBytes());
            return "redirect:/risk/enterprises?imported=" + n;
        } catch (InvalidInputException | ConflictException e) {
            return list(model, EnterpriseFilter.none(), null, null, importErrors(e));
        }
    }

    private String form(Model model, Map<String, String> values, @Nullable Enterprise e, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("e", e);
        model.addAttribute("errors", errors);
        model.addAttribute("industries", industryNames());
        model.addAttribute("sizes", EnterpriseSize.values());
        model.addAttribute("statuses", EnterpriseStatus.values());
        return "risk/enterprise-form";
    }

    /** "第 3 行 · 行业：…" lines of a rejected import. */
    private List<String> importErrors(DomainException e) {
        List<String> out = new ArrayList<>();
        for (FieldError fe : e.fieldErrors()) {
            String message = format.text(fe.messageKey(), fe.args());
            Matcher m = ROW.matcher(fe.field());
            if (m.matches()) {
                out.add(format.text(
                        "risk.enterprise.rowError", m.group(1), format.text("risk.enterprise." + m.group(2)), message));
            } else {
                out.add(message);
            }
        }
        if (out.isEmpty()) {
            out.add(format.text(e.messageKey(), e.args()));
        }
        return out;
    }

    private Map<String, String> industryNames() {
        boolean zh = LocaleContextHolder.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
        Map<String, String> out = new LinkedHashMap<>();
        for (Industry i : enterprises.industries()) {
            out.put(i.code(), zh ? i.nameZh() : i.nameEn());
        }
        return out;
    }

    private String supervisorText(String industry) {
        return String.join(
                "、",
                enterprises.supervisorsOf(industry).stream()
                        .map(s -> s.department())
                        .toList());
    }

    private static Map<String, String> read(HttpServletRequest r) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = r.getParameter(f);
            values.put(f, v == null ? "" : v.strip());
        }
        String v = r.getParameter("version");
        values.put("version", v == null ? "" : v.strip());
        return values;
    }

    private static EnterpriseInput input(Map<String, String> v) {
        List<FieldError> errors = new ArrayList<>();
        EnterpriseInput in = new EnterpriseInput(
                v.get("creditCode"),
                v.get("name"),
                v.get("industry"),
                EnterpriseService.named(EnterpriseSize.class, v.get("size"), "size", errors),
                EnterpriseService.integer(v.get("employees"), "employees", errors),
                EnterpriseService.named(EnterpriseStatus.class, v.get("status"), "status", errors),
                v.get("address"),
                EnterpriseService.decimal(v.get("lon"), "lon", errors),
                EnterpriseService.decimal(v.get("lat"), "lat", errors),
                v.get("divisionCode"),
                v.get("safetyOfficer"),
                v.get("safetyOfficerPhone"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        return in;
    }

    private void requireWriter() {
        if (!enterprises.canWrite()) {
            throw new AccessDeniedException("read-only");
        }
    }

    private Enterprise find(UUID id) {
        return enterprises.find(new OrganisationId(id)).orElseThrow(() -> new NotFoundException("enterprise", id));
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
