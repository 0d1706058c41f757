package cn.yingji.risk.internal;

import cn.yingji.directory.Directory;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.Position;
import cn.yingji.directory.PositionId;
import cn.yingji.geo.Division;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Grid;
import cn.yingji.geo.Location;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.risk.Assessment;
import cn.yingji.risk.AssessmentMethod;
import cn.yingji.risk.ControlMeasure;
import cn.yingji.risk.NewAssessment;
import cn.yingji.risk.NewControlMeasure;
import cn.yingji.risk.NewRiskPoint;
import cn.yingji.risk.RiskAssessed;
import cn.yingji.risk.RiskBand;
import cn.yingji.risk.RiskManagement;
import cn.yingji.risk.RiskMapCell;
import cn.yingji.risk.RiskPoint;
import cn.yingji.risk.RiskPointFilter;
import cn.yingji.risk.RiskPointId;
import cn.yingji.risk.RiskPoints;
import cn.yingji.risk.RiskResult;
import cn.yingji.risk.RiskTrendPoint;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Risk points: validation, jurisdiction, roles, audit and events around the store. */
@Service
class RiskService implements RiskPoints, RiskManagement {

    private static final Map<String, Integer> MAP_LEVELS = Map.of("COUNTY", 3, "TOWNSHIP", 4, "VILLAGE", 5, "GRID", 6);
    private static final List<String> BUCKETS = List.of("day", "week", "month");

    private final JdbcRiskStore store;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final RiskRoles roles;
    private final Directory directory;
    private final Divisions divisions;
    private final ApplicationEventPublisher events;
    private final String zone;
    private final Clock clock = Clock.systemUTC();

    RiskService(
            JdbcRiskStore store,
            CurrentUser currentUser,
            AuditTrail audit,
            RiskRoles roles,
            Directory directory,
            Divisions divisions,
            ApplicationEventPublisher events,
            @Value("${yingji.zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roles = roles;
        this.directory = directory;
        this.divisions = divisions;
        this.events = events;
        this.zone = zone;
    }

    private List<String> scope() {
        return currentUser.get().isPresent() ? currentUser.jurisdiction().viewPatterns() : JdbcRiskStore.EVERYTHING;
    }

    private void requireCapture(String path, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(path, "risk point", id);
        }
    }

