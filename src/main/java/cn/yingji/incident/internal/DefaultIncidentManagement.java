package cn.yingji.incident.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Location;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import cn.yingji.incident.Attachment;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.CasualtiesUpdated;
import cn.yingji.incident.CasualtyUpdate;
import cn.yingji.incident.CasualtyUpdateResult;
import cn.yingji.incident.EventType;
import cn.yingji.incident.Grade;
import cn.yingji.incident.GradeChange;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentGraded;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.IncidentReportFiled;
import cn.yingji.incident.IncidentReported;
import cn.yingji.incident.IncidentState;
import cn.yingji.incident.Instruction;
import cn.yingji.incident.InstructionIssued;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.NewInstruction;
import cn.yingji.incident.NewReport;
import cn.yingji.incident.Obligation;
import cn.yingji.incident.Recipient;
import cn.yingji.incident.Report;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.incident.ReportingOverdue;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.Uuids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The write side of the module: intake, re-grading, reports, instructions, attachments and the overdue sweep. */
@Service
class DefaultIncidentManagement implements IncidentManagement {

    /** Clock skew tolerated between a client and the server before a time counts as "in the future". */
    private static final Duration SKEW = Duration.ofMinutes(2);

    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,30}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    static final Map<String, String> ALLOWED_TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("mp4", "video/mp4"));

    private final JdbcIncidentStore store;
    private final IncidentReference reference;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final IncidentRoles roles;
    private final IncidentClock clock;
    private final long maxAttachmentBytes;
    private final int maxAttachments;

    DefaultIncidentManagement(
            JdbcIncidentStore store,
            IncidentReference reference,
            Divisions divisions,
            AuditTrail audit,
            ApplicationEventPublisher events,
            IncidentRoles roles,
            IncidentClock clock,
            @Value("${yingji.incident.attachments.max-bytes:10485760}") long maxAttachmentBytes,
            @Value("${yingji.incident.attachments.max-count:30}") int maxAttachments) {
        this.store = store;
        this.reference = reference;
        this.divisions = divisions;
        this.audit = audit;
        this.events = events;
        this.roles = roles;
        this.clock = clock;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.maxAttachments = maxAttachments;
    }

    // ---- intake --------------------------------------------------------------------------------------

    @Override
    @Transactional
    public IntakeResult report(NewIncident c, @Nullable String idempotencyKey) {
        roles.requireOperator();
        String actor = roles.actor();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && !KEY.matcher(key).matches()) {
            throw InvalidInputException.field("Idempotency-Key", "incident.error.idempotencyKey");
        }
        // No look-up before the INSERT: a repeated key conflicts there and is answered from the first event.
        String hash = key == null ? null : sha256(c.toString());
        Instant now = clock.now();
        EventType type = validate(c, now);
        Location location = locate(c.lon(), c.lat());
        String path = location.path();
        Division deepest = location.chain().get(location.chain().size() - 1);
        if (roles.account().isPresent() && !roles.account().get().jurisdiction().canCapture(path)) {
            throw InvalidInputException.field("location", "incident.error.outsideJurisdiction");
        }
        GradingScheme scheme = reference.scheme(type.gradingScheme()).orElseThrow();
        GradingScheme.Result grade = scheme.grade(c.casualties());
        Instant reportedAt = c.reportedAt() == null ? now.truncatedTo(ChronoUnit.SECONDS) : c.reportedAt();
        ReportingLevel received = c.receivedLevel() == null ? defaultReceivedLevel() : c.receivedLevel();
        UUID id = Uuids.timeOrdered();
        String title = blank(c.title())
                ? type.nameZh() + (blank(c.address()) ? "" : "（" + c.address().trim() + "）")
                : c.title().trim();
        JdbcIncidentStore.NewRow row = new JdbcIncidentStore.NewRow(
                id,
                JdbcIncidentStore.numberPrefix(c.occurredAt(), clock.zone()),
                type.category(),
                type.code(),
                truncate(title, 200),
                trimToNull(c.description()),
                c.occurredAt(),
                reportedAt,
                received,
                c.lon(),
                c.lat(),
                deepest.code().value(),
                path,
                location.grid() == null ? null : location.grid().code(),
                trimToNull(c.address()),
                trimToNull(c.reporterName()),
                trimToNull(c.reporterPhone()),
                c.channel(),
                trimToNull(c.enterpriseName()),
                c.enterpriseOrgId(),
                c.casualties(),
                grade,
                c.drill(),
                key,
                hash,
                actor);
        // What a fresh event starts with (timeline, first grade, reporting clocks) is written by the same statement
        // as the event itself: one round trip on the busiest path of the duty desk, and nothing when the key repeats.
        List<JdbcIncidentStore.TimelineRow> entries = new ArrayList<>(3);
        entries.add(new JdbcIncidentStore.TimelineRow(
                reportedAt,
                "REPORTED",
                actor,
                null,
                List.of(type.code(), c.channel().name(), received.name())));
        entries.add(new JdbcIncidentStore.TimelineRow(
                now, "CREATED", actor, null, List.of(JdbcIncidentStore.TimelineRow.NUMBER)));
        @Nullable GradeChange initial = null;
        if (grade.grade() != null) {
            initial = new GradeChange(
                    now,
                    actor,
                    null,
                    grade.grade(),
                    grade.dimension(),
                    grade.value(),
                    null,
                    grade.grade().investigator(),
                    false,
                    "INTAKE");
            entries.add(new JdbcIncidentStore.TimelineRow(
                    now,
                    "GRADED_INITIAL",
                    actor,
                    null,
                    List.of(
                            grade.grade().name(),
                            String.valueOf(grade.dimension()),
                            grade.grade().investigator().name())));
        }
        ReportingPlanner.Plan plan = ReportingPlanner.plan(
                reference.rules(type.reportingChain()),
                grade.grade(),
                reached(c.occurredAt(), received, reportedAt),
                List.of(),
                null,
                clock.zone());
        // The unit's duty to report to a 县级以上 authority is met when the authority received it (Decree 493 Art. 9).
        Optional<Incident> inserted = store.insert(
                row,
                new JdbcIncidentStore.Opening(
                        initial,
                        entries,
                        plan.add(),
                        new JdbcIncidentStore.Met(ReportingLevel.UNIT, Recipient.COUNTY_AUTHORITY, reportedAt)));
        if (inserted.isEmpty()) {
            // The key was used before (a retry) or by a concurrent request that won the race.
            return replay(actor, key, hash).orElseThrow();
        }
        Incident incident = inserted.get();
        audit.record("create", "incident.incident", id.toString(), path, null, incident);
        events.publishEvent(new IncidentReported(
                incident.id(),
                incident.number(),
                incident.category(),
                incident.typeCode(),
                incident.grade(),
                path,
                incident.lon(),
                incident.lat(),
                incident.occurredAt(),
                incident.drill(),
                incident));
        return new IntakeResult(incident, false);
    }

    private Optional<IntakeResult> replay(String actor, String key, @Nullable String hash) {
        return store.byIdempotencyKey(actor, key).map(e -> {
            if (!e.getValue().equals(hash)) {
                throw new ConflictException("incident.error.idempotencyMismatch", key);
            }
            return new IntakeResult(e.getKey(), true);
        });
    }

    private ReportingLevel defaultReceivedLevel() {
        Optional<Account> a = roles.account();
        Optional<Division> root = divisions.root();
        if (a.isPresent()
                && root.isPresent()
                && a.get().jurisdiction().canCapture(root.get().path())) {
            return ReportingLevel.CITY;
        }
        return ReportingLevel.COUNTY;
    }

    private EventType validate(NewIncident c, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        EventType type = null;
        if (blank(c.typeCode())) {
            errors.add(new FieldError("typeCode", "incident.error.required"));
        } else {
            type = reference
                    .eventType(c.typeCode().trim())
                    .filter(EventType::active)
                    .orElse(null);
            if (type == null) {
                errors.add(new FieldError("typeCode", "incident.error.unknownType", c.typeCode()));
            }
        }
        if (c.occurredAt() == null) {
            errors.add(new FieldError("occurredAt", "incident.error.required"));
        } else if (c.occurredAt().isAfter(now.plus(SKEW))) {
            errors.add(new FieldError("occurredAt", "incident.error.future"));
        }
        if (c.reportedAt() != null) {
            if (c.reportedAt().isAfter(now.plus(SKEW))) {
                errors.add(new FieldError("reportedAt", "incident.error.future"));
            } else if (c.occurredAt() != null && c.reportedAt().isBefore(c.occurredAt())) {
                errors.add(new FieldError("reportedAt", "incident.error.reportedBeforeOccurred"));
            }
        } else if (c.occurredAt() != null
                && now.isBefore(c.occurredAt())
                && !c.occurredAt().isAfter(now.plus(SKEW))) {
            // reported now (no reportedAt): within the clock skew it must still not lie after the report; beyond the
            // skew it was flagged above already
            errors.add(new FieldError("occurredAt", "incident.error.future"));
        }
        if (c.receivedLevel() != null
                && c.receivedLevel() != ReportingLevel.COUNTY
                && c.receivedLevel() != ReportingLevel.CITY) {
            errors.add(new FieldError("receivedLevel", "incident.error.receivedLevel"));
        }
        if (c.channel() == null) {
            errors.add(new FieldError("channel", "incident.error.required"));
        }
        if (!Double.isFinite(c.lon()) || c.lon() < -180 || c.lon() > 180) {
            errors.add(new FieldError("lon", "incident.error.lon"));
        }
        if (!Double.isFinite(c.lat()) || c.lat() < -90 || c.lat() > 90) {
            errors.add(new FieldError("lat", "incident.error.lat"));
        }
        if (!blank(c.reporterPhone())
                && !PHONE.matcher(c.reporterPhone().trim()).matches()) {
            errors.add(new FieldError("reporterPhone", "incident.error.phone"));
        }
        length(errors, "title", c.title(), 200);
        length(errors, "address", c.address(), 500);
        length(errors, "reporterName", c.reporterName(), 100);
        length(errors, "enterpriseName", c.enterpriseName(), 200);
        length(errors, "description", c.description(), 20000);
        if (c.casualties() == null) {
            errors.add(new FieldError("casualties", "incident.error.required"));
        } else {
            try {
                c.casualties().validate();
            } catch (InvalidInputException e) {
                errors.addAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        return type;
    }

    private Location locate(double lon, double lat) {
        Optional<Location> location = divisions.locate(lon, lat);
        if (location.isEmpty() || location.get().chain().isEmpty()) {
            throw InvalidInputException.field("location", "incident.error.outsideCity", lon, lat);
        }
        return location.get();
    }

    // ---- casualties and re-grading ----------------------------------------------------------------

    @Override
    @Transactional
    public CasualtyUpdateResult updateCasualties(IncidentId id, CasualtyUpdate u) {
        Incident before = store.lock(id.value()).orElseThrow(() -> new NotFoundException("incident", id));
        roles.requireWrite(before.divisionPath(), id);
        if (u.casualties() == null) {
            throw InvalidInputException.field("casualties", "incident.error.required");
        }
        u.casualties().validate();
        List<FieldError> errors = new ArrayList<>();
        length(errors, "note", u.note(), 2000);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        if (u.expectedVersion() != null && u.expectedVersion() != before.version()) {
            throw new ConflictException("incident.error.staleVersion", before.version());
        }
        String actor = roles.actor();
        Instant now = clock.now();
        EventType type = reference.eventType(before.typeCode()).orElseThrow();
        boolean inside = RegradeWindow.inside(before.occurredAt(), type.regradeWindowDays(), now, clock.zone());
        GradingScheme.Result result = null;
        boolean regraded = false;
        boolean investigatorChanged = false;
        if (inside) {
            result = reference.scheme(type.gradingScheme()).orElseThrow().grade(u.casualties());
            regraded = result.grade() != before.grade();
            Grade.GovernmentLevel oldInv =
                    before.grade() == null ? null : before.grade().investigator();
            Grade.GovernmentLevel newInv =
                    result.grade() == null ? null : result.grade().investigator();
            investigatorChanged = regraded && oldInv != newInv;
            if (regraded) {
                store.insertGradeChange(
                        id.value(),
                        new GradeChange(
                                now,
                                actor,
                                before.grade(),
                                result.grade(),
                                result.dimension(),
                                result.value(),
                                oldInv,
                                newInv,
                                investigatorChanged,
                                "CASUALTY_UPDATE"));
            }
        }
        store.updateCasualties(id.value(), u.casualties(), result);
        store.insertCasualtyUpdate(id.value(), now, actor, u.casualties(), inside, regraded, trimToNull(u.note()));
        Casualties c = u.casualties();
        store.timeline(
                id.value(),
                now,
                inside ? "CASUALTIES" : "CASUALTIES_AFTER_WINDOW",
                actor,
                null,
                c.deaths(),
                c.missing(),
                c.seriouslyInjured(),
                c.trapped(),
                c.minorInjuries(),
                c.directLoss().toPlainString(),
                c.forestArea().stripTrailingZeros().toPlainString());
        Incident after = store.find(id.value()).orElseThrow();
        if (regraded) {
            store.timeline(
                    id.value(),
                    now,
                    investigatorChanged ? "REGRADED_INVESTIGATOR" : "REGRADED",
                    actor,
                    null,
                    String.valueOf(before.grade()),
                    String.valueOf(after.grade()),
                    String.valueOf(result.dimension()),
                    String.valueOf(before.investigator()),
                    String.valueOf(after.investigator()));
            replan(after, type, now);
        }
        audit.record("update-casualties", "incident.incident", id.toString(), after.divisionPath(), before, after);
        events.publishEvent(new CasualtiesUpdated(id, c, inside, after.divisionPath(), after.drill()));
        if (regraded) {
            events.publishEvent(new IncidentGraded(
                    id,
                    before.grade(),
                    after.grade(),
                    result.dimension(),
                    investigatorChanged,
                    after.divisionPath(),
                    after.drill(),
                    now));
        }
        return new CasualtyUpdateResult(after, inside, regraded, before.grade(), investigatorChanged);
    }

    // ---- reporting -------------------------------------------------------------------------------------

    /** When each level of the chain received the event: the unit at occurrence, then intake and reports. */
    static Map<ReportingLevel, Instant> reached(Incident i, List<Report> reports) {
        Map<ReportingLevel, Instant> out = reached(i.occurredAt(), i.receivedLevel(), i.reportedAt());
        for (Report r : reports) {
            for (Recipient to : r.recipients()) {
                ReportingLevel level = to.reaches();
                if (level != null) {
                    out.merge(level, r.sentAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return out;
    }

    /** Before any report: the unit at occurrence and the level that took the event in. */
    static Map<ReportingLevel, Instant> reached(Instant occurredAt, ReportingLevel received, Instant reportedAt) {
        Map<ReportingLevel, Instant> out = new EnumMap<>(ReportingLevel.class);
        out.put(ReportingLevel.UNIT, occurredAt);
        out.put(received, reportedAt);
        return out;
    }

    private void replan(Incident i, EventType type, @Nullable Instant gradeChangedAt) {
        List<ReportingRule> rules = reference.rules(type.reportingChain());
        List<Obligation> existing = store.obligations(i.id().value());
        Map<ReportingLevel, Instant> reached = reached(i, store.reports(i.id().value()));
        ReportingPlanner.Plan plan =
                ReportingPlanner.plan(rules, i.grade(), reached, existing, gradeChangedAt, clock.zone());
        Instant now = clock.now();
        store.upsertObligations(i.id().value(), plan.add(), i.divisionPath(), i.drill());
        for (Obligation o : plan.waive()) {
            store.waive(o.id(), now);
            store.timeline(
                    i.id().value(),
                    now,
                    "OBLIGATION_WAIVED",
                    roles.actor(),
                    o.id().toString(),
                    o.fromLevel().name(),
                    o.recipient().name());
        }
    }

    @Override
    @Transactional
    public Report fileReport(IncidentId id, NewReport r) {
        Incident incident = store.lock(id.value()).orElseThrow(() -> new NotFoundException("incident", id));
        roles.requireWrite(incident.divisionPath(), id);
        Instant now = clock.now();
        List<FieldError> errors = new ArrayList<>();
        if (r.kind() == null) {
            errors.add(new FieldError("kind", "incident.error.required"));
        }
        if (r.fromLevel() == null) {
            errors.add(new FieldError("fromLevel", "incident.error.required"));
        }
        if (r.recipients().isEmpty()) {
            errors.add(new FieldError("recipients", "incident.error.recipients"));
        } else if (r.fromLevel() != null) {
            for (Recipient to : r.recipients()) {
                if (to == null || (to.reaches() != null && to.reaches().compareTo(r.fromLevel()) <= 0)) {
                    errors.add(new FieldError("recipients", "incident.error.recipientLevel", String.valueOf(to)));
                }
            }
        }
        content(errors, "unitOverview", r.unitOverview());
        content(errors, "timePlace", r.timePlace());
        content(errors, "course", r.course());
        content(errors, "casualtiesText", r.casualtiesText());
        content(errors, "measures", r.measures());
        content(errors, "other", r.other());
        Instant sentAt = r.sentAt() == null ? now.truncatedTo(ChronoUnit.SECONDS) : r.sentAt();
        if (sentAt.isAfter(now.plus(SKEW))) {
            errors.add(new FieldError("sentAt", "incident.error.future"));
        } else if (sentAt.isBefore(incident.occurredAt())) {
            errors.add(new FieldError("sentAt", "incident.error.beforeOccurred"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("incident.error.report", errors);
        }
        String actor = roles.actor();
        Casualties c = incident.casualties();
        Report report = new Report(
                Uuids.timeOrdered(),
                id,
                r.kind(),
                r.fromLevel(),
                List.copyOf(new java.util.LinkedHashSet<>(r.recipients())),
                sentAt,
                r.unitOverview().trim(),
                r.timePlace().trim(),
                r.course().trim(),
                r.casualtiesText().trim(),
                r.measures().trim(),
                r.other().trim(),
                incident.grade(),
                c.deaths(),
                c.missing(),
                c.seriouslyInjured(),
                c.directLoss(),
                actor);
        store.insertReport(report, incident.divisionPath());
        List<String> met = new ArrayList<>();
        for (Recipient to : report.recipients()) {
            if (store.meet(id.value(), r.fromLevel(), to, sentAt, report.id())) {
                met.add(to.name());
            }
        }
        store.timeline(
                id.value(),
                sentAt,
                "REPORT",
                actor,
                report.id().toString(),
                report.kind().name(),
                report.fromLevel().name(),
                String.join(",", report.recipients().stream().map(Enum::name).toList()));
        replan(incident, reference.eventType(incident.typeCode()).orElseThrow(), null);
        audit.record("file-report", "incident.report", report.id().toString(), incident.divisionPath(), null, report);
        events.publishEvent(new IncidentReportFiled(
                id,
                report.id(),
                report.kind(),
                report.fromLevel(),
                report.recipients(),
                incident.divisionPath(),
                incident.drill()));
        return report;
    }

    private static void content(List<FieldError> errors, String field, @Nullable String value) {
        if (blank(value)) {
            errors.add(new FieldError(field, "incident.error.reportContent." + field));
        } else if (value.length() > 20000) {
            errors.add(new FieldError(field, "incident.error.tooLong", 20000));
        }
    }

    @Override
    @Transactional
    public int flagOverdue(Instant now) {
        List<Obligation> flagged = store.flagOverdue(now);
        for (Obligation o : flagged) {
            Incident i = store.find(o.incidentId().value()).orElseThrow();
            store.timeline(
                    i.id().value(),
                    o.dueAt(),
                    "OVERDUE",
                    "system",
                    o.id().toString(),
                    o.fromLevel().name(),
                    o.recipient().name());
            audit.record("flag-overdue", "incident.obligation", o.id().toString(), i.divisionPath(), null, o);
            events.publishEvent(new ReportingOverdue(
                    i.id(), o.id(), o.fromLevel(), o.recipient(), o.dueAt(), i.divisionPath(), i.drill()));
        }
        return flagged.size();
    }

    // ---- instructions --------------------------------------------------------------------------------

    @Override
    @Transactional
    public Instruction addInstruction(IncidentId id, NewInstruction n) {
        Incident incident = store.lock(id.value()).orElseThrow(() -> new NotFoundException("incident", id));
        roles.requireWrite(incident.divisionPath(), id);
        Instant now = clock.now();
        List<FieldError> errors = new ArrayList<>();
        required(errors, "authorName", n.authorName(), 100);
        required(errors, "text", n.text(), 5000);
        required(errors, "addressee", n.addressee(), 200);
        length(errors, "authorTitle", n.authorTitle(), 100);
        length(errors, "addresseeUser", n.addresseeUser(), 64);
        if (n.issuedAt() != null && n.issuedAt().isAfter(now.plus(SKEW))) {
            errors.add(new FieldError("issuedAt", "incident.error.future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        String actor = roles.actor();
        Instruction instruction = new Instruction(
                Uuids.timeOrdered(),
                id,
                n.authorName().trim(),
                trimToNull(n.authorTitle()),
                n.text().trim(),
                n.issuedAt() == null ? now.truncatedTo(ChronoUnit.SECONDS) : n.issuedAt(),
                n.addressee().trim(),
                trimToNull(n.addresseeUser()) == null
                        ? null
                        : n.addresseeUser().trim().toLowerCase(Locale.ROOT),
                null,
                null,
                actor,
                List.of());
        store.insertInstruction(instruction, incident.divisionPath());
        store.timeline(
                id.value(),
                instruction.issuedAt(),
                "INSTRUCTION",
                actor,
                instruction.id().toString(),
                instruction.authorName(),
                instruction.authorTitle() == null ? "" : instruction.authorTitle(),
                instruction.addressee(),
                instruction.text());
        audit.record(
                "add-instruction",
                "incident.instruction",
                instruction.id().toString(),
                incident.divisionPath(),
                null,
                instruction);
        events.publishEvent(
                new InstructionIssued(id, instruction.id(), instruction.addresseeUser(), incident.divisionPath()));
        return instruction;
    }

    private Instruction instruction(Incident incident, UUID instructionId) {
        return store.instructions(incident.id().value()).stream()
                .filter(i -> i.id().equals(instructionId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("instruction", instructionId));
    }

    /** The addressed user may act on their instruction with view rights; everyone else needs write rights. */
    private void requireInstructionAccess(Incident incident, Instruction instruction, boolean acknowledging) {
        Optional<Account> a = roles.account();
        if (a.isEmpty()) {
            return;
        }
        roles.requireView(incident.divisionPath(), incident.id());
        boolean addressee = instruction.addresseeUser() != null
                && instruction.addresseeUser().equalsIgnoreCase(a.get().username());
        if (addressee) {
            return;
        }
        if (acknowledging && instruction.addresseeUser() != null && !a.get().has(Role.ADMIN)) {
            throw new AccessDeniedException("only the addressee acknowledges");
        }
        roles.requireWrite(incident.divisionPath(), incident.id());
    }

    @Override
    @Transactional
    public Instruction acknowledge(IncidentId id, UUID instructionId) {
        Incident incident = store.lock(id.value()).orElseThrow(() -> new NotFoundException("incident", id));
        roles.requireView(incident.divisionPath(), id);
        Instruction before = instruction(incident, instructionId);
        requireInstructionAccess(incident, before, true);
        String actor = roles.actor();
        Instant now = clock.now();
        if (!store.acknowledge(instructionId, now, actor)) {
            throw new ConflictException("incident.error.alreadyAcknowledged");
        }
        store.timeline(id.value(), now, "ACKNOWLEDGED", actor, instructionId.toString(), before.authorName());
        Instruction after = instruction(incident, instructionId);
        audit.record(
                "acknowledge",
                "incident.instruction",
                instructionId.toString(),
                incident.divisionPath(),
                before,
                after);
        return after;
    }

    @Override
    @Transactional
    public Instruction addNote(IncidentId id, UUID instructionId, String text) {
        Incident incident = store.lock(id.value()).orElseThrow(() -> new NotFoundException("incident", id));
        roles.requireView(incident.divisionPath(), id);
        Instruction before = instruction(incident, instructionId);
        requireInstructionAccess(incident, before, false);
        List<FieldError> errors = new ArrayList<>();
        required(errors, "text", text, 5000);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        String actor = roles.actor();
        Instant now = clock.now();
        store.insertNote(instructionId, now, actor, text.trim());
        store.timeline(id.value(), now, "NOTE", actor, instructionId.toString(), text.trim());
        Instruction after = instruction(incident, instructionId);
        audit.record(
                "add-note", "incident.instruction", instructionId.toString(), incident.divisionPath(), before, after);
        return after;
    }

    // ---- attachments, state ------------------------------------------------------------------------

    @Override
    @Transactional
    public Attachment attach(IncidentId id, String filename, @Nullable String contentType, byte[] content) {
        Incident incident = store.lock(id.value()).orElseThrow(() -> new NotFoundException("incident", id));
        roles.requireWrite(incident.divisionPath(), id);
        String name = filename == null
                ? ""
                : filename.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
        if (name.isEmpty() || name.length() > 200) {
            throw InvalidInputException.field("file", "incident.error.filename");
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = ALLOWED_TYPES.get(ext);
        if (type == null) {
            throw InvalidInputException.field("file", "incident.error.fileType", ext);
        }
        if (content == null || content.length == 0) {
            throw InvalidInputException.field("file", "incident.error.fileEmpty");
        }
        if (content.length > maxAttachmentBytes) {
            throw InvalidInputException.field("file", "incident.error.fileSize", maxAttachmentBytes / (1024 * 1024));
        }
        if (!magicMatches(type, content)) {
            throw InvalidInputException.field("file", "incident.error.fileContent", ext);
        }
        if (store.attachments(id.value()).size() >= maxAttachments) {
            throw InvalidInputException.field("file", "incident.error.fileCount", maxAttachments);
        }
        Attachment a = new Attachment(
                Uuids.timeOrdered(), id, name, type, content.length, sha256(content), roles.actor(), clock.now());
        store.insertAttachment(a, content);
        store.timeline(id.value(), a.uploadedAt(), "ATTACHMENT", a.uploadedBy(), a.id().toString(), name);
        audit.record("attach", "incident.attachment", a.id().toString(), incident.divisionPath(), null, a);
        return a;
    }

    /** The leading bytes of images and PDFs must match their type, so a renamed executable is refused. */
    static boolean magicMatches(String type, byte[] b) {
        return switch (type) {
            case "image/jpeg" -> b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
            case "image/png" -> b.length > 8 && b[0] == (byte) 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case "image/gif" -> b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F';
            case "application/pdf" -> b.length > 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
            default -> true;
        };
    }

    private static final Map<IncidentState, Set<IncidentState>> TRANSITIONS = new LinkedHashMap<>(Map.of(
            IncidentState.REPORTED, Set.of(IncidentState.VERIFIED, IncidentState.CLOSED),
            IncidentState.VERIFIED, Set.of(IncidentState.CLOSED),
            IncidentState.CLOSED, Set.of(IncidentState.VERIFIED)));

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void appendTimeline(IncidentId id, String kind, String actor, List<String> args, @Nullable String refId) {
        if (kind.indexOf('.') <= 0) {
            throw new IllegalArgumentException("foreign timeline kinds are <module>.<KIND>: " + kind);
        }
        store.find(id.value()).orElseThrow(() -> new NotFoundException("incident", id));
        store.timeline(id.value(), clock.now(), kind, actor, refId, args.toArray());
    }

    @Override
    @Transactional
    public Incident changeState(IncidentId id, IncidentState state) {
        Incident before = store.lock(id.value()).orElseThrow(() -> new NotFoundException("incident", id));
        roles.requireWrite(before.divisionPath(), id);
        if (state == null || !TRANSITIONS.get(before.state()).contains(state)) {
            throw new ConflictException("incident.error.transition", before.state(), String.valueOf(state));
        }
        store.updateState(id.value(), state);
        Instant now = clock.now();
        store.timeline(
                id.value(), now, "STATE", roles.actor(), null, before.state().name(), state.name());
        Incident after = store.find(id.value()).orElseThrow();
        audit.record("change-state", "incident.incident", id.toString(), after.divisionPath(), before, after);
        return after;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static void required(List<FieldError> errors, String field, @Nullable String value, int max) {
        if (blank(value)) {
            errors.add(new FieldError(field, "incident.error.required"));
        } else {
            length(errors, field, value, max);
        }
    }

    private static void length(List<FieldError> errors, String field, @Nullable String value, int max) {
        if (value != null && value.trim().length() > max) {
            errors.add(new FieldError(field, "incident.error.tooLong", max));
        }
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String trimToNull(@Nullable String s) {
        return blank(s) ? null : s.trim();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
