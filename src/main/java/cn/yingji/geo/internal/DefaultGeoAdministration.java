package cn.yingji.geo.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionDraft;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.GeoAdministration;
import cn.yingji.geo.Grid;
import cn.yingji.geo.GridDraft;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates whole batches (every bad draft is reported, nothing is written then), upserts them with batched JDBC
 * in one transaction, writes one audit entry per call and bumps the geo version so every node rebuilds its index.
 * Signed-in callers must be administrators whose capture scope covers every row; with nobody signed in (start-up
 * loaders) the call runs as the system.
 */
@Service
class DefaultGeoAdministration implements GeoAdministration {

    static final int MAX_NAME = 100;
    private static final Pattern GRID_CODE = Pattern.compile("\\d{15}");

    private final JdbcGeoStore store;
    private final GeoIndex index;
    private final AuditTrail audit;
    private final CurrentUser currentUser;

    DefaultGeoAdministration(JdbcGeoStore store, GeoIndex index, AuditTrail audit, CurrentUser currentUser) {
        this.store = store;
        this.index = index;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** A validated division batch: rows with their paths, in parent-before-child order. */
    record DivisionPlan(List<Division> rows, Map<String, @Nullable Geometry> shapes, List<FieldError> errors) {}

    /** A validated grid batch. */
    record GridPlan(List<Grid> rows, Map<String, Geometry> shapes, List<FieldError> errors) {}

    @Override
    @Transactional
    public int upsertDivisions(List<DivisionDraft> drafts) {
        Optional<Account> me = requireAdminOrSystem();
        if (drafts.isEmpty()) {
            return 0;
        }
        DivisionPlan plan = planDivisions(drafts, me);
        if (!plan.errors().isEmpty()) {
            throw new InvalidInputException("geo.error.batchRejected", plan.errors());
        }
        int changed = store.upsertDivisions(plan.rows(), plan.shapes());
        if (changed > 0) {
            store.bumpVersion();
        }
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        for (Division d : plan.rows()) {
            byLevel.merge(d.level().name(), 1, Integer::sum);
        }
        String common = commonPath(plan.rows().stream().map(Division::path).toList());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rows", plan.rows().size());
        after.put("changed", changed);
        after.put("byLevel", byLevel);
        audit.record("import", "geo.division", lastCode(common), common, null, after);
        index.refreshAfterCommit();
        return changed;
    }

    @Override
    @Transactional
    public int upsertGrids(List<GridDraft> drafts) {
        Optional<Account> me = requireAdminOrSystem();
        if (drafts.isEmpty()) {
            return 0;
        }
        GridPlan plan = planGrids(drafts, me);
        if (!plan.errors().isEmpty()) {
            throw new InvalidInputException("geo.error.batchRejected", plan.errors());
        }
        int changed = store.upsertGrids(plan.rows(), plan.shapes());
        if (changed > 0) {
            store.bumpVersion();
        }
        String common = commonPath(plan.rows().stream().map(Grid::path).toList());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rows", plan.rows().size());
        after.put("changed", changed);
        audit.record("import", "geo.grid", lastCode(common), common, null, after);
        index.refreshAfterCommit();
        return changed;
    }

    /** Validation only (no write), for the import report. */
    @Transactional(readOnly = true)
    List<FieldError> checkDivisions(List<DivisionDraft> drafts) {
        return planDivisions(drafts, requireAdminOrSystem()).errors();
    }

    /** Validation only (no write), for the import report. */
    @Transactional(readOnly = true)
    List<FieldError> checkGrids(List<GridDraft> drafts) {
        return planGrids(drafts, requireAdminOrSystem()).errors();
    }

    private Optional<Account> requireAdminOrSystem() {
        Optional<Account> me = currentUser.get();
        if (me.isPresent() && !me.get().has(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators may load divisions and grids");
        }
        return me;
    }

    // ---- divisions ---------------------------------------------------------------------------------------------

    DivisionPlan planDivisions(List<DivisionDraft> drafts, Optional<Account> me) {
        Map<String, Division> existing = existing();
        Map<Integer, List<FieldError>> errors = new HashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        Map<String, DivisionDraft> batch = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            DivisionDraft d = drafts.get(i);
            if (d == null || d.code() == null) {
                err(errors, i, "geo.error.codeMissing");
                continue;
            }
            String code = d.code().value();
            if (firstIndex.putIfAbsent(code, i) != null) {
                err(errors, i, "geo.error.duplicateCode", code);
                continue;
            }
            batch.put(code, d);
            if (d.name() == null || d.name().isBlank() || d.name().length() > MAX_NAME) {
                err(errors, i, "geo.error.name", MAX_NAME);
            }
            if (d.level() == null) {
                err(errors, i, "geo.error.level");
                continue;
            }
            if (!codeFitsLevel(code, d.level())) {
                err(errors, i, "geo.error.codeLevel", code, d.level().name());
            }
            if (d.geometry() != null) {
                checkGeometry(d.geometry(), errors, i);
            }
        }
        // Parents before children: level order, then code.
        List<Integer> order = new ArrayList<>(firstIndex.values());
        order.removeIf(i -> drafts.get(i).level() == null);
        order.sort(Comparator.<Integer, Integer>comparing(
                        i -> drafts.get(i).level().ordinal())
                .thenComparing(i -> drafts.get(i).code().value()));
        Map<String, String> paths = new HashMap<>();
        existing.forEach((code, d) -> paths.put(code, d.path()));
        List<Division> rows = new ArrayList<>(order.size());
        Map<String, @Nullable Geometry> shapes = new HashMap<>();
        for (int i : order) {
            DivisionDraft d = drafts.get(i);
            String code = d.code().value();
            String parentPath = "/";
            if (d.level() == DivisionLevel.CITY) {
                if (d.parent() != null) {
                    err(errors, i, "geo.error.cityHasParent");
                    continue;
                }
            } else {
                DivisionLevel expected = DivisionLevel.values()[d.level().ordinal() - 1];
                if (d.parent() == null) {
                    err(errors, i, "geo.error.parentMissing", expected.name());
                    continue;
                }
                String parent = d.parent().value();
                DivisionLevel parentLevel = batch.containsKey(parent)
                        ? batch.get(parent).level()
                        : existing.containsKey(parent) ? existing.get(parent).level() : null;
                if (parentLevel == null) {
                    err(errors, i, "geo.error.parentUnknown", parent);
                    continue;
                }
                if (parentLevel != expected) {
                    err(errors, i, "geo.error.parentLevel", parent, expected.name());
                    continue;
                }
                if (!code.startsWith(prefix(parent, expected))) {
                    err(errors, i, "geo.error.codePrefix", code, parent);
                }
                parentPath = paths.get(parent);
                if (parentPath == null) {
                    // The parent itself was rejected; its own error explains why.
                    err(errors, i, "geo.error.parentRejected", parent);
                    continue;
                }
            }
            Division old = existing.get(code);
            if (old != null && (old.level() != d.level() || !java.util.Objects.equals(old.parent(), d.parent()))) {
                err(errors, i, "geo.error.hierarchyChange", code);
                continue;
            }
            String path = parentPath + code + "/";
            if (me.isPresent() && !me.get().jurisdiction().canCapture(path)) {
                err(errors, i, "geo.error.outsideScope", code);
                continue;
            }
            if (errors.containsKey(i)) {
                continue;
            }
            paths.put(code, path);
            rows.add(new Division(d.code(), d.name().trim(), d.level(), d.parent(), path));
            shapes.put(code, d.geometry());
        }
        return new DivisionPlan(rows, shapes, flatten(errors));
    }

    static boolean codeFitsLevel(String code, DivisionLevel level) {
        return switch (level) {
            case CITY -> code.endsWith("00000000") && !code.startsWith("00", 2);
            case COUNTY -> code.endsWith("000000") && !code.startsWith("00", 4);
            case TOWNSHIP -> code.endsWith("000") && !code.startsWith("000", 6);
            case VILLAGE -> !code.endsWith("000");
        };
    }

    private static String prefix(String parentCode, DivisionLevel parentLevel) {
        return switch (parentLevel) {
            case CITY -> parentCode.substring(0, 4);
            case COUNTY -> parentCode.substring(0, 6);
            case TOWNSHIP -> parentCode.substring(0, 9);
            case VILLAGE -> parentCode;
        };
    }

    // ---- grids -------------------------------------------------------------------------------------------------

    GridPlan planGrids(List<GridDraft> drafts, Optional<Account> me) {
        Map<String, Division> existing = existing();
        Map<Integer, List<FieldError>> errors = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Grid> rows = new ArrayList<>(drafts.size());
        Map<String, Geometry> shapes = new HashMap<>(drafts.size() * 2);
        for (int i = 0; i < drafts.size(); i++) {
            GridDraft g = drafts.get(i);
            if (g == null || g.code() == null || !GRID_CODE.matcher(g.code()).matches()) {
                err(errors, i, "geo.error.gridCode", g == null ? "" : String.valueOf(g.code()));
                continue;
            }
            if (!seen.add(g.code())) {
                err(errors, i, "geo.error.duplicateCode", g.code());
                continue;
            }
            if (g.name() == null || g.name().isBlank() || g.name().length() > MAX_NAME) {
                err(errors, i, "geo.error.name", MAX_NAME);
            }
            Division village =
                    g.village() == null ? null : existing.get(g.village().value());
            if (village == null || village.level() != DivisionLevel.VILLAGE) {
                err(
                        errors,
                        i,
                        "geo.error.villageUnknown",
                        g.village() == null ? "" : g.village().value());
            } else if (!g.code().startsWith(village.code().value())) {
                err(errors, i, "geo.error.gridPrefix", g.code(), village.code().value());
            }
            if (g.geometry() == null) {
                err(errors, i, "geo.error.geometryMissing");
            } else {
                checkGeometry(g.geometry(), errors, i);
            }
            if (errors.containsKey(i) || village == null) {
                continue;
            }
            String path = village.path() + g.code() + "/";
            if (me.isPresent() && !me.get().jurisdiction().canCapture(path)) {
                err(errors, i, "geo.error.outsideScope", g.code());
                continue;
            }
            rows.add(new Grid(g.code(), g.name().trim(), village.code(), path));
            shapes.put(g.code(), g.geometry());
        }
        return new GridPlan(rows, shapes, flatten(errors));
    }

    // ---- shared checks -----------------------------------------------------------------------------------------

    /** Adds a row error unless the boundary is a non-empty, valid (Multi)Polygon in WGS-84 lon/lat range. */
    private static void checkGeometry(Geometry g, Map<Integer, List<FieldError>> errors, int i) {
        if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
            err(errors, i, "geo.error.geometryType", g.getGeometryType());
            return;
        }
        if (g.isEmpty()) {
            err(errors, i, "geo.error.geometryEmpty");
            return;
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                err(errors, i, "geo.error.coordinateRange", c.x, c.y);
                return;
            }
        }
        IsValidOp op = new IsValidOp(g);
        TopologyValidationError e = op.getValidationError();
        if (e != null) {
            Coordinate at = e.getCoordinate();
            err(errors, i, "geo.error.geometryInvalid", e.getMessage(), at == null ? "" : at.x + " " + at.y);
        }
    }

    private Map<String, Division> existing() {
        return store.existingDivisions();
    }

    private static void err(Map<Integer, List<FieldError>> errors, int i, String key, Object... args) {
        errors.computeIfAbsent(i, k -> new ArrayList<>()).add(new FieldError("drafts[" + i + "]", key, args));
    }

    private static List<FieldError> flatten(Map<Integer, List<FieldError>> errors) {
        List<FieldError> out = new ArrayList<>();
        errors.keySet().stream().sorted().forEach(i -> out.addAll(errors.get(i)));
        return out;
    }

    static String commonPath(List<String> paths) {
        if (paths.isEmpty()) {
            return "/";
        }
        String common = paths.get(0);
        for (String p : paths) {
            int n = Math.min(common.length(), p.length());
            int k = 0;
            while (k < n && common.charAt(k) == p.charAt(k)) {
                k++;
            }
            common = common.substring(0, k);
        }
        int slash = common.lastIndexOf('/');
        return slash < 0 ? "/" : common.substring(0, slash + 1);
    }

    private static String lastCode(String path) {
        String[] parts = path.split("/");
        return parts.length == 0 ? "*" : parts[parts.length - 1].isEmpty() ? "*" : parts[parts.length - 1];
    }
}
