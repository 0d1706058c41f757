package cn.yingji.risk.internal;

import cn.yingji.directory.OrganisationId;
import cn.yingji.risk.Enterprise;
import cn.yingji.risk.EnterpriseFilter;
import cn.yingji.risk.EnterpriseInput;
import cn.yingji.risk.EnterpriseManagement;
import cn.yingji.risk.EnterpriseSize;
import cn.yingji.risk.EnterpriseStatus;
import cn.yingji.risk.Industry;
import cn.yingji.risk.Supervisor;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import cn.yingji.shared.TableIo;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of the enterprise registry under {@code /api/v1/enterprises}. */
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseApiController {

    private final EnterpriseService enterprises;
    private final EnterpriseManagement management;

    EnterpriseApiController(EnterpriseService enterprises, EnterpriseManagement management) {
        this.enterprises = enterprises;
        this.management = management;
    }

    /** An enterprise with the departments supervising it (三管三必须); an empty list flags a gap in the matrix. */
    record EnterpriseView(Enterprise enterprise, List<Supervisor> supervisors) {}

    /** Body of {@code PUT /{id}}: the version read and the new values. */
    record Update(
            @Nullable Integer version,
            @Nullable String name,
            @Nullable String industry,
            @Nullable EnterpriseSize size,
            @Nullable Integer employees,
            @Nullable EnterpriseStatus status,
            @Nullable String address,
            @Nullable Double lon,
            @Nullable Double lat,
            @Nullable String divisionCode,
            @Nullable String safetyOfficer,
            @Nullable String safetyOfficerPhone) {}

    @GetMapping
    PageResult<Enterprise> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(name = "sizeClass", required = false) @Nullable EnterpriseSize size,
            @RequestParam(required = false) @Nullable EnterpriseStatus status,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(name = "size", required = false) @Nullable Integer pageSize) {
        return enterprises.list(
                new EnterpriseFilter(q, industry, size, status, division, department), PageQuery.of(page, pageSize));
    }

    @GetMapping("/industries")
    List<Industry> industries() {
        return enterprises.industries();
    }

    @GetMapping("/{id}")
    EnterpriseView get(@PathVariable UUID id) {
        Enterprise e =
                enterprises.find(new OrganisationId(id)).orElseThrow(() -> new NotFoundException("enterprise", id));
        return new EnterpriseView(e, enterprises.supervisorsOf(e.industry()));
    }

    @PostMapping
    ResponseEntity<EnterpriseView> register(@RequestBody EnterpriseInput body) {
        OrganisationId id = management.register(body);
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + id.value()))
                .body(get(id.value()));
    }

    @PutMapping("/{id}")
    EnterpriseView update(@PathVariable UUID id, @RequestBody Update body) {
        get(id);
        if (body.version() == null) {
            throw InvalidInputException.field("version", "risk.error.required");
        }
        Enterprise e = management.update(
                new OrganisationId(id),
                body.version(),
                new EnterpriseInput(
                        null,
                        body.name(),
                        body.industry(),
                        body.size(),
                        body.employees(),
                        body.status(),
                        body.address(),
                        body.lon(),
                        body.lat(),
                        body.divisionCode(),
                        body.safetyOfficer(),
                        body.safetyOfficerPhone()));
        return new EnterpriseView(e, enterprises.supervisorsOf(e.industry()));
    }

    @PostMapping("/import")
    Map<String, Integer> importTable(@RequestParam("file") @Nullable MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.field("file", "table.empty");
        }
        return Map.of("imported", management.importTable(file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping(value = "/template.csv", produces = "text/csv")
    void template(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"enterprises-template.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        TableIo.csvRow(out, EnterpriseService.COLUMNS);
        TableIo.csvRow(
                out,
                List.of(
                        "91340100MA2XXXXXXX",
                        "示例化工有限公司",
                        "HAZARDOUS_CHEMICALS",
                        "SMALL",
                        "120",
                        "OPERATING",
                        "合肥市瑶海区示例路1号",
                        "117.3",
                        "31.87",
                        "",
                        "张三",
                        "13800000000"));
        out.flush();
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    void exportCsv(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(name = "sizeClass", required = false) @Nullable EnterpriseSize size,
            @RequestParam(required = false) @Nullable EnterpriseStatus status,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String department,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"enterprises.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        TableIo.csvRow(out, header());
        enterprises.each(new EnterpriseFilter(q, industry, size, status, division, department), e -> {
            try {
                TableIo.csvRow(out, row(e));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        out.flush();
    }

    @GetMapping("/export.xlsx")
    void exportXlsx(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(name = "sizeClass", required = false) @Nullable EnterpriseSize size,
            @RequestParam(required = false) @Nullable EnterpriseStatus status,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String department,
            HttpServletResponse response)
            throws IOException {
        List<List<?>> rows = new ArrayList<>();
        enterprises.each(new EnterpriseFilter(q, industry, size, status, division, department), e -> rows.add(row(e)));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"enterprises.xlsx\"");
        TableIo.xlsx(response.getOutputStream(), "enterprises", header(), rows);
    }

    /** The import columns first (so an export can be edited and imported again), then what the registry adds. */
    static List<String> header() {
        List<String> h = new ArrayList<>(EnterpriseService.COLUMNS);
        h.addAll(List.of("id", "divisionPath", "gridCode", "updatedAt"));
        return h;
    }

    static List<?> row(Enterprise e) {
        return Arrays.asList(
                e.creditCode(),
                e.name(),
                e.industry(),
                e.size(),
                e.employees(),
                e.status(),
                e.address(),
                e.lon(),
                e.lat(),
                divisionCode(e.divisionPath()),
                e.safetyOfficer(),
                e.safetyOfficerPhone(),
                e.id().value(),
                e.divisionPath(),
                e.gridCode(),
                e.updatedAt());
    }

    /** The deepest division code of a path (the last 12-digit segment). */
    static String divisionCode(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i].length() == 12) {
                return parts[i];
            }
        }
        return "";
    }
}
