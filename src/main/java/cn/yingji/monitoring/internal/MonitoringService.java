package cn.yingji.monitoring.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Location;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.monitoring.Direction;
import cn.yingji.monitoring.LinkKind;
import cn.yingji.monitoring.MonitoringAdministration;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.NewPoint;
import cn.yingji.monitoring.NewSensor;
import cn.yingji.monitoring.Sensor;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.db.AfterTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Points and sensors: validation, jurisdiction, roles and audit; keeps the in-memory registry in step. */
@Service
class MonitoringService implements MonitoringAdministration {

    private final JdbcMonitoringStore store;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final MonitoringRoles roles;
    private final Divisions divisions;
    private final SensorRegistry registry;
    private final Clock clock = Clock.systemUTC();

    MonitoringService(
            JdbcMonitoringStore store,
            CurrentUser currentUser,
            AuditTrail audit,
            MonitoringRoles roles,
            Divisions divisions,
            SensorRegistry registry) {
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roles = roles;
        this.divisions = divisions;
        this.registry = registry;
    }

    /** View patterns of the caller, or null (everything) for the system. */
    @Nullable
    List<String> patterns() {
        return currentUser.get().isPresent() ? currentUser.jurisdiction().viewPatterns() : null;
    }

    @Transactional(readOnly = true)
    public List<MonitoringPoint> points(@Nullable String q) {
        return store.points(patterns(), q);
    }

