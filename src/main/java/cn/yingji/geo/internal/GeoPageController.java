package cn.yingji.geo.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.Grid;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.Role;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.web.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The map, the division browser and the GeoJSON import page. */
@Controller
class GeoPageController {

    private final GeoIndex index;
    private final JdbcGeoStore store;
    private final GeoFeatures features;
    private final CurrentUser currentUser;
    private final Problems problems;

    GeoPageController(
            GeoIndex index, JdbcGeoStore store, GeoFeatures features, CurrentUser currentUser, Problems problems) {
        this.index = index;
        this.store = store;
        this.features = features;
        this.currentUser = currentUser;
        this.problems = problems;
    }

    /** One row of the import report. */
    record RowError(int index, String field, String message) {}

    @GetMapping("/map")
    String map(Model model) {
        Jurisdiction j = currentUser.jurisdiction();
        Envelope extent = store.visibleExtent(j.viewPatterns());
        model.addAttribute(
                "extent",
                extent == null
                        ? ""
                        : extent.getMinX() + "," + extent.getMinY() + "," + extent.getMaxX() + "," + extent.getMaxY());
        model.addAttribute("tops", tops(j));
        return "geo/map";
    }

    @GetMapping("/divisions")
    String browse(@RequestParam(required = false) @Nullable String parent, Model model) {
        Jurisdiction j = currentUser.jurisdiction();
        GeoSnapshot s = index.snapshot();
        List<Division> crumbs = List.of();
        List<JdbcGeoStore.DivisionRow> rows;
        List<Grid> grids = List.of();
        Division current = null;
        if (parent == null || parent.isBlank()) {
            rows = new ArrayList<>();
            for (Division top : tops(j)) {
                rows.addAll(store.page(j.viewPatterns(), null, null, top.code().value(), PageQuery.of(0, 1))
                        .items());
            }
        } else {
            String code = parent.trim();
            current = s.find(code)
                    .filter(d -> j.canView(d.path()))
                    .orElseThrow(() -> new NotFoundException("division", code));
            crumbs = s.chain(current).stream().filter(d -> j.canView(d.path())).toList();
            rows = store.page(j.viewPatterns(), code, null, null, PageQuery.of(0, PageQuery.MAX_SIZE))
                    .items();
            grids = store.grids(j.viewPatterns(), current.path(), PageQuery.of(0, PageQuery.MAX_SIZE))
                    .items();
            if (current.level() != cn.yingji.geo.DivisionLevel.VILLAGE) {
                grids = List.of();
            }
        }
        model.addAttribute("current", current);
        model.addAttribute("crumbs", crumbs);
        model.addAttribute("rows", rows);
        model.addAttribute("grids", grids);
        model.addAttribute(
                "isAdmin", currentUser.get().map(a -> a.has(Role.ADMIN)).orElse(false));
        return "geo/divisions";
    }

    @GetMapping("/divisions/import")
    String importForm(Model model) {
        requireAdmin();
        model.addAttribute("kind", "divisions");
        return "geo/import";
    }

    @PostMapping("/divisions/import")
    String importFile(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model)
            throws IOException {
        requireAdmin();
        GeoFeatures.Kind k = GeoFeatures.Kind.parse(kind);
        model.addAttribute("kind", k.name().toLowerCase(java.util.Locale.ROOT));
        if (file == null || file.isEmpty()) {
            model.addAttribute("failure", problems.text("geo.import.noFile"));
            return "geo/import";
        }
        try (InputStream in = file.getInputStream()) {
            GeoFeatures.ImportResult r = features.importFeatures(k, in);
            model.addAttribute("result", r);
        } catch (InvalidInputException e) {
            model.addAttribute("failure", problems.text(e.messageKey(), e.args()));
            List<RowError> errors = new ArrayList<>();
            for (FieldError fe : e.fieldErrors()) {
                errors.add(new RowError(GeoFeatures.index(fe), fe.field(), problems.text(fe.messageKey(), fe.args())));
            }
            model.addAttribute("errors", errors);
        }
        return "geo/import";
    }

    /** The highest divisions the user may see: one per view scope. */
    private List<Division> tops(Jurisdiction j) {
        GeoSnapshot s = index.snapshot();
        List<Division> out = new ArrayList<>();
        for (String path : j.view()) {
            if ("/".equals(path)) {
                out.addAll(s.cities());
            } else {
                s.byPath(path).ifPresent(out::add);
            }
        }
        return out;
    }

    private void requireAdmin() {
        if (!currentUser.require().has(Role.ADMIN)) {
            throw new AccessDeniedException("import needs an administrator");
        }
    }

    /** Navigation entries of the geo pages. */
    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem geoMapNav() {
            return NavigationItem.of(NavSection.GRASSROOTS, "geo.nav.map", "/map", 10);
        }

        @Bean
        NavigationItem geoDivisionsNav() {
            return NavigationItem.of(NavSection.GRASSROOTS, "geo.nav.divisions", "/divisions", 20);
        }

        @Bean
        NavigationItem geoImportNav() {
            return NavigationItem.restricted(NavSection.ADMIN, "geo.nav.import", "/divisions/import", 40, Role.ADMIN);
        }
    }
}
