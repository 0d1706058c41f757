package cn.yingji.geo.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.Grid;
import cn.yingji.geo.Location;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.Role;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of divisions, grids, point lookup and GeoJSON import/export; every answer is scoped to the caller. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "geo", description = "Administrative divisions, grids, point lookup, GeoJSON import/export")
class GeoApiController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final GeoIndex index;
    private final JdbcGeoStore store;
    private final GeoFeatures features;
    private final CurrentUser currentUser;

    GeoApiController(GeoIndex index, JdbcGeoStore store, GeoFeatures features, CurrentUser currentUser) {
        this.index = index;
        this.store = store;
        this.features = features;
        this.currentUser = currentUser;
    }

    /** A division as the API shows it. */
    record DivisionView(
            String code,
            String name,
            DivisionLevel level,
            @Nullable String parentCode,
            String path,
            @Nullable Integer childCount,
            @Nullable Integer gridCount,
            double @Nullable [] bbox) {

        static DivisionView of(Division d) {
            return new DivisionView(
                    d.code().value(),
                    d.name(),
                    d.level(),
                    d.parent() == null ? null : d.parent().value(),
                    d.path(),
                    null,
                    null,
                    null);
        }

        static DivisionView of(JdbcGeoStore.DivisionRow r) {
            Division d = r.division();
            Envelope e = r.bbox();
            return new DivisionView(
                    d.code().value(),
                    d.name(),
                    d.level(),
                    d.parent() == null ? null : d.parent().value(),
                    d.path(),
                    r.children(),
                    r.grids(),
                    e == null ? null : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
        }
    }

    /** A grid as the API shows it. */
    record GridView(String code, String name, String villageCode, String path) {
        static GridView of(Grid g) {
            return new GridView(g.code(), g.name(), g.village().value(), g.path());
        }
    }

    /** Where a point lies. */
    record LocationView(
            double lon,
            double lat,
            List<DivisionView> chain,
            @Nullable GridView grid,
            String path) {}

    /** What an import did. */
    record ImportView(int features, int changed) {}

    @GetMapping("/divisions")
    @Operation(summary = "Divisions visible to the caller, filtered by parent, level and a text query")
    PageResult<DivisionView> divisions(
            @RequestParam(required = false) @Nullable String parent,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        String parentCode = parent == null || parent.isBlank() ? null : code(parent, "parent");
        return store.page(view().viewPatterns(), parentCode, level(level), q, PageQuery.of(page, size))
                .map(DivisionView::of);
    }

    @GetMapping("/divisions/{code}")
    @Operation(summary = "One division (404 when missing or outside the caller's view scope)")
    DivisionView division(@PathVariable String code) {
        Division d = visible(code);
        return store.page(view().viewPatterns(), null, null, d.code().value(), PageQuery.of(0, 1)).items().stream()
                .filter(r -> r.division().code().equals(d.code()))
                .findFirst()
                .map(DivisionView::of)
                .orElseGet(() -> DivisionView.of(d));
    }

    @GetMapping("/divisions/{code}/children")
    @Operation(summary = "Visible children of a visible division")
    List<DivisionView> children(@PathVariable String code) {
        Division d = visible(code);
        return store
                .page(view().viewPatterns(), d.code().value(), null, null, PageQuery.of(0, PageQuery.MAX_SIZE))
                .items()
                .stream()
                .map(DivisionView::of)
                .toList();
    }

    @GetMapping("/grids")
    @Operation(summary = "Visible grids, optionally below one division (usually a village)")
    PageResult<GridView> grids(
            @RequestParam(required = false) @Nullable String village,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        String under =
                village == null || village.isBlank() ? null : visible(village).path();
        return store.grids(view().viewPatterns(), under, PageQuery.of(page, size))
                .map(GridView::of);
    }

    @GetMapping("/grids/{code}")
    @Operation(summary = "One grid (404 when missing or outside the caller's view scope)")
    GridView grid(@PathVariable String code) {
        Grid g = index.snapshot().findGrid(code.trim()).orElseThrow(() -> new NotFoundException("grid", code));
        currentUser.requireView(g.path(), "grid", code);
        return GridView.of(g);
    }

    @GetMapping("/locate")
    @Operation(summary = "The division chain and grid containing a WGS-84 point (404 outside the caller's scope)")
    LocationView locate(@RequestParam double lon, @RequestParam double lat) {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw InvalidInputException.field("lon", "geo.error.lon");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw InvalidInputException.field("lat", "geo.error.lat");
        }
        String where = lon + "," + lat;
        Location loc = index.snapshot().locate(lon, lat).orElseThrow(() -> new NotFoundException("location", where));
        currentUser.requireView(loc.path(), "location", where);
        return new LocationView(
                lon,
                lat,
                loc.chain().stream().map(DivisionView::of).toList(),
                loc.grid() == null ? null : GridView.of(loc.grid()),
                loc.path());
    }

    @GetMapping(
            value = "/divisions.geojson",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "Visible divisions as an RFC 7946 FeatureCollection")
    ResponseEntity<byte[]> divisionsGeoJson(
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String parent,
            @RequestParam(required = false) @Nullable Double simplify) {
        DivisionLevel lvl = level(level);
        double tolerance = GeoFeatures.simplify(simplify);
        String parentCode = parent == null || parent.isBlank()
                ? null
                : visible(parent).code().value();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        features.exportDivisions(view().viewPatterns(), lvl, parentCode, tolerance, out);
        return ResponseEntity.ok().contentType(GEO_JSON).body(out.toByteArray());
    }

    @GetMapping(
            value = "/grids.geojson",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "Visible grids (below a division when `parent` is given) as an RFC 7946 FeatureCollection")
    ResponseEntity<byte[]> gridsGeoJson(
            @RequestParam(required = false) @Nullable String parent,
            @RequestParam(required = false) @Nullable Double simplify) {
        double tolerance = GeoFeatures.simplify(simplify);
        String under =
                parent == null || parent.isBlank() ? null : visible(parent).path();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        features.exportGrids(view().viewPatterns(), under, tolerance, out);
        return ResponseEntity.ok().contentType(GEO_JSON).body(out.toByteArray());
    }

    @PostMapping(value = "/divisions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a FeatureCollection of divisions (administrators; all or nothing)")
    ImportView importDivisionsFile(@RequestParam("file") MultipartFile file) throws IOException {
        return importFile(GeoFeatures.Kind.DIVISIONS, file);
    }

    @PostMapping(
            value = "/divisions/import",
            consumes = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import a FeatureCollection of divisions sent as the request body")
    ImportView importDivisionsBody(InputStream body) {
        return importStream(GeoFeatures.Kind.DIVISIONS, body);
    }

    @PostMapping(value = "/grids/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a FeatureCollection of grids (administrators; all or nothing)")
    ImportView importGridsFile(@RequestParam("file") MultipartFile file) throws IOException {
        return importFile(GeoFeatures.Kind.GRIDS, file);
    }

    @PostMapping(
            value = "/grids/import",
            consumes = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import a FeatureCollection of grids sent as the request body")
    ImportView importGridsBody(InputStream body) {
        return importStream(GeoFeatures.Kind.GRIDS, body);
    }

    private ImportView importFile(GeoFeatures.Kind kind, MultipartFile file) throws IOException {
        requireAdmin();
        try (InputStream in = file.getInputStream()) {
            return importStream(kind, in);
        }
    }

    private ImportView importStream(GeoFeatures.Kind kind, InputStream in) {
        requireAdmin();
        GeoFeatures.ImportResult r = features.importFeatures(kind, in);
        return new ImportView(r.features(), r.changed());
    }

    private void requireAdmin() {
        if (!currentUser.require().has(Role.ADMIN)) {
            throw new AccessDeniedException("import needs an administrator");
        }
    }

    private Jurisdiction view() {
        return currentUser.jurisdiction();
    }

    private Division visible(String code) {
        String c = code(code, "code");
        Division d = index.snapshot().find(c).orElseThrow(() -> new NotFoundException("division", c));
        currentUser.requireView(d.path(), "division", c);
        return d;
    }

    private static String code(String value, String field) {
        String v = value.trim();
        if (!v.matches("\\d{12}")) {
            throw InvalidInputException.field(field, "geo.error.divisionCode", value);
        }
        return v;
    }

    static @Nullable DivisionLevel level(@Nullable String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return DivisionLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("level", "geo.error.levelParam");
        }
    }
}
