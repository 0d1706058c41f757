package cn.yingji.resource.internal;

import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import cn.yingji.shared.TableIo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the simple registries ({@code equipment}, {@code warehouses}, {@code stock}, {@code shelters},
 * {@code experts}, {@code bases}, {@code landing-points}): list, get, create, update, delete, import and export; stock reservation and shelter occupancy.
 * Bodies are flat JSON objects of the registry's fields (values as text or numbers).
 */
@RestController
class RegistryApiController {

    private final RegistryService registries;

    RegistryApiController(RegistryService registries) {
        this.registries = registries;
    }

    /** The registry named by the path segment after {@code /resources/}. */
    static Registry registry(HttpServletRequest request) {
        String[] parts = request.getRequestURI().split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("resources")) {
                String slug = parts[i + 1];
                return Registry.bySlug(slug).orElseThrow(() -> new NotFoundException("registry", slug));
            }
        }
        throw new NotFoundException("registry", request.getRequestURI());
    }

    static Map<String, String> text(@Nullable Map<String, Object> body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
        }
        return out;
    }

    /** Body of a reservation. */
    record ReserveBody(
            @Nullable Integer quantity,
            @Nullable UUID incidentId,
            @Nullable String note) {}

    /** Body of an occupancy change. */
    record OccupancyBody(@Nullable Integer delta) {}

    @GetMapping({
        "/api/v1/resources/equipment",
        "/api/v1/resources/warehouses",
        "/api/v1/resources/stock",
        "/api/v1/resources/shelters",
        "/api/v1/resources/experts",
        "/api/v1/resources/bases",
        "/api/v1/resources/landing-points"
    })
    PageResult<JdbcRegistryStore.Row> list(
            HttpServletRequest registry,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID parent,
            @RequestParam(defaultValue = "false") boolean warnings,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return registries.list(registry(registry), q, parent, warnings, PageQuery.of(page, size));
    }

    @GetMapping({
        "/api/v1/resources/equipment/{id}",
        "/api/v1/resources/warehouses/{id}",
        "/api/v1/resources/stock/{id}",
        "/api/v1/resources/shelters/{id}",
        "/api/v1/resources/experts/{id}",
        "/api/v1/resources/bases/{id}",
        "/api/v1/resources/landing-points/{id}"
    })
    JdbcRegistryStore.Row get(HttpServletRequest registry, @PathVariable UUID id) {
        return registries.require(registry(registry), id);
    }

    @PostMapping({
        "/api/v1/resources/equipment",
        "/api/v1/resources/warehouses",
        "/api/v1/resources/stock",
        "/api/v1/resources/shelters",
        "/api/v1/resources/experts",
        "/api/v1/resources/bases",
        "/api/v1/resources/landing-points"
    })
    ResponseEntity<JdbcRegistryStore.Row> create(
            HttpServletRequest registry, @RequestBody(required = false) @Nullable Map<String, Object> body) {
        Registry r = registry(registry);
        UUID id = registries.create(r, text(body));
        return ResponseEntity.created(URI.create("/api/v1/resources/" + r.slug() + "/" + id))
                .body(registries.require(r, id));
    }

    @PutMapping({
        "/api/v1/resources/equipment/{id}",
        "/api/v1/resources/warehouses/{id}",
        "/api/v1/resources/stock/{id}",
        "/api/v1/resources/shelters/{id}",
        "/api/v1/resources/experts/{id}",
        "/api/v1/resources/bases/{id}",
        "/api/v1/resources/landing-points/{id}"
    })
    JdbcRegistryStore.Row update(
            HttpServletRequest registry,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable Map<String, Object> body) {
        Registry r = registry(registry);
        Map<String, String> values = text(body);
        String version = values.get("version");
        if (version == null || !version.matches("\\d+")) {
            throw InvalidInputException.field("version", "resource.error.required");
        }
        registries.update(r, id, Integer.parseInt(version), values);
        return registries.require(r, id);
    }

    @DeleteMapping({
        "/api/v1/resources/equipment/{id}",
        "/api/v1/resources/warehouses/{id}",
        "/api/v1/resources/stock/{id}",
        "/api/v1/resources/shelters/{id}",
        "/api/v1/resources/experts/{id}",
        "/api/v1/resources/bases/{id}",
        "/api/v1/resources/landing-points/{id}"
    })
    ResponseEntity<Void> delete(HttpServletRequest registry, @PathVariable UUID id) {
        registries.delete(registry(registry), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping({
        "/api/v1/resources/equipment/import",
        "/api/v1/resources/warehouses/import",
        "/api/v1/resources/stock/import",
        "/api/v1/resources/shelters/import",
        "/api/v1/resources/experts/import",
        "/api/v1/resources/bases/import",
        "/api/v1/resources/landing-points/import"
    })
    Map<String, Integer> importFile(HttpServletRequest registry, @RequestPart("file") MultipartFile file)
            throws IOException {
        return Map.of(
                "imported", registries.importFile(registry(registry), file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping(
            value = {
                "/api/v1/resources/equipment/export.csv",
                "/api/v1/resources/warehouses/export.csv",
                "/api/v1/resources/stock/export.csv",
                "/api/v1/resources/shelters/export.csv",
                "/api/v1/resources/experts/export.csv",
                "/api/v1/resources/bases/export.csv",
                "/api/v1/resources/landing-points/export.csv"
            },
            produces = "text/csv")
    void exportCsv(
            HttpServletRequest registry,
            @RequestParam(required = false) @Nullable String q,
            HttpServletResponse response)
            throws IOException {
        Registry r = registry(registry);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + r.slug() + ".csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        TableIo.csvRow(out, header(r));
        registries.each(r, q, row -> {
            try {
                TableIo.csvRow(out, cells(r, row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping({
        "/api/v1/resources/equipment/export.xlsx",
        "/api/v1/resources/warehouses/export.xlsx",
        "/api/v1/resources/stock/export.xlsx",
        "/api/v1/resources/shelters/export.xlsx",
        "/api/v1/resources/experts/export.xlsx",
        "/api/v1/resources/bases/export.xlsx",
        "/api/v1/resources/landing-points/export.xlsx"
    })
    void exportXlsx(
            HttpServletRequest registry,
            @RequestParam(required = false) @Nullable String q,
            HttpServletResponse response)
            throws IOException {
        Registry r = registry(registry);
        List<List<?>> rows = new ArrayList<>();
        registries.each(r, q, row -> rows.add(cells(r, row)));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + r.slug() + ".xlsx\"");
        TableIo.xlsx(response.getOutputStream(), r.slug(), header(r), rows);
    }

    static List<String> header(Registry r) {
        List<String> h = new ArrayList<>(List.of("id"));
        h.addAll(r.columns());
        return h;
    }

    static List<?> cells(Registry r, JdbcRegistryStore.Row row) {
        List<Object> out = new ArrayList<>();
        out.add(row.id().toString());
        for (Registry.Field f : r.fields()) {
            if (f.name().equals("divisionCode")) {
                out.add(TeamImport.divisionCode(row.divisionPath()));
            } else {
                Object v = row.get(f.name());
                out.add(v == null ? "" : v instanceof Number ? v : v.toString());
            }
        }
        return out;
    }

    @PostMapping("/api/v1/resources/stock/{id}/reserve")
    Map<String, Object> reserve(@PathVariable UUID id, @RequestBody ReserveBody body) {
        registries.reserve(id, body.quantity(), body.incidentId(), body.note());
        return Map.of("stock", registries.require(Registry.STOCK, id));
    }

    @PostMapping("/api/v1/resources/shelters/{id}/occupancy")
    Map<String, Object> occupancy(@PathVariable UUID id, @RequestBody OccupancyBody body) {
        registries.occupy(id, body.delta());
        return Map.of("shelter", registries.require(Registry.SHELTERS, id));
    }
}
