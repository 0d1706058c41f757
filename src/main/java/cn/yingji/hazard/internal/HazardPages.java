package cn.yingji.hazard.internal;

import cn.yingji.directory.Directory;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationFilter;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.hazard.Hazard;
import cn.yingji.hazard.HazardCard;
import cn.yingji.hazard.HazardFilter;
import cn.yingji.hazard.HazardGrade;
import cn.yingji.hazard.HazardId;
import cn.yingji.hazard.HazardManagement;
import cn.yingji.hazard.HazardState;
import cn.yingji.hazard.internal.HazardForms.StepForm;
import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Pages for officers, grid workers and enterprises: ledger (台账) with exports, detail with the steps, field page. */
@Controller
class HazardPages {

    private final HazardService hazards;
    private final HazardManagement management;
    private final HazardRoles roles;
    private final HazardFormat format;
    private final Directory directory;
    private final CurrentUser currentUser;

    /** The 三管三必须 matrix: which department supervises a hazard's industry. */
    private final cn.yingji.responsibility.Responsibilities responsibilities;

    HazardPages(
            HazardService hazards,
            HazardManagement management,
            HazardRoles roles,
            HazardFormat format,
            Directory directory,
            CurrentUser currentUser,
            cn.yingji.responsibility.Responsibilities responsibilities) {
        this.responsibilities = responsibilities;
        this.hazards = hazards;
        this.management = management;
        this.roles = roles;
        this.format = format;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    // ---- ledger --------------------------------------------------------------------------------------------

    @GetMapping("/hazards")
    String ledger(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String grade,
            @RequestParam(required = false) @Nullable String card,
            @RequestParam(required = false) @Nullable String supervised,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        HazardFilter filter = HazardForms.filter(division, industry, state, grade, card, supervised, q);
        model.addAttribute("division", division);
        model.addAttribute("industry", industry);
        model.addAttribute("state", state);
        model.addAttribute("grade", grade);
        model.addAttribute("card", card);
        model.addAttribute("supervised", supervised);
        model.addAttribute("q", q);
        model.addAttribute("industries", HazardService.INDUSTRIES);
        model.addAttribute("states", HazardState.values());
        model.addAttribute("grades", HazardGrade.values());
        model.addAttribute("cards", HazardCard.values());
        model.addAttribute("result", hazards.list(filter, PageQuery.of(page, 20)));
        model.addAttribute("counts", hazards.counts(filter));
        model.addAttribute("byDivision", hazards.countsByDivision(filter));
        model.addAttribute("query", query(division, industry, state, grade, card, supervised, q));
        return "hazard/ledger";
    }

    private static String query(@Nullable String... values) {
        String[] names = {"division", "industry", "state", "grade", "card", "supervised", "q"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                sb.append(sb.isEmpty() ? "?" : "&")
                        .append(names[i])
                        .append('=')
                        .append(java.net.URLEncoder.encode(values[i], StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    private List<String> header() {
        List<String> h = new ArrayList<>();
        for (String k : List.of(
                "number",
                "title",
                "grade",
                "industry",
                "source",
                "state",
                "division",
                "address",
                "enterprise",
                "reportedAt",
                "responsible",
                "funds",
                "deadline",
                "card",
                "supervised")) {
            h.add(format.text("hazard.field." + k));
        }
        return h;
    }

    private List<Object> row(Hazard h) {
        List<Object> r = new ArrayList<>();
        r.add(h.number());
        r.add(h.title());
        r.add(format.text("hazard.grade." + h.grade()));
        r.add(format.text("hazard.industry." + h.industry()));
        r.add(format.text("hazard.source." + h.source()));
        r.add(format.text("hazard.state." + h.state()));
        r.add(format.place(h.divisionPath()));
        r.add(h.address() == null ? "" : h.address());
        r.add(h.enterpriseName() == null ? "" : h.enterpriseName());
        r.add(format.time(h.reportedAt()));
        r.add(h.responsible() == null ? "" : h.responsible());
        r.add(h.funds() == null ? "" : h.funds().toPlainString());
        r.add(h.deadline() == null ? "" : h.deadline().toString());
        r.add(format.text("hazard.card." + h.card()));
        r.add(h.supervised() ? format.text("hazard.yes") : "");
        return r;
    }

    @GetMapping("/hazards/export.csv")
    void csv(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String grade,
            @RequestParam(required = false) @Nullable String card,
            @RequestParam(required = false) @Nullable String supervised,
            @RequestParam(required = false) @Nullable String q,
            HttpServletResponse response)
            throws IOException {
        HazardFilter filter = HazardForms.filter(division, industry, state, grade, card, supervised, q);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"hazards.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        HazardFormat.csv(out, header());
        hazards.each(filter, h -> {
            try {
                HazardFormat.csv(out, row(h));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping("/hazards/export.xlsx")
    void xlsx(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String grade,
            @RequestParam(required = false) @Nullable String card,
            @RequestParam(required = false) @Nullable String supervised,
            @RequestParam(required = false) @Nullable String q,
            HttpServletResponse response)
            throws IOException {
        HazardFilter filter = HazardForms.filter(division, industry, state, grade, card, supervised, q);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(format.text("hazard.ledger.title"));
            write(sheet.createRow(0), header());
            int[] n = {1};
            hazards.each(filter, h -> write(sheet.createRow(n[0]++), row(h)));
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename=\"hazards.xlsx\"");
            OutputStream out = response.getOutputStream();
            wb.write(out);
            out.flush();
        }
    }

    private static void write(Row row, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(HazardFormat.safe(cells.get(i)));
        }
    }

    // ---- detail and steps ----------------------------------------------------------------------------------

    @GetMapping("/hazards/{id}")
    String detail(@PathVariable UUID id, Model model) {
        return detail(find(id), model, null, Map.of());
    }

    private Hazard find(UUID id) {
        return hazards.find(new HazardId(id)).orElseThrow(() -> new NotFoundException("hazard", id));
    }

    private String detail(Hazard h, Model model, @Nullable String failedAction, Map<String, String> errors) {
        model.addAttribute("hazard", h);
        model.addAttribute("steps", hazards.steps(h.id()));
        model.addAttribute("supervisors", responsibilities.supervisorsOf(h.industry()));
        model.addAttribute("failed", failedAction);
        model.addAttribute("errors", errors);
        model.addAttribute("grades", HazardGrade.values());
        boolean writable = currentUser.get().isPresent()
                && (currentUser.jurisdiction().canCapture(h.divisionPath())
                        || (h.enterpriseId() != null && h.enterpriseId().equals(roles.ownEnterprise())));
        model.addAttribute("canVerify", writable && roles.has(HazardRoles.VERIFIERS));
        model.addAttribute("canAssign", writable && roles.has(HazardRoles.ASSIGNERS));
        model.addAttribute("canRectify", writable && roles.has(HazardRoles.RECTIFIERS));
        model.addAttribute(
                "canAccept",
                writable
                        && roles.has(
                                h.grade() == HazardGrade.MAJOR
                                        ? HazardRoles.MAJOR_ACCEPTORS
                                        : HazardRoles.GENERAL_ACCEPTORS));
        if (h.state() == HazardState.VERIFIED) {
            model.addAttribute(
                    "enterprises",
                    directory
                            .organisations(
                                    new OrganisationFilter(null, OrganisationKind.ENTERPRISE, null),
                                    new PageQuery(0, 200))
                            .items());
        } else {
            model.addAttribute("enterprises", List.<Organisation>of());
        }
        return "hazard/detail";
    }

    @PostMapping({
        "/hazards/{id}/verify",
        "/hazards/{id}/reject",
        "/hazards/{id}/merge",
        "/hazards/{id}/assign",
        "/hazards/{id}/start",
        "/hazards/{id}/rectify",
        "/hazards/{id}/accept",
        "/hazards/{id}/close"
    })
    String step(
            @PathVariable UUID id,
            jakarta.servlet.http.HttpServletRequest request,
            @ModelAttribute StepForm form,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            Model model,
            HttpServletResponse response) {
        String uri = request.getRequestURI();
        String action = uri.substring(uri.lastIndexOf('/') + 1);
        Hazard h = find(id);
        HazardId hid = h.id();
        try {
            switch (action) {
                case "verify" -> management.verify(hid, HazardForms.grade(form.grade(), "grade"), form.input(photo));
                case "reject" -> management.reject(hid, form.input(photo));
                case "merge" -> management.merge(hid, mergeTarget(form.into()), form.input(photo));
                case "assign" -> management.assign(hid, form.assignment(), form.input(photo));
                case "start" -> management.start(hid, form.input(photo));
                case "rectify" -> management.rectify(hid, form.input(photo));
                case "accept" -> management.accept(hid, form.accepted(), form.input(photo));
                default -> management.close(hid, form.input(photo));
            }
            return "redirect:/hazards/" + id;
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return detail(find(id), model, action, format.errors((DomainException) e));
        }
    }

    /** The merge target by number (as officers know it) or by id. */
    private HazardId mergeTarget(@Nullable String into) {
        if (into == null || into.isBlank()) {
            throw InvalidInputException.field("into", "hazard.error.mergeTarget");
        }
        String v = into.strip();
        try {
            return new HazardId(UUID.fromString(v));
        } catch (IllegalArgumentException e) {
            return hazards
                    .list(new HazardFilter(null, null, null, null, null, null, v), new PageQuery(0, 5))
                    .items()
                    .stream()
                    .filter(x -> x.number().equalsIgnoreCase(v))
                    .findFirst()
                    .map(Hazard::id)
                    .orElseThrow(() -> InvalidInputException.field("into", "hazard.error.mergeTarget"));
        }
    }

    // ---- field page (grid workers, offline queue) -----------------------------------------------------------

    /**
     * The field page's service worker, served below the page's path (a worker may only control pages under its
     * own path, or where {@code Service-Worker-Allowed} says) from the static script.
     */
    @GetMapping(path = "/hazards/field/sw.js", produces = "text/javascript")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok()
                .header("Service-Worker-Allowed", "/hazards/field")
                .header("Cache-Control", "no-cache")
                .contentType(MediaType.parseMediaType("text/javascript"))
                .body(new ClassPathResource("static/js/hazard-field-sw.js"));
    }

    @GetMapping("/hazards/field")
    String field(Model model) {
        roles.requireReporter();
        model.addAttribute("industries", HazardService.INDUSTRIES);
        model.addAttribute("grades", HazardGrade.values());
        return "hazard/field";
    }
}
