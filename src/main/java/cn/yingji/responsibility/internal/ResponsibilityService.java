package cn.yingji.responsibility.internal;

import cn.yingji.directory.ChannelType;
import cn.yingji.directory.ContactChannel;
import cn.yingji.directory.Directory;
import cn.yingji.directory.Holding;
import cn.yingji.directory.HoldingKind;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.Position;
import cn.yingji.directory.PositionId;
import cn.yingji.geo.Division;
import cn.yingji.geo.Divisions;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import cn.yingji.responsibility.ChiefAssignment;
import cn.yingji.responsibility.DutyList;
import cn.yingji.responsibility.DutyListId;
import cn.yingji.responsibility.NewDutyList;
import cn.yingji.responsibility.Responsibilities;
import cn.yingji.responsibility.ResponsibilityManagement;
import cn.yingji.responsibility.SupervisionRule;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.ForbiddenException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Duty and work lists, the supervision matrix, chiefs and 包保 persons. */
@Service
class ResponsibilityService implements Responsibilities, ResponsibilityManagement {

    static final Set<Role> DRAFTERS =
            Set.of(Role.ADMIN, Role.DUTY_OFFICER, Role.COMMANDER, Role.DISTRICT_OFFICER, Role.TOWNSHIP_OFFICER);
    static final Set<Role> PUBLISHERS = Set.of(Role.ADMIN, Role.DUTY_OFFICER, Role.COMMANDER, Role.DISTRICT_OFFICER);
    private static final int MAX_TEXT = 2_000;

    private final JdbcResponsibilityStore store;
    private final CurrentUser currentUser;
    private final Directory directory;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final ZoneId zone;
    private final MonthDay checkDeadline;
    private final int evidenceMaxBytes;
    private final int remindDaysBefore;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private volatile Clock clock = Clock.systemUTC();

    ResponsibilityService(
            JdbcResponsibilityStore store,
            CurrentUser currentUser,
            Directory directory,
            Divisions divisions,
            AuditTrail audit,
            @Value("${yingji.zone:Asia/Shanghai}") String zone,
            @Value("${yingji.responsibility.contact-check-deadline:--04-20}") String checkDeadline,
            @Value("${yingji.responsibility.evidence-max-bytes:10485760}") int evidenceMaxBytes,
            @Value("${yingji.responsibility.remind-days-before:30}") int remindDaysBefore,
            org.springframework.context.ApplicationEventPublisher events,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.remindDaysBefore = remindDaysBefore;
        this.events = events;
        this.jdbc = jdbc;
        this.store = store;
        this.currentUser = currentUser;
        this.directory = directory;
        this.divisions = divisions;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
        this.checkDeadline = MonthDay.parse(checkDeadline);
        this.evidenceMaxBytes = evidenceMaxBytes;
    }

    void use(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    MonthDay checkDeadline() {
        return checkDeadline;
    }

    private @Nullable List<String> patterns() {
        return currentUser.get().map(a -> a.jurisdiction().viewPatterns()).orElse(null);
    }

    private String actor() {
        return currentUser.get().map(Account::username).orElse("system");
    }

    private void requireRole(Set<Role> roles, String path, Object id) {
        Optional<Account> a = currentUser.get();
        if (a.isEmpty()) {
            return;
        }
        currentUser.requireCapture(path, "list", id);
        if (roles.stream().noneMatch(a.get()::has)) {
            throw new AccessDeniedException("role");
        }
    }

    // ---- lists: reads -------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<DutyList> lists(@Nullable PositionId position, DutyList.@Nullable State state) {
        return store.latest(patterns(), position == null ? null : position.value(), state);
    }

    @Override
    @Transactional(readOnly = true)
    public DutyList list(DutyListId id) {
        DutyList l = store.list(id.value()).orElseThrow(() -> new NotFoundException("list", id));
        if (currentUser.get().isPresent() && !visibleToHolder(l)) {
            currentUser.requireView(l.divisionPath(), "list", id);
        }
        return l;
    }