    @Transactional(readOnly = true)
    public MonitoringPoint point(UUID id) {
        MonitoringPoint p = store.point(id).orElseThrow(() -> new NotFoundException("monitoring point", id));
        requireView(p.divisionPath(), "monitoring point", id);
        return p;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MonitoringPoint> findPointByCode(String code) {
        return store.pointByCode(code)
                .filter(p -> currentUser.get().isEmpty()
                        || currentUser.jurisdiction().canView(p.divisionPath()));
    }

    @Transactional(readOnly = true)
    public List<Sensor> sensorsOf(UUID pointId) {
        point(pointId);
        return store.sensorsOf(pointId);
    }

    @Transactional(readOnly = true)
    public List<Sensor> sensors() {
        return store.sensors(patterns());
    }

    @Transactional(readOnly = true)
    public Sensor sensor(UUID id) {
        Sensor s = store.sensor(id).orElseThrow(() -> new NotFoundException("sensor", id));
        requireView(s.divisionPath(), "sensor", id);
        return s;
    }

    @Transactional(readOnly = true)
    public List<Object[]> history(UUID sensorId, int hours) {
        sensor(sensorId);
        Instant now = clock.instant();
        return store.history(
                sensorId,
                now.minus(Math.max(1, Math.min(hours, 24 * 31)), ChronoUnit.HOURS),
                now.plusSeconds(3600),
                5000);
    }

    @Override
    @Transactional
    public MonitoringPoint createPoint(NewPoint in) {
        roles.requireSetup();
        List<FieldError> errors = new ArrayList<>();
        String code = required(in.code(), "code", errors);
        String name = required(in.name(), "name", errors);
        if (in.linkKind() == null) {
            errors.add(new FieldError("linkKind", "monitoring.error.required"));
        }
        if (in.linkKind() != null && in.linkKind() != LinkKind.PLACE && blank(in.linkName())) {
            errors.add(new FieldError("linkName", "monitoring.error.required"));
        }
        if (in.lon() == null
                || in.lat() == null
                || in.lon() < -180
                || in.lon() > 180
                || in.lat() < -90
                || in.lat() > 90) {
            errors.add(new FieldError("lon", "monitoring.error.position"));
        }
        if (code != null && store.pointCodeTaken(code)) {
            errors.add(new FieldError("code", "monitoring.error.codeTaken", code));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        Location loc = divisions
                .locate(in.lon(), in.lat())
                .orElseThrow(() -> InvalidInputException.field("lon", "monitoring.error.outside"));
        Division deepest = loc.chain().get(loc.chain().size() - 1);
        String path = loc.path();
        UUID id = UUID.randomUUID();
        requireCapture(path, "monitoring point", id);
        MonitoringPoint p = new MonitoringPoint(
                id,
                code,
                name,
                in.linkKind(),
                in.linkId(),
                blank(in.linkName()) ? null : in.linkName().trim(),
                in.lon(),
                in.lat(),
                deepest.code().value(),
                path,
                loc.grid() == null ? null : loc.grid().code(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                0);
        store.insertPoint(p);
        audit.record("create", "monitoring.point", id.toString(), path, null, p);
        return p;
    }

    /**
     * Changes name, owner and position of a point; division, path and grid are re-resolved from the position and
     * copied to the point's sensors. The id is checked before the input (foreign → 404), then the role (403).
     */
    @Transactional
    public MonitoringPoint updatePoint(UUID id, @Nullable Integer version, @Nullable NewPoint input) {
        MonitoringPoint before = point(id);
        roles.requireSetup();
        requireCapture(before.divisionPath(), "monitoring point", id);
        List<FieldError> errors = new ArrayList<>();
        if (version == null) {
            errors.add(new FieldError("version", "monitoring.error.required"));
        }
        NewPoint in = input == null ? new NewPoint(null, null, null, null, null, null, null) : input;
        String name = required(in.name(), "name", errors);
        pointFields(in, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        Location loc = divisions
                .locate(in.lon(), in.lat())
                .orElseThrow(() -> InvalidInputException.field("lon", "monitoring.error.outside"));
        String path = loc.path();
        requireCapture(path, "monitoring point", id);
        MonitoringPoint changed = new MonitoringPoint(
                id,
                before.code(),
                name,
                in.linkKind(),
                in.linkId(),
                blank(in.linkName()) ? null : in.linkName().trim(),
                in.lon(),
                in.lat(),
                loc.chain().get(loc.chain().size() - 1).code().value(),
                path,
                loc.grid() == null ? null : loc.grid().code(),
                before.createdAt(),
                version);
        if (store.updatePoint(changed, version) == 0) {
            throw new ConflictException("monitoring.error.stale");
        }
        List<UUID> moved = path.equals(before.divisionPath()) ? List.of() : store.movePointSensors(id, path);
        MonitoringPoint after = store.point(id).orElseThrow();
        audit.record("update", "monitoring.point", id.toString(), path, before, after);
        AfterTransaction.commitOrNow(() -> moved.forEach(registry::refresh));
        return after;
    }

    /**
     * Deletes a point that carries no sensors. A point with sensors is refused (409) rather than retiring its
     * sensors with it: an operator deleting a point rarely means "stop watching this gas / water-level sensor", and
     * silently ending live monitoring (and orphaning its alarms and readings) is the costlier mistake. The 409 names
     * the sensor count so the sensors are moved or removed deliberately first.
     */
    @Transactional
    public void deletePoint(UUID id, @Nullable Integer version) {
        MonitoringPoint before = point(id);
        roles.requireSetup();
        requireCapture(before.divisionPath(), "monitoring point", id);
        if (version == null) {
            throw InvalidInputException.field("version", "monitoring.error.required");
        }
        // Locks the row: a concurrent sensor insert (FK key-share lock) either commits first and is counted here,
        // or waits and then fails its foreign key.
        int current = store.lockPoint(id).orElseThrow(() -> new NotFoundException("monitoring point", id));
        if (current != version) {
            throw new ConflictException("monitoring.error.stale");
        }
        int sensors = store.sensorsOf(id).size();
        if (sensors > 0) {
            throw new ConflictException("monitoring.error.pointHasSensors", sensors);
        }
        store.deletePoint(id);
        audit.record("delete", "monitoring.point", id.toString(), before.divisionPath(), before, null);
    }

    private static void pointFields(NewPoint in, List<FieldError> errors) {
        if (in.linkKind() == null) {
            errors.add(new FieldError("linkKind", "monitoring.error.required"));
        }
        if (in.linkKind() != null && in.linkKind() != LinkKind.PLACE && blank(in.linkName())) {
            errors.add(new FieldError("linkName", "monitoring.error.required"));
        }
        if (in.lon() == null
                || in.lat() == null
                || in.lon() < -180
                || in.lon() > 180
                || in.lat() < -90
                || in.lat() > 90) {
            errors.add(new FieldError("lon", "monitoring.error.position"));
        }
    }

    @Override
    @Transactional
    public Sensor addSensor(UUID pointId, NewSensor in) {
        roles.requireSetup();
        MonitoringPoint p = point(pointId);
        requireCapture(p.divisionPath(), "monitoring point", pointId);
        Sensor s = validated(UUID.randomUUID(), pointId, p.divisionPath(), in, 0, true);
        store.insertSensor(s, clock.instant());
        audit.record("create", "monitoring.sensor", s.id().toString(), p.divisionPath(), null, s);
        AfterTransaction.commitOrNow(() -> registry.refresh(s.id()));
        return s;
    }

    @Transactional
    public Sensor updateSensor(UUID id, int version, NewSensor in) {
        roles.requireSetup();
        Sensor before = sensor(id);
        requireCapture(before.divisionPath(), "sensor", id);
        Sensor s = validated(id, before.pointId(), before.divisionPath(), in, version, false);
        if (store.updateRules(s, version) == 0) {
            throw new ConflictException("monitoring.error.stale");
        }
        Sensor after = store.sensor(id).orElseThrow();
        audit.record("update", "monitoring.sensor", id.toString(), before.divisionPath(), before, after);
        AfterTransaction.commitOrNow(() -> registry.refresh(id));
        return after;
    }

    private Sensor validated(UUID id, UUID pointId, String path, NewSensor in, int version, boolean create) {
        List<FieldError> errors = new ArrayList<>();
        String code = create
                ? required(in.code(), "code", errors)
                : store.sensor(id).orElseThrow().code();
        String name = required(in.name(), "name", errors);
        String unit = required(in.unit(), "unit", errors);
        if (create && in.kind() == null) {
            errors.add(new FieldError("kind", "monitoring.error.required"));
        }
        int interval = in.intervalSeconds() == null ? 60 : in.intervalSeconds();
        if (interval < 1 || interval > 86_400) {
            errors.add(new FieldError("intervalSeconds", "monitoring.error.range", 1, 86_400));
        }
        Direction dir = in.direction() == null ? Direction.ABOVE : in.direction();
        Double[] t = {in.blue(), in.yellow(), in.orange(), in.red()};
        String[] names = {"blue", "yellow", "orange", "red"};
        Double prev = null;
        String prevName = null;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == null) {
                continue;
            }
            if (t[i].isNaN() || t[i].isInfinite()) {
                errors.add(new FieldError(names[i], "monitoring.error.notNumeric", String.valueOf(t[i])));
                continue;
            }
            if (prev != null && (dir == Direction.ABOVE ? t[i] <= prev : t[i] >= prev)) {
                errors.add(new FieldError(
                        names[i],
                        dir == Direction.ABOVE ? "monitoring.error.orderAbove" : "monitoring.error.orderBelow",
                        prevName));
            }
            prev = t[i];
            prevName = names[i];
        }
        double h = in.hysteresis() == null ? 0 : in.hysteresis();
        if (h < 0 || Double.isNaN(h)) {
            errors.add(new FieldError("hysteresis", "monitoring.error.negative"));
        }
        if (in.ratePerMinute() != null && !(in.ratePerMinute() > 0)) {
            errors.add(new FieldError("ratePerMinute", "monitoring.error.positive"));
        }
        int dur = in.durationMinutes() == null ? 0 : in.durationMinutes();
        if (dur < 0 || dur > 1440) {
            errors.add(new FieldError("durationMinutes", "monitoring.error.range", 0, 1440));
        }
        if (create && code != null && store.sensorCodeTaken(code)) {
            errors.add(new FieldError("code", "monitoring.error.codeTaken", code));
        }
        if (code != null && !code.matches("[A-Za-z0-9._-]{1,64}")) {
            errors.add(new FieldError("code", "monitoring.error.codeFormat"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        Sensor old = create ? null : store.sensor(id).orElseThrow();
        return new Sensor(
                id,
                code,
                pointId,
                name,
                create ? in.kind() : old.kind(),
                unit,
                interval,
                dir,
                in.blue(),
                in.yellow(),
                in.orange(),
                in.red(),
                h,
                in.ratePerMinute(),
                dur,
                path,
                create ? "NORMAL" : old.state(),
                create ? null : old.lastValue(),
                create ? null : old.lastAt(),
                version);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String required(@Nullable String s, String field, List<FieldError> errors) {
        if (blank(s)) {
            errors.add(new FieldError(field, "monitoring.error.required"));
            return null;
        }
        return s.trim();
    }

    private void requireCapture(String path, String what, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(path, what, id);
        }
    }

    private void requireView(String path, String what, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireView(path, what, id);
        }
    }
}
