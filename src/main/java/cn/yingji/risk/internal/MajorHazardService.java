package cn.yingji.risk.internal;

import cn.yingji.directory.Directory;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.risk.Gb18218Table;
import cn.yingji.risk.HazardEvaluation;
import cn.yingji.risk.HazardGrade;
import cn.yingji.risk.HazardGrading;
import cn.yingji.risk.InventoryItem;
import cn.yingji.risk.InventoryLine;
import cn.yingji.risk.MajorHazardManagement;
import cn.yingji.risk.MajorHazardSource;
import cn.yingji.risk.MajorHazardSourceGraded;
import cn.yingji.risk.MajorHazardSourceId;
import cn.yingji.risk.MajorHazards;
import cn.yingji.risk.NewMajorHazardSource;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The major-hazard registry: identification and grading on every change, history, audit, events. */
@Service
class MajorHazardService implements MajorHazards, MajorHazardManagement {

    private final JdbcRiskStore store;
    private final HazardCalculator calculator;
    private final Gb18218Data data;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final RiskRoles roles;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    MajorHazardService(
            JdbcRiskStore store,
            HazardCalculator calculator,
            Gb18218Data data,
            CurrentUser currentUser,
            AuditTrail audit,
            RiskRoles roles,
            Directory directory,
            ApplicationEventPublisher events) {
        this.store = store;
        this.calculator = calculator;
        this.data = data;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roles = roles;
        this.directory = directory;
        this.events = events;
    }

    private List<String> scope() {
        return currentUser.get().isPresent() ? currentUser.jurisdiction().viewPatterns() : JdbcRiskStore.EVERYTHING;
    }