    /** A holder sees the lists of their position even when their view scope is narrower than its division. */
    private boolean visibleToHolder(DutyList l) {
        return l.state() == DutyList.State.PUBLISHED
                && heldPositions().contains(l.positionId().value());
    }

    @Override
    @Transactional(readOnly = true)
    public List<DutyList> versions(DutyListId id) {
        return store.versions(list(id).lineageId());
    }

    @Override
    @Transactional(readOnly = true)
    public List<DutyList> mine() {
        return store.publishedFor(heldPositions());
    }

    private List<UUID> heldPositions() {
        UUID person = currentUser.get().map(Account::personId).orElse(null);
        if (person == null) {
            return List.of();
        }
        Instant now = now();
        return directory.holdingsOf(new PersonId(person)).stream()
                .filter(h -> h.currentAt(now))
                .map(h -> h.position().value())
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Evidence evidence(DutyListId id, UUID item) {
        list(id);
        return store.evidence(id.value(), item).orElseThrow(() -> new NotFoundException("evidence", item));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> itemCounts(LocalDate today) {
        return store.itemCounts(patterns(), today);
    }

    // ---- lists: writes ------------------------------------------------------------------------------

    @Override
    @Transactional
    public DutyList draft(NewDutyList in) {
        Position position = requirePosition(in == null ? null : in.positionId());
        requireRole(DRAFTERS, position.divisionPath(), position.id());
        Validated v = validate(in);
        UUID id = UUID.randomUUID();
        store.insertList(
                id,
                UUID.randomUUID(),
                1,
                v.kind(),
                position.id().value(),
                position.name(),
                position.divisionPath(),
                v.title(),
                v.basis(),
                actor(),
                now(),
                v.items());
        DutyList saved = store.list(id).orElseThrow();
        audit.record("draft", "responsibility.list", id.toString(), saved.divisionPath(), null, saved);
        return saved;
    }

    @Override
    @Transactional
    public DutyList updateDraft(DutyListId id, NewDutyList in, int expectedVersion) {
        DutyList before = lockVisible(id);
        requireRole(DRAFTERS, before.divisionPath(), id);
        if (before.state() != DutyList.State.DRAFT) {
            throw new ConflictException("responsibility.error.notDraft");
        }
        if (before.version() != expectedVersion) {
            throw new ConflictException("responsibility.error.stale");
        }
        if (in != null
                && in.positionId() != null
                && !in.positionId().equals(before.positionId().value())) {
            throw InvalidInputException.field("positionId", "responsibility.error.positionFixed");
        }
        Validated v = validate(in);
        store.replaceDraft(id.value(), v.title(), v.basis(), v.kind(), v.items());
        DutyList after = store.list(id.value()).orElseThrow();
        audit.record("update-draft", "responsibility.list", id.toString(), after.divisionPath(), before, after);
        return after;
    }

    @Override
    @Transactional
    public DutyList publish(DutyListId id) {
        DutyList before = lockVisible(id);
        requireRole(PUBLISHERS, before.divisionPath(), id);
        if (before.state() != DutyList.State.DRAFT) {
            throw new ConflictException("responsibility.error.notDraft");
        }
        store.publish(id.value(), before.lineageId(), actor(), now());
        DutyList after = store.list(id.value()).orElseThrow();
        audit.record("publish", "responsibility.list", id.toString(), after.divisionPath(), before, after);
        return after;
    }

    @Override
    @Transactional
    public DutyList revise(DutyListId id) {
        DutyList from = lockVisible(id);
        requireRole(DRAFTERS, from.divisionPath(), id);
        if (store.hasDraft(from.lineageId())) {
            throw new ConflictException("responsibility.error.draftExists");
        }
        UUID newId = UUID.randomUUID();
        Position position = directory.findPosition(from.positionId()).orElse(null);
        store.insertList(
                newId,
                from.lineageId(),
                store.nextVersionNo(from.lineageId()),
                from.kind(),
                from.positionId().value(),
                position == null ? from.positionName() : position.name(),
                from.divisionPath(),
                from.title(),
                from.basis(),
                actor(),
                now(),
                from.items().stream()
                        .map(i -> new JdbcResponsibilityStore.ItemDraft(
                                i.principle(), i.content(), i.dueOn(), i.evidenceRequired()))
                        .toList());
        DutyList draft = store.list(newId).orElseThrow();
        audit.record("revise", "responsibility.list", newId.toString(), draft.divisionPath(), from, draft);
        return draft;
    }

    @Override
    @Transactional
    public DutyList complete(
            DutyListId id,
            UUID itemId,
            @Nullable String note,
            @Nullable String evidenceName,
            @Nullable String evidenceType,
            byte @Nullable [] evidence) {
        DutyList before = store.lock(id.value()).orElseThrow(() -> new NotFoundException("list", id));
        if (!visibleToHolder(before)) {
            if (currentUser.get().isPresent()) {
                currentUser.requireView(before.divisionPath(), "list", id);
            }
            throw new ForbiddenException("responsibility.error.notHolder", before.positionName());
        }
        if (before.state() != DutyList.State.PUBLISHED) {
            throw new ConflictException("responsibility.error.notPublished");
        }
        DutyList.Item item = before.items().stream()
                .filter(i -> i.id().equals(itemId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("item", itemId));
        if (item.done()) {
            throw new ConflictException("responsibility.error.alreadyDone");
        }
        List<FieldError> errors = new ArrayList<>();
        String text = trim(note);
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError("note", "responsibility.error.tooLong", MAX_TEXT));
        }
        String type = null;
        boolean hasFile = evidence != null && evidence.length > 0;
        if (hasFile) {
            if (evidence.length > evidenceMaxBytes) {
                errors.add(new FieldError(
                        "evidence", "responsibility.error.evidenceTooLarge", evidenceMaxBytes / 1024 / 1024));
            } else {
                type = cn.yingji.shared.FileTypes.evidence(evidence);
                if (type == null) {
                    errors.add(new FieldError("evidence", "responsibility.error.evidenceType"));
                }
            }
        } else if (item.evidenceRequired()) {
            errors.add(new FieldError("evidence", "responsibility.error.evidenceRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        String name = hasFile
                ? (trim(evidenceName) == null ? "evidence" : trim(evidenceName).replaceAll("[\\\\/\\r\\n\"]", "_"))
                : null;
        store.completeItem(itemId, actor(), now(), text, name, type, hasFile ? evidence : null);
        DutyList after = store.list(id.value()).orElseThrow();
        audit.record(
                "complete-item",
                "responsibility.list",
                id.toString(),
                after.divisionPath(),
                item,
                after.items().stream()
                        .filter(i -> i.id().equals(itemId))
                        .findFirst()
                        .orElseThrow());
        return after;
    }

    private DutyList lockVisible(DutyListId id) {
        DutyList l = store.lock(id.value()).orElseThrow(() -> new NotFoundException("list", id));
        if (currentUser.get().isPresent()) {
            currentUser.requireView(l.divisionPath(), "list", id);
        }
        return l;
    }

    /** The position named by the id; a person's id or an unknown one is refused with a clear message. */
    private Position requirePosition(@Nullable UUID id) {
        if (id == null) {
            throw InvalidInputException.field("positionId", "responsibility.error.positionRequired");
        }
        Optional<Position> p = directory.findPosition(new PositionId(id));
        if (p.isPresent()) {
            return p.get();
        }
        if (directory.findPerson(new PersonId(id)).isPresent()) {
            throw InvalidInputException.field("positionId", "responsibility.error.personNotPosition");
        }
        throw InvalidInputException.field("positionId", "responsibility.error.unknownPosition");
    }

    private record Validated(
            DutyList.Kind kind, String title, @Nullable String basis, List<JdbcResponsibilityStore.ItemDraft> items) {}

    private Validated validate(@Nullable NewDutyList in) {
        List<FieldError> errors = new ArrayList<>();
        String title = trim(in == null ? null : in.title());
        if (title == null) {
            errors.add(new FieldError("title", "responsibility.error.required"));
        } else if (title.length() > 200) {
            errors.add(new FieldError("title", "responsibility.error.tooLong", 200));
        }
        DutyList.Kind kind = in == null || in.kind() == null ? DutyList.Kind.DUTY : in.kind();
        List<JdbcResponsibilityStore.ItemDraft> items = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now(), zone);
        int row = 0;
        for (NewDutyList.NewItem i : in == null || in.items() == null ? List.<NewDutyList.NewItem>of() : in.items()) {
            row++;
            if (i == null) {
                continue;
            }
            String content = trim(i.content());
            if (content == null) {
                errors.add(new FieldError("items", "responsibility.error.itemContent", row));
                continue;
            }
            if (content.length() > MAX_TEXT) {
                errors.add(new FieldError("items", "responsibility.error.tooLong", MAX_TEXT));
                continue;
            }
            if (i.dueOn() != null && i.dueOn().isBefore(today)) {
                errors.add(new FieldError("items", "responsibility.error.dueInPast", row));
                continue;
            }
            items.add(new JdbcResponsibilityStore.ItemDraft(
                    i.principle() == null ? DutyList.Principle.OTHER : i.principle(),
                    content,
                    i.dueOn(),
                    Boolean.TRUE.equals(i.evidenceRequired())));
        }
        if (items.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("items", "responsibility.error.noItems"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        return new Validated(kind, title, trim(in.basis()), items);
    }

    // ---- supervision --------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<SupervisionRule> supervision() {
        return store.supervision(null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SupervisionRule> supervisorsOf(String industry) {
        return store.supervision(industry);
    }

    private void requireAdmin() {
        currentUser.get().ifPresent(a -> {
            if (!a.has(Role.ADMIN)) {
                throw new AccessDeniedException("configuration needs ADMIN");
            }
        });
    }

    @Override
    @Transactional
    public SupervisionRule saveSupervision(
            @Nullable UUID id,
            @Nullable String industry,
            @Nullable String department,
            SupervisionRule.@Nullable Ground ground,
            @Nullable String note) {
        requireAdmin();
        List<FieldError> errors = new ArrayList<>();
        String ind = trim(industry);
        String dep = trim(department);
        if (ind == null || !ind.matches("[A-Z][A-Z0-9_]{1,63}")) {
            errors.add(new FieldError("industry", "responsibility.error.industryCode"));
        }
        if (dep == null) {
            errors.add(new FieldError("department", "responsibility.error.required"));
        }
        if (ground == null) {
            errors.add(new FieldError("ground", "responsibility.error.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        SupervisionRule before =
                id == null ? null : store.supervisionRule(id).orElseThrow(() -> new NotFoundException("rule", id));
        UUID rid = id == null ? UUID.randomUUID() : id;
        try {
            store.upsertSupervision(rid, ind, dep, ground, trim(note), actor(), now());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("responsibility.error.duplicateRule", ind, dep);
        }
        SupervisionRule after = store.supervisionRule(rid).orElseThrow();
        audit.record(
                before == null ? "create" : "update",
                "responsibility.supervision",
                rid.toString(),
                null,
                before,
                after);
        return after;
    }

    @Override
    @Transactional
    public void deleteSupervision(UUID id) {
        requireAdmin();
        SupervisionRule before = store.supervisionRule(id).orElseThrow(() -> new NotFoundException("rule", id));
        store.deleteSupervision(id);
        audit.record("delete", "responsibility.supervision", id.toString(), null, before, null);
    }

    // ---- chiefs and 包保 ----------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<ChiefAssignment> assignments(ChiefAssignment.@Nullable Kind kind) {
        return store.assignments(patterns(), kind).stream().map(this::view).toList();
    }

    private ChiefAssignment view(JdbcResponsibilityStore.AssignmentRow r) {
        Holding holder = primaryHolder(new PositionId(r.position()));
        String phone = holder == null ? null : phoneOf(holder.person());
        return new ChiefAssignment(
                r.id(),
                r.kind(),
                r.objectKind(),
                r.objectName(),
                r.path(),
                new PositionId(r.position()),
                r.positionName(),
                holder == null ? null : holder.personName(),
                phone,
                r.verifiedAt(),
                r.verifiedBy(),
                r.verifiedPhone());
    }

    private @Nullable Holding primaryHolder(PositionId position) {
        Instant now = now();
        return directory.currentHolders(position).stream()
                .filter(h -> h.currentAt(now))
                .filter(h -> h.kind() == HoldingKind.PRIMARY)
                .findFirst()
                .orElse(null);
    }

    private @Nullable String phoneOf(PersonId person) {
        return directory.contactChannels(person).stream()
                .filter(c -> c.type() == ChannelType.MOBILE || c.type() == ChannelType.LANDLINE)
                .map(ContactChannel::value)
                .findFirst()
                .orElse(null);
    }

    /** This year's deadline of the contact check. */
    LocalDate deadline(Instant now) {
        return checkDeadline.atYear(LocalDate.ofInstant(now, zone).getYear());
    }

    /**
     * Reminds every district with missing contacts, once a day, from {@code remind-days-before} days before the
     * deadline on (overdue after it). Runs as the system.
     *
     * @return reminders sent
     */
    @Transactional
    public int remind(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate deadline = deadline(now);
        if (today.isBefore(deadline.minusDays(remindDaysBefore))) {
            return 0;
        }
        int sent = 0;
        for (ContactBoardRow row : contactBoard(now)) {
            long missing = row.total() - row.current();
            if (missing == 0) {
                continue;
            }
            int n = jdbc.sql("""
                            insert into responsibility.reminders (id, district_path, year, sent_on, missing, deadline, overdue)
                            values (:id, :p, :y, :d, :m, :dl, :o) on conflict (district_path, sent_on) do nothing
                            """)
                    .param("id", UUID.randomUUID())
                    .param("p", row.divisionPath())
                    .param("y", today.getYear())
                    .param("d", java.sql.Date.valueOf(today))
                    .param("m", missing)
                    .param("dl", java.sql.Date.valueOf(deadline))
                    .param("o", today.isAfter(deadline))
                    .update();
            if (n > 0) {
                sent++;
                events.publishEvent(new cn.yingji.responsibility.ContactCheckReminder(
                        row.divisionPath(), missing, deadline, today.isAfter(deadline)));
            }
        }
        return sent;
    }

    /** Reminders sent this year per district path: count and the latest day. */
    Map<String, String> reminderSummary(Instant now) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select district_path, count(*) as n, max(sent_on) as last from responsibility.reminders
                        where year = :y group by district_path
                        """).param("y", LocalDate.ofInstant(now, zone).getYear()).query(rs -> {
            out.put(rs.getString("district_path"), rs.getLong("n") + " / " + rs.getDate("last"));
        });
        return out;
    }

    /** Start of this year's check: verifications from 1 January of the year whose deadline is next or just passed. */
    Instant checkSeasonStart(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return LocalDate.of(today.getYear(), 1, 1).atStartOfDay(zone).toInstant();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactBoardRow> contactBoard(Instant now) {
        Instant season = checkSeasonStart(now);
        Map<String, List<ChiefAssignment>> byDistrict = new LinkedHashMap<>();
        for (ChiefAssignment a : assignments(null)) {
            byDistrict
                    .computeIfAbsent(district(a.divisionPath()), k -> new ArrayList<>())
                    .add(a);
        }
        List<ContactBoardRow> rows = new ArrayList<>();
        for (var e : byDistrict.entrySet()) {
            List<ChiefAssignment> missing =
                    e.getValue().stream().filter(a -> !current(a, season)).toList();
            String name = divisions.byPath(e.getKey()).map(Division::name).orElse(e.getKey());
            rows.add(new ContactBoardRow(
                    e.getKey(), name, e.getValue().size(), e.getValue().size() - missing.size(), missing));
        }
        return rows;
    }

    /**
     * Current and verified: someone holds the position now, has a phone, and the contact was confirmed this season
     * on that same phone (a new holder or a changed number needs a new check).
     */
    static boolean current(ChiefAssignment a, Instant seasonStart) {
        return a.holderName() != null
                && a.holderPhone() != null
                && a.verifiedAt() != null
                && !a.verifiedAt().isBefore(seasonStart)
                && a.holderPhone().equals(a.verifiedPhone());
    }

    /** The county-level part of a path ({@code /city/district/}); the city itself for city-level rows. */
    static String district(String path) {
        String[] parts = path.split("/");
        if (parts.length >= 3) {
            return "/" + parts[1] + "/" + parts[2] + "/";
        }
        return path;
    }

    @Override
    @Transactional
    public ChiefAssignment assign(
            ChiefAssignment.@Nullable Kind kind,
            ChiefAssignment.@Nullable ObjectKind objectKind,
            @Nullable String objectName,
            @Nullable PositionId position) {
        Position p = requirePosition(position == null ? null : position.value());
        requireRole(DRAFTERS, p.divisionPath(), p.id());
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) {
            errors.add(new FieldError("kind", "responsibility.error.required"));
        }
        ChiefAssignment.ObjectKind ok = objectKind == null ? ChiefAssignment.ObjectKind.DIVISION : objectKind;
        String name = trim(objectName);
        if (name == null) {
            name = ok == ChiefAssignment.ObjectKind.DIVISION
                    ? divisions.byPath(p.divisionPath()).map(Division::name).orElse(p.name())
                    : null;
        }
        if (name == null) {
            errors.add(new FieldError("objectName", "responsibility.error.required"));
        }
        if (kind == ChiefAssignment.Kind.BAOBAO && ok == ChiefAssignment.ObjectKind.DIVISION) {
            errors.add(new FieldError("objectKind", "responsibility.error.baobaoNeedsPlace"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        UUID id = UUID.randomUUID();
        store.insertAssignment(
                new JdbcResponsibilityStore.AssignmentRow(
                        id, kind, ok, name, p.divisionPath(), p.id().value(), p.name(), null, null, null),
                actor(),
                now());
        ChiefAssignment saved = view(store.assignment(id).orElseThrow());
        audit.record("assign", "responsibility.assignment", id.toString(), saved.divisionPath(), null, saved);
        return saved;
    }

    @Override
    @Transactional
    public ChiefAssignment verifyContact(UUID id) {
        JdbcResponsibilityStore.AssignmentRow row =
                store.assignment(id).orElseThrow(() -> new NotFoundException("assignment", id));
        requireRole(DRAFTERS, row.path(), id);
        ChiefAssignment before = view(row);
        if (before.holderName() == null) {
            throw new ConflictException("responsibility.error.vacant", before.positionName());
        }
        if (before.holderPhone() == null) {
            throw new ConflictException("responsibility.error.noPhone", before.holderName());
        }
        store.verify(id, actor(), now(), before.holderPhone());
        ChiefAssignment after = view(store.assignment(id).orElseThrow());
        audit.record("verify-contact", "responsibility.assignment", id.toString(), after.divisionPath(), before, after);
        return after;
    }

    static @Nullable String trim(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
