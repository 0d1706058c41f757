package cn.yingji.resource.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.Incidents;
import cn.yingji.resource.RegistryKind;
import cn.yingji.resource.ResourceRegistries;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import cn.yingji.shared.TableIo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The simple registries (equipment, warehouses, stock, shelters, experts): validation of text input into typed
 * values, placement (own coordinates, parent row or division code), jurisdiction, roles and audit; stock reservation
 * and shelter occupancy as single conditional statements.
 */
@Service
class RegistryService implements ResourceRegistries {

    private final JdbcRegistryStore store;
    private final TeamService teams;
    private final ResourceRoles roles;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final RecommendationIndex index;
    private final Incidents incidents;

    RegistryService(
            JdbcRegistryStore store,
            TeamService teams,
            ResourceRoles roles,
            CurrentUser currentUser,
            AuditTrail audit,
            RecommendationIndex index,
            Incidents incidents) {
        this.store = store;
        this.teams = teams;
        this.roles = roles;
        this.currentUser = currentUser;
        this.audit = audit;
        this.index = index;
        this.incidents = incidents;
    }

    private List<String> scope() {
        return teams.scope();
    }

    private void requireCapture(String path, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(path, "resource", id);
        }
    }

    private static Registry of(RegistryKind kind) {
        return Registry.bySlug(kind.slug()).orElseThrow();
    }

    @Override
    @Transactional
    public UUID register(RegistryKind kind, Map<String, String> fields) {
        return create(of(kind), fields);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(RegistryKind kind, String title) {
        Registry r = of(kind);
        return store.list(r, title, null, false, new PageQuery(0, 50), scope()).items().stream()
                .anyMatch(row -> title.equals(row.text(r.titleField())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<cn.yingji.resource.RegistryRow> placed(RegistryKind kind, int limit) {
        Registry r = of(kind);
        List<cn.yingji.resource.RegistryRow> out = new java.util.ArrayList<>();
        store.each(r, null, scope(), row -> {
            if (out.size() < limit && row.lon() != null && row.lat() != null) {
                Map<String, String> fields = new java.util.LinkedHashMap<>();
                row.values().forEach((k, v) -> {
                    if (v != null && !v.toString().isEmpty() && !k.equals(r.titleField())) {
                        fields.put(k, v.toString());
                    }
                });
                out.add(new cn.yingji.resource.RegistryRow(
                        row.id(), row.text(r.titleField()), row.divisionPath(), row.lon(), row.lat(), fields));
            }
        });
        return out;
    }

    @Transactional(readOnly = true)
    public Optional<JdbcRegistryStore.Row> find(Registry r, UUID id) {
        return store.find(r, id, scope());
    }

    JdbcRegistryStore.Row require(Registry r, UUID id) {
        return find(r, id).orElseThrow(() -> new NotFoundException(r.slug(), id));
    }

    @Transactional(readOnly = true)
    public PageResult<JdbcRegistryStore.Row> list(
            Registry r, @Nullable String q, @Nullable UUID parent, boolean warnings, PageQuery page) {
        return store.list(r, q, parent, warnings, page, scope());
    }

    @Transactional(readOnly = true)
    public void each(Registry r, @Nullable String q, Consumer<JdbcRegistryStore.Row> sink) {
        store.each(r, q, scope(), sink);
    }

    @Transactional(readOnly = true)
    public List<JdbcRegistryStore.Housed> teamsAtBase(JdbcRegistryStore.Row base) {
        return store.teamsAtBase(base.text("name"), scope());
    }

    Map<String, String[]> categories() {
        return store.categories();
    }

    @Transactional(readOnly = true)
    public Map<UUID, String> parentOptions(Registry r) {
        return r.parent() == null ? Map.of() : store.parentOptions(r.parent(), scope());
    }

    /** A validated row: typed values and its division path. */
    record Valid(Map<String, @Nullable Object> values, String path) {}

    /** Validates text input (form or file) of a registry row, adding every problem to {@code errors}. */
    @Nullable
    Valid validate(Registry r, Map<String, String> input, Errors errors) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        Map<String, String[]> caps = teams.capabilities();
        Map<String, String[]> categories = store.categories();
        for (Registry.Field f : r.fields()) {
            String raw = input.getOrDefault(f.name(), "");
            String v = raw == null ? "" : raw.strip();
            if (v.isEmpty()) {
                if (f.required()) {
                    errors.add(f.name(), "resource.error.required");
                }
                values.put(f.name(), f.type() == Registry.Type.BOOL ? Boolean.FALSE : null);
                if (f.type() == Registry.Type.INT && f.name().equals("minLevel")) {
                    values.put(f.name(), 0);
                }
                continue;
            }
            switch (f.type()) {
                case TEXT -> {
                    if (v.length() > f.max()) {
                        errors.add(f.name(), "resource.error.tooLong", f.max());
                    } else {
                        values.put(f.name(), v);
                    }
                }
                case INT -> {
                    try {
                        int n = Integer.parseInt(v);
                        if (n < 0) {
                            errors.add(f.name(), "resource.error.negative");
                        }
                        values.put(f.name(), n);
                    } catch (NumberFormatException e) {
                        errors.add(f.name(), "resource.error.number");
                    }
                }
                case DECIMAL -> {
                    try {
                        BigDecimal d = new BigDecimal(v);
                        if (d.signum() < 0) {
                            errors.add(f.name(), "resource.error.negative");
                        }
                        values.put(f.name(), d);
                    } catch (NumberFormatException e) {
                        errors.add(f.name(), "resource.error.number");
                    }
                }
                case LON, LAT -> {
                    try {
                        values.put(f.name(), Double.valueOf(v));
                    } catch (NumberFormatException e) {
                        errors.add(f.name(), "resource.error.number");
                    }
                }
                case DATE -> {
                    try {
                        values.put(f.name(), LocalDate.parse(v));
                    } catch (DateTimeParseException e) {
                        errors.add(f.name(), "resource.error.date");
                    }
                }
                case BOOL ->
                    values.put(
                            f.name(), "true".equalsIgnoreCase(v) || "1".equals(v) || "on".equals(v) || "是".equals(v));
                case ENUM -> {
                    String u = v.toUpperCase(Locale.ROOT);
                    if (f.options().contains(u)) {
                        values.put(f.name(), u);
                    } else {
                        errors.add(f.name(), "resource.error.unknownOption", v);
                    }
                }
                case CAPABILITY -> {
                    String u = v.toUpperCase(Locale.ROOT);
                    if (caps.containsKey(u)) {
                        values.put(f.name(), u);
                    } else {
                        errors.add(f.name(), "resource.error.unknownCapability", v);
                    }
                }
                case CATEGORY -> {
                    String u = v.toUpperCase(Locale.ROOT);
                    if (categories.containsKey(u)) {
                        values.put(f.name(), u);
                    } else {
                        errors.add(f.name(), "resource.error.unknownCategory", v);
                    }
                }
                case PARENT -> {
                    try {
                        values.put(f.name(), UUID.fromString(v));
                    } catch (IllegalArgumentException e) {
                        errors.add(f.name(), "resource.error.reference");
                    }
                }
            }
        }
        boolean hasCoordinates = r.field("lon").isPresent();
        Double lon = (Double) values.get("lon");
        Double lat = (Double) values.get("lat");
        if (hasCoordinates && !errors.has("lon") && !errors.has("lat")) {
            boolean required = r.field("lon").map(Registry.Field::required).orElse(false);
            errors.coordinates(lon, lat, required);
        }
        String path = null;
        if (r.parent() != null && values.get(r.parent().field()) instanceof UUID parentId) {
            JdbcRegistryStore.ParentRow p =
                    store.parent(r.parent(), parentId, scope()).orElse(null);
            if (p == null) {
                errors.add(r.parent().field(), "resource.error.reference");
            } else {
                path = p.divisionPath();
            }
        }
        if (path == null && !errors.any() && (r.parent() == null || !r.parent().required())) {
            String code = input.getOrDefault("divisionCode", "");
            path = teams.bindPath(code == null ? "" : code.strip(), lon, lat, errors);
            if (path == null && !errors.any()) {
                errors.add("divisionCode", "resource.error.placeRequired");
            }
        }
        if (errors.any() || path == null) {
            return null;
        }
        return new Valid(values, path);
    }

    @Transactional
    public UUID create(Registry r, Map<String, String> input) {
        roles.requireWriter();
        Errors errors = new Errors();
        Valid v = validate(r, input, errors);
        if (v != null && store.taken(r, String.valueOf(v.values().get(r.titleField())), v.path(), null, null)) {
            errors.add(r.titleField(), "resource.error.duplicateName");
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        requireCapture(v.path(), id);
        insert(r, id, v);
        return id;
    }

    private void insert(Registry r, UUID id, Valid v) {
        store.insert(r, id, v.values(), v.path(), teams.now());
        changed(r);
        audit.record("create", "resource." + r.slug(), id.toString(), v.path(), null, v.values());
    }

    private void changed(Registry r) {
        if (r == Registry.EQUIPMENT) {
            store.bumpVersion();
            index.changedAfterCommit();
        }
    }

    @Transactional
    public void update(Registry r, UUID id, int version, Map<String, String> input) {
        JdbcRegistryStore.Row before = require(r, id);
        requireCapture(before.divisionPath(), id);
        roles.requireWriter();
        Errors errors = new Errors();
        Valid v = validate(r, input, errors);
        if (v != null && store.taken(r, String.valueOf(v.values().get(r.titleField())), v.path(), null, id)) {
            errors.add(r.titleField(), "resource.error.duplicateName");
        }
        errors.throwIfAny();
        requireCapture(v.path(), id);
        if (r == Registry.SHELTERS && v.values().get("capacity") instanceof Integer cap && cap < before.occupancy()) {
            throw InvalidInputException.field("capacity", "resource.error.capacityBelowOccupancy", before.occupancy());
        }
        try {
            if (before.version() != version || !store.update(r, id, version, v.values(), v.path())) {
                throw new ConflictException("resource.error.stale");
            }
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw InvalidInputException.field("quantity", "resource.error.belowReserved");
        }
        changed(r);
        audit.record("update", "resource." + r.slug(), id.toString(), v.path(), before.values(), v.values());
    }

    @Transactional
    public void delete(Registry r, UUID id) {
        JdbcRegistryStore.Row before = require(r, id);
        requireCapture(before.divisionPath(), id);
        roles.requireWriter();
        store.delete(r, id);
        changed(r);
        audit.record("delete", "resource." + r.slug(), id.toString(), before.divisionPath(), before.values(), null);
    }

    /** Imports a file all or nothing; returns the number of rows created. */
    @Transactional
    public int importFile(Registry r, String filename, byte[] content) {
        roles.requireWriter();
        List<TableIo.Line> lines = TableIo.read(filename, content);
        if (!lines.get(0).cells().keySet().contains(r.titleField())) {
            throw InvalidInputException.field("file", "resource.import.header", String.join(",", r.columns()));
        }
        List<FieldError> problems = new ArrayList<>();
        List<Valid> valid = new ArrayList<>();
        for (TableIo.Line line : lines) {
            Errors errors = new Errors("row[" + line.number() + "].");
            Valid v = validate(r, line.cells(), errors);
            problems.addAll(errors.list());
            if (v != null) {
                valid.add(v);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("resource.import.rejected", problems);
        }
        for (Valid v : valid) {
            UUID id = UUID.randomUUID();
            requireCapture(v.path(), id);
            insert(r, id, v);
        }
        return valid.size();
    }

    /** Reserves stock for an event; never lets the available quantity go below zero. */
    @Transactional
    public void reserve(UUID stockId, @Nullable Integer quantity, @Nullable UUID incident, @Nullable String note) {
        JdbcRegistryStore.Row s = require(Registry.STOCK, stockId);
        requireCapture(s.divisionPath(), stockId);
        roles.requireWriter();
        Errors errors = new Errors();
        if (quantity == null) {
            errors.add("quantity", "resource.error.required");
        } else if (quantity <= 0) {
            errors.add("quantity", "resource.error.positive");
        }
        String n = errors.text("note", note, 500, false);
        errors.throwIfAny();
        if (incident != null) {
            incidents.require(new IncidentId(incident));
        }
        if (!store.reserve(stockId, quantity)) {
            throw new ConflictException("resource.error.insufficientStock", quantity);
        }
        UUID id = UUID.randomUUID();
        store.insertReservation(id, stockId, quantity, incident, n, teams.now(), teams.who());
        audit.record(
                "reserve",
                "resource.stock",
                stockId.toString(),
                s.divisionPath(),
                null,
                Map.of("quantity", quantity, "reservation", id.toString()));
    }

    /** Admits ({@code delta > 0}) or discharges people at a shelter; occupancy stays within 0..capacity. */
    @Transactional
    public void occupy(UUID shelterId, @Nullable Integer delta) {
        JdbcRegistryStore.Row s = require(Registry.SHELTERS, shelterId);
        requireCapture(s.divisionPath(), shelterId);
        roles.requireWriter();
        if (delta == null || delta == 0) {
            throw InvalidInputException.field("delta", "resource.error.required");
        }
        if (!store.occupy(shelterId, delta)) {
            throw new ConflictException(delta > 0 ? "resource.error.shelterFull" : "resource.error.shelterEmpty");
        }
        audit.record(
                "occupy", "resource.shelters", shelterId.toString(), s.divisionPath(), null, Map.of("delta", delta));
    }
}