    private void requireCapture(String path, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(path, "major hazard source", id);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private MajorHazardSource require(MajorHazardSourceId id) {
        return store.source(id.value(), scope()).orElseThrow(() -> new NotFoundException("major hazard source", id));
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<MajorHazardSource> find(MajorHazardSourceId id) {
        return store.source(id.value(), scope());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<MajorHazardSource> list(
            @Nullable String q,
            @Nullable Boolean major,
            @Nullable HazardGrade grade,
            @Nullable String division,
            @Nullable UUID organisationId,
            PageQuery page) {
        return store.sources(q, major, grade, division, organisationId, page, scope());
    }

    /** Streams every visible unit matching the filter (for exports). */
    @Transactional(readOnly = true)
    public void each(
            @Nullable String q,
            @Nullable Boolean major,
            @Nullable HazardGrade grade,
            @Nullable String division,
            Consumer<MajorHazardSource> sink) {
        store.eachSource(q, major, grade, division, scope(), sink);
    }

    @Override
    @Transactional(readOnly = true)
    public List<InventoryItem> inventory(MajorHazardSourceId id) {
        return find(id).map(s -> store.inventory(s.id().value())).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<HazardGrading> gradings(MajorHazardSourceId id) {
        return find(id).map(s -> store.gradings(s.id().value())).orElse(List.of());
    }

    @Override
    public Gb18218Table table() {
        return data.table();
    }

    @Override
    public HazardEvaluation evaluate(@Nullable Integer exposedPopulation, @Nullable List<InventoryLine> inventory) {
        return calculator.evaluate(exposedPopulation, inventory);
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public MajorHazardSourceId create(NewMajorHazardSource cmd) {
        roles.requireSourceWriter();
        Errors errors = new Errors();
        String name = errors.text("name", cmd.name(), 200, true);
        if (cmd.unitKind() == null) {
            errors.add("unitKind", "risk.error.required");
        }
        Organisation org = null;
        if (cmd.organisationId() == null) {
            errors.add("organisationId", "risk.error.required");
        } else {
            org = directory
                    .findOrganisation(new OrganisationId(cmd.organisationId()))
                    .orElse(null);
            if (org == null) {
                errors.add("organisationId", "risk.error.unknownOrganisation");
            } else if (org.kind() != OrganisationKind.ENTERPRISE) {
                errors.add("organisationId", "risk.error.notEnterprise");
            }
        }
        HazardEvaluation eval = null;
        try {
            eval = calculator.evaluate(cmd.exposedPopulation(), cmd.inventory());
        } catch (cn.yingji.shared.InvalidInputException e) {
            e.fieldErrors().forEach(fe -> errors.add(fe.field(), fe.messageKey(), fe.args()));
        }
        errors.throwIfAny();
        MajorHazardSourceId id = MajorHazardSourceId.random();
        requireCapture(org.divisionPath(), id);
        Instant at = now();
        MajorHazardSource s = source(id, name, cmd.unitKind(), org, eval, at, 0);
        store.insertSource(s);
        store.replaceInventory(id.value(), eval.items());
        audit.record("create", "risk.hazardSource", id.toString(), s.divisionPath(), null, snapshot(s, eval.items()));
        graded(s, eval, "create", null, at);
        return id;
    }

    @Override
    @Transactional
    public MajorHazardSource update(
            MajorHazardSourceId id, int expectedVersion, @Nullable String name, @Nullable Integer exposedPopulation) {
        MajorHazardSource before = require(id);
        requireCapture(before.divisionPath(), id);
        roles.requireSourceWriter();
        Errors errors = new Errors();
        String n = errors.text("name", name, 200, true);
        errors.throwIfAny();
        List<InventoryItem> items = store.inventory(id.value());
        HazardEvaluation eval = calculator.evaluate(exposedPopulation, lines(items));
        return regrade(before, expectedVersion, n, eval, "update", items);
    }

    @Override
    @Transactional
    public MajorHazardSource replaceInventory(
            MajorHazardSourceId id, int expectedVersion, @Nullable List<InventoryLine> lines) {
        MajorHazardSource before = require(id);
        requireCapture(before.divisionPath(), id);
        roles.requireSourceWriter();
        List<InventoryItem> beforeItems = store.inventory(id.value());
        HazardEvaluation eval = calculator.evaluate(before.exposedPopulation(), lines);
        store.replaceInventory(id.value(), eval.items());
        return regrade(before, expectedVersion, before.name(), eval, "inventory", beforeItems);
    }

    /**
     * Changes name, exposed population and inventory in one step (the registry's edit page): one re-grading, one
     * history entry.
     */
    @Transactional
    public MajorHazardSource edit(
            MajorHazardSourceId id,
            int expectedVersion,
            @Nullable String name,
            @Nullable Integer exposedPopulation,
            @Nullable List<InventoryLine> lines) {
        MajorHazardSource before = require(id);
        requireCapture(before.divisionPath(), id);
        roles.requireSourceWriter();
        Errors errors = new Errors();
        String n = errors.text("name", name, 200, true);
        HazardEvaluation eval = null;
        try {
            eval = calculator.evaluate(exposedPopulation, lines);
        } catch (cn.yingji.shared.InvalidInputException e) {
            e.fieldErrors().forEach(fe -> errors.add(fe.field(), fe.messageKey(), fe.args()));
        }
        errors.throwIfAny();
        List<InventoryItem> beforeItems = store.inventory(id.value());
        store.replaceInventory(id.value(), eval.items());
        return regrade(before, expectedVersion, n, eval, "inventory", beforeItems);
    }

    private MajorHazardSource regrade(
            MajorHazardSource before,
            int expectedVersion,
            String name,
            HazardEvaluation eval,
            String reason,
            List<InventoryItem> beforeItems) {
        Instant at = now();
        Organisation org = new Organisation(
                new OrganisationId(before.organisationId()),
                OrganisationKind.ENTERPRISE,
                before.organisationName(),
                null,
                null,
                null,
                before.divisionPath(),
                null,
                null,
                null,
                0);
        MajorHazardSource after = source(before.id(), name, before.unitKind(), org, eval, at, expectedVersion + 1);
        if (before.version() != expectedVersion || !store.updateSource(after, expectedVersion)) {
            throw new ConflictException("risk.error.stale");
        }
        audit.record(
                reason,
                "risk.hazardSource",
                before.id().toString(),
                before.divisionPath(),
                snapshot(before, beforeItems),
                snapshot(after, eval.items()));
        graded(after, eval, reason, before, at);
        return after;
    }

    private void graded(
            MajorHazardSource s, HazardEvaluation eval, String reason, @Nullable MajorHazardSource before, Instant at) {
        HazardGrade previous = before == null ? null : before.grade();
        store.insertGrading(
                new HazardGrading(
                        UUID.randomUUID(),
                        s.id(),
                        reason,
                        eval.s(),
                        eval.major(),
                        eval.exposedPopulation(),
                        eval.alpha(),
                        eval.r(),
                        eval.grade(),
                        previous,
                        eval.items(),
                        currentUser.get().map(CurrentUser.Account::displayName).orElse("system"),
                        at),
                s.divisionPath());
        events.publishEvent(new MajorHazardSourceGraded(
                s.id(),
                s.divisionPath(),
                eval.s(),
                eval.major(),
                eval.r(),
                eval.grade(),
                previous,
                before != null && before.major()));
    }

    private static MajorHazardSource source(
            MajorHazardSourceId id,
            String name,
            cn.yingji.risk.UnitKind kind,
            Organisation org,
            HazardEvaluation eval,
            Instant at,
            int version) {
        return new MajorHazardSource(
                id,
                name,
                kind,
                org.id().value(),
                org.name(),
                org.divisionPath(),
                eval.exposedPopulation(),
                eval.s(),
                eval.major(),
                eval.alpha(),
                eval.r(),
                eval.grade(),
                eval.unverifiedData(),
                at,
                version);
    }

    /** What the audit trail keeps of a unit: its state and inventory. */
    record Snapshot(MajorHazardSource source, List<InventoryItem> inventory) {}

    private static Snapshot snapshot(MajorHazardSource s, List<InventoryItem> items) {
        return new Snapshot(s, items);
    }

    /** Turns stored items back into lines (re-evaluated with the current tables). */
    static List<InventoryLine> lines(List<InventoryItem> items) {
        return items.stream()
                .map(i -> new InventoryLine(
                        i.chemical(), i.chemical() == null ? i.name() : null, i.cas(), i.hazardClass(), i.quantity()))
                .toList();
    }
}
