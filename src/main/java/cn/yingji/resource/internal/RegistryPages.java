package cn.yingji.resource.internal;

import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Pages of the simple registries (equipment, warehouses, stock, shelters, experts, bases,
 * landing points), driven by their {@link Registry}
 * descriptions: list with import/export and warnings, detail, create and edit; stock reservation and shelter
 * occupancy forms.
 */
@Controller
class RegistryPages {

    private final RegistryService registries;
    private final ResourceRoles roles;
    private final ResourceFormat format;

    RegistryPages(RegistryService registries, ResourceRoles roles, ResourceFormat format) {
        this.registries = registries;
        this.roles = roles;
        this.format = format;
    }

    private static Registry registry(HttpServletRequest request) {
        return RegistryApiController.registry(request);
    }

    private static Map<String, String> input(HttpServletRequest request, Registry r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Registry.Field f : r.fields()) {
            String v = request.getParameter(f.name());
            out.put(f.name(), v == null ? "" : v);
        }
        return out;
    }

    @GetMapping({
        "/resources/equipment",
        "/resources/warehouses",
        "/resources/stock",
        "/resources/shelters",
        "/resources/experts",
        "/resources/bases",
        "/resources/landing-points"
    })
    String list(
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID parent,
            @RequestParam(defaultValue = "false") boolean warnings,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer imported,
            Model model) {
        return list(registry(request), q, parent, warnings, page, imported, List.of(), model);
    }

    private String list(
            Registry r,
            @Nullable String q,
            @Nullable UUID parent,
            boolean warnings,
            @Nullable Integer page,
            @Nullable Integer imported,
            List<String> importErrors,
            Model model) {
        model.addAttribute("registry", r);
        model.addAttribute("q", q);
        model.addAttribute("parent", parent);
        model.addAttribute("warnings", warnings);
        model.addAttribute("imported", imported);
        model.addAttribute("importErrors", importErrors);
        model.addAttribute("canWrite", roles.canWrite());
        model.addAttribute("result", registries.list(r, q, parent, warnings, PageQuery.of(page, 20)));
        return "resource/registry-list";
    }

    @PostMapping({
        "/resources/equipment/import",
        "/resources/warehouses/import",
        "/resources/stock/import",
        "/resources/shelters/import",
        "/resources/experts/import",
        "/resources/bases/import",
        "/resources/landing-points/import"
    })
    String importFile(
            HttpServletRequest request, @RequestParam(required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        Registry r = registry(request);
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.field("file", "resource.import.empty");
            }
            int n = registries.importFile(r, file.getOriginalFilename(), file.getBytes());
            return "redirect:/resources/" + r.slug() + "?imported=" + n;
        } catch (InvalidInputException | ConflictException e) {
            return list(r, null, null, false, null, null, format.importErrors(e), model);
        }
    }

    @GetMapping({
        "/resources/equipment/new",
        "/resources/warehouses/new",
        "/resources/stock/new",
        "/resources/shelters/new",
        "/resources/experts/new",
        "/resources/bases/new",
        "/resources/landing-points/new"
    })
    String createForm(HttpServletRequest request, Model model) {
        roles.requireWriter();
        Registry r = registry(request);
        Map<String, String> values = new LinkedHashMap<>();
        if (r.parent() != null && request.getParameter("parent") != null) {
            values.put(r.parent().field(), request.getParameter("parent"));
        }
        return form(model, r, values, null, Map.of());
    }

    @PostMapping({
        "/resources/equipment/new",
        "/resources/warehouses/new",
        "/resources/stock/new",
        "/resources/shelters/new",
        "/resources/experts/new",
        "/resources/bases/new",
        "/resources/landing-points/new"
    })
    String create(HttpServletRequest request, Model model) {
        Registry r = registry(request);
        Map<String, String> values = input(request, r);
        try {
            UUID id = registries.create(r, values);
            return "redirect:/resources/" + r.slug() + "/" + id;
        } catch (InvalidInputException e) {
            return form(model, r, values, null, format.errors(e));
        }
    }

    @GetMapping({
        "/resources/equipment/{id}/edit",
        "/resources/warehouses/{id}/edit",
        "/resources/stock/{id}/edit",
        "/resources/shelters/{id}/edit",
        "/resources/experts/{id}/edit",
        "/resources/bases/{id}/edit",
        "/resources/landing-points/{id}/edit"
    })
    String editForm(HttpServletRequest request, @PathVariable UUID id, Model model) {
        Registry r = registry(request);
        JdbcRegistryStore.Row row = registries.require(r, id);
        Map<String, String> values = new LinkedHashMap<>();
        for (Registry.Field f : r.fields()) {
            values.put(f.name(), row.text(f.name()));
        }
        values.put("divisionCode", TeamImport.divisionCode(row.divisionPath()));
        return form(model, r, values, row, Map.of());
    }

    @PostMapping({
        "/resources/equipment/{id}/edit",
        "/resources/warehouses/{id}/edit",
        "/resources/stock/{id}/edit",
        "/resources/shelters/{id}/edit",
        "/resources/experts/{id}/edit",
        "/resources/bases/{id}/edit",
        "/resources/landing-points/{id}/edit"
    })
    String edit(
            HttpServletRequest request,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer version,
            Model model) {
        Registry r = registry(request);
        JdbcRegistryStore.Row row = registries.require(r, id);
        Map<String, String> values = input(request, r);
        try {
            registries.update(r, id, version == null ? -1 : version, values);
            return "redirect:/resources/" + r.slug() + "/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return form(model, r, values, row, format.errors(e));
        }
    }

    private String form(
            Model model,
            Registry r,
            Map<String, String> values,
            JdbcRegistryStore.@Nullable Row row,
            Map<String, String> errors) {
        model.addAttribute("registry", r);
        model.addAttribute("values", values);
        model.addAttribute("row", row);
        model.addAttribute("errors", errors);
        model.addAttribute("parents", registries.parentOptions(r));
        return "resource/registry-form";
    }

    @GetMapping({
        "/resources/equipment/{id}",
        "/resources/warehouses/{id}",
        "/resources/stock/{id}",
        "/resources/shelters/{id}",
        "/resources/experts/{id}",
        "/resources/bases/{id}",
        "/resources/landing-points/{id}"
    })
    String detail(HttpServletRequest request, @PathVariable UUID id, Model model) {
        Registry r = registry(request);
        return detail(r, registries.require(r, id), model, Map.of());
    }

    private String detail(Registry r, JdbcRegistryStore.Row row, Model model, Map<String, String> errors) {
        model.addAttribute("registry", r);
        model.addAttribute("row", row);
        model.addAttribute("errors", errors);
        model.addAttribute("canWrite", roles.canWrite());
        if (r == Registry.BASES) {
            model.addAttribute("housed", registries.teamsAtBase(row));
        }
        if (r == Registry.WAREHOUSES) {
            model.addAttribute(
                    "stock",
                    registries
                            .list(Registry.STOCK, null, row.id(), false, new PageQuery(0, 200))
                            .items());
        }
        return "resource/registry-detail";
    }

    @PostMapping("/resources/stock/{id}/reserve")
    String reserve(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String quantity,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        JdbcRegistryStore.Row row = registries.require(Registry.STOCK, id);
        try {
            Integer q;
            try {
                q = quantity == null || quantity.isBlank() ? null : Integer.valueOf(quantity.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("quantity", "resource.error.number");
            }
            registries.reserve(id, q, null, note);
            return "redirect:/resources/stock/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return detail(Registry.STOCK, row, model, format.errors(e));
        }
    }

    @PostMapping("/resources/shelters/{id}/occupancy")
    String occupancy(@PathVariable UUID id, @RequestParam(required = false) @Nullable String delta, Model model) {
        JdbcRegistryStore.Row row = registries.require(Registry.SHELTERS, id);
        try {
            Integer d;
            try {
                d = delta == null || delta.isBlank() ? null : Integer.valueOf(delta.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("delta", "resource.error.number");
            }
            registries.occupy(id, d);
            return "redirect:/resources/shelters/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return detail(Registry.SHELTERS, row, model, format.errors(e));
        }
    }
}