    private String who() {
        return currentUser.get().map(CurrentUser.Account::displayName).orElse("system");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private RiskPoint require(RiskPointId id) {
        return store.point(id.value(), scope()).orElseThrow(() -> new NotFoundException("risk point", id));
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<RiskPoint> find(RiskPointId id) {
        return store.point(id.value(), scope());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<RiskPoint> list(RiskPointFilter filter, PageQuery page) {
        return store.points(filter, page, scope());
    }

    /** Streams every visible point matching the filter (for exports). */
    @Transactional(readOnly = true)
    public void each(RiskPointFilter filter, Consumer<RiskPoint> sink) {
        store.eachPoint(filter, scope(), sink);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Assessment> assessments(RiskPointId id) {
        return find(id).map(p -> store.assessments(p.id().value())).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ControlMeasure> measures(RiskPointId id) {
        return find(id).map(p -> store.measures(p.id().value())).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<RiskBand> bands(AssessmentMethod method) {
        return store.bands(method);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<AssessmentMethod, Map<String, List<BigDecimal>>> factorValues() {
        return store.factorValues();
    }

    @Override
    @Transactional(readOnly = true)
    public RiskResult evaluate(NewAssessment inputs) {
        List<RiskBand> bands = inputs.method() == null ? List.of() : store.bands(inputs.method());
        return RiskScoring.evaluate(inputs, store.factorValues(), bands);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RiskMapCell> map(String level) {
        Integer segment = level == null ? null : MAP_LEVELS.get(level.toUpperCase(Locale.ROOT));
        if (segment == null) {
            throw InvalidInputException.field("level", "risk.error.mapLevel");
        }
        return store.map(segment, scope());
    }

    @Override
    @Transactional(readOnly = true)
    public List<RiskTrendPoint> trend(String bucket, int periods, @Nullable String division) {
        String unit = bucket == null ? "" : bucket.toLowerCase(Locale.ROOT);
        if (!BUCKETS.contains(unit)) {
            throw InvalidInputException.field("bucket", "risk.error.bucket");
        }
        if (periods < 1 || periods > 120) {
            throw InvalidInputException.field("periods", "risk.error.periods", 120);
        }
        return store.trend(unit, periods, zone, division, scope());
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public RiskPointId create(NewRiskPoint cmd) {
        roles.requirePointWriter(cmd.organisationId() != null);
        Errors errors = new Errors();
        String name = errors.text("name", cmd.name(), 200, true);
        String category = errors.text("category", cmd.category(), 100, false);
        String description = errors.text("description", cmd.description(), 2000, false);
        String location = errors.text("location", cmd.location(), 300, false);
        errors.coordinates(cmd.lon(), cmd.lat());
        Binding binding = bind(cmd, errors);
        errors.throwIfAny();
        RiskPointId id = RiskPointId.random();
        requireCapture(binding.path, id);
        RiskPoint p = new RiskPoint(
                id,
                name,
                category,
                description,
                binding.organisationId,
                binding.organisationName,
                binding.path,
                binding.gridCode,
                location,
                cmd.lon(),
                cmd.lat(),
                null,
                null,
                null,
                null,
                0);
        store.insertPoint(p, now());
        audit.record("create", "risk.point", id.toString(), p.divisionPath(), null, p);
        return id;
    }

    private record Binding(
            String path,
            @Nullable UUID organisationId,
            @Nullable String organisationName,
            @Nullable String gridCode) {}

    private @Nullable Binding bind(NewRiskPoint cmd, Errors errors) {
        boolean place = notBlank(cmd.divisionCode()) || notBlank(cmd.gridCode());
        if (cmd.organisationId() != null) {
            if (place) {
                errors.add("organisationId", "risk.error.enterpriseOrPlace");
                return null;
            }
            Organisation org = directory
                    .findOrganisation(new OrganisationId(cmd.organisationId()))
                    .orElse(null);
            if (org == null) {
                errors.add("organisationId", "risk.error.unknownOrganisation");
                return null;
            }
            if (org.kind() != OrganisationKind.ENTERPRISE) {
                errors.add("organisationId", "risk.error.notEnterprise");
                return null;
            }
            return new Binding(org.divisionPath(), org.id().value(), org.name(), null);
        }
        if (notBlank(cmd.gridCode())) {
            Grid grid = divisions.findGrid(cmd.gridCode().strip()).orElse(null);
            if (grid == null) {
                errors.add("gridCode", "risk.error.unknownGrid");
                return null;
            }
            return new Binding(grid.path(), null, null, grid.code());
        }
        if (notBlank(cmd.divisionCode())) {
            String code = cmd.divisionCode().strip();
            Division d = code.matches("\\d{12}")
                    ? divisions.find(cn.yingji.geo.DivisionCode.of(code)).orElse(null)
                    : null;
            if (d == null) {
                errors.add("divisionCode", "risk.error.unknownDivision");
                return null;
            }
            return new Binding(d.path(), null, null, null);
        }
        if (cmd.lon() != null && cmd.lat() != null && !errors.has("lon") && !errors.has("lat")) {
            Location loc = divisions.locate(cmd.lon(), cmd.lat()).orElse(null);
            if (loc != null && !loc.chain().isEmpty()) {
                return new Binding(
                        loc.path(),
                        null,
                        null,
                        loc.grid() == null ? null : loc.grid().code());
            }
            errors.add("lon", "risk.error.outsideDivisions");
            return null;
        }
        errors.add("divisionCode", "risk.error.placeRequired");
        return null;
    }

    @Override
    @Transactional
    public RiskPoint update(RiskPointId id, int expectedVersion, NewRiskPoint cmd) {
        RiskPoint before = require(id);
        requireCapture(before.divisionPath(), id);
        roles.requirePointWriter(before.ofEnterprise());
        Errors errors = new Errors();
        String name = errors.text("name", cmd.name(), 200, true);
        String category = errors.text("category", cmd.category(), 100, false);
        String description = errors.text("description", cmd.description(), 2000, false);
        String location = errors.text("location", cmd.location(), 300, false);
        errors.coordinates(cmd.lon(), cmd.lat());
        errors.throwIfAny();
        RiskPoint after = new RiskPoint(
                id,
                name,
                category,
                description,
                before.organisationId(),
                before.organisationName(),
                before.divisionPath(),
                before.gridCode(),
                location,
                cmd.lon(),
                cmd.lat(),
                before.method(),
                before.score(),
                before.colour(),
                before.assessedAt(),
                expectedVersion + 1);
        if (before.version() != expectedVersion || !store.updatePoint(after, expectedVersion, now())) {
            throw new ConflictException("risk.error.stale");
        }
        audit.record("update", "risk.point", id.toString(), after.divisionPath(), before, after);
        return after;
    }

    @Override
    @Transactional
    public Assessment assess(RiskPointId id, NewAssessment inputs) {
        RiskPoint seen = require(id);
        requireCapture(seen.divisionPath(), id);
        roles.requirePointWriter(seen.ofEnterprise());
        Errors errors = new Errors();
        String note = errors.text("note", inputs.note(), 2000, false);
        errors.throwIfAny();
        RiskResult result = evaluate(inputs);
        store.lockPoint(id.value());
        RiskPoint before = require(id);
        Instant at = now();
        Assessment a = new Assessment(
                UUID.randomUUID(),
                id,
                result.method(),
                inputs.l(),
                result.method() == AssessmentMethod.LEC ? inputs.e() : null,
                result.method() == AssessmentMethod.LEC ? inputs.c() : null,
                result.method() == AssessmentMethod.LS ? inputs.s() : null,
                result.score(),
                result.colour(),
                result.bandLabel(),
                before.colour(),
                note,
                who(),
                at);
        store.insertAssessment(a, before.divisionPath());
        store.setCurrent(id.value(), result.method(), result.score(), result.colour(), at);
        audit.record("assess", "risk.point", id.toString(), before.divisionPath(), before, a);
        events.publishEvent(new RiskAssessed(
                id, before.divisionPath(), result.method(), result.score(), result.colour(), before.colour()));
        return a;
    }

    @Override
    @Transactional
    public ControlMeasure addMeasure(RiskPointId id, NewControlMeasure cmd) {
        RiskPoint point = require(id);
        requireCapture(point.divisionPath(), id);
        roles.requirePointWriter(point.ofEnterprise());
        Errors errors = new Errors();
        String measure = errors.text("measure", cmd.measure(), 1000, true);
        if (cmd.level() == null) {
            errors.add("level", "risk.error.required");
        }
        Position position = null;
        if (cmd.positionId() == null) {
            errors.add("positionId", "risk.error.positionRequired");
        } else {
            position = directory.findPosition(new PositionId(cmd.positionId())).orElse(null);
            if (position == null) {
                errors.add("positionId", "risk.error.unknownPosition");
            } else if (point.organisationId() != null
                    && (position.organisation() == null
                            || !position.organisation().value().equals(point.organisationId()))) {
                errors.add("positionId", "risk.error.positionNotOfEnterprise", point.organisationName());
            }
        }
        errors.throwIfAny();
        ControlMeasure m = new ControlMeasure(
                UUID.randomUUID(), id, measure, cmd.level(), position.id().value(), position.name(), now());
        store.insertMeasure(m);
        audit.record("create", "risk.controlMeasure", m.id().toString(), point.divisionPath(), null, m);
        return m;
    }

    @Override
    @Transactional
    public void removeMeasure(RiskPointId id, UUID measureId) {
        RiskPoint point = require(id);
        requireCapture(point.divisionPath(), id);
        roles.requirePointWriter(point.ofEnterprise());
        ControlMeasure m = store.measure(id.value(), measureId)
                .orElseThrow(() -> new NotFoundException("control measure", measureId));
        store.deleteMeasure(measureId);
        audit.record("delete", "risk.controlMeasure", measureId.toString(), point.divisionPath(), m, null);
    }

    @Override
    @Transactional
    public List<RiskBand> replaceBands(AssessmentMethod method, List<RiskBand> bands) {
        roles.requireAdmin();
        if (method == null) {
            throw InvalidInputException.field("method", "risk.error.required");
        }
        List<RiskBand> valid = RiskScoring.validBands(method, bands);
        List<RiskBand> before = store.bands(method);
        store.replaceBands(method, valid);
        audit.record("update", "risk.bands", method.name(), null, before, valid);
        return store.bands(method);
    }

    private static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
