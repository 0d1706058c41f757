package cn.yingji.directory.internal;

import cn.yingji.directory.AssignHolder;
import cn.yingji.directory.ContactChannel;
import cn.yingji.directory.ContactValues;
import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.HandoverNote;
import cn.yingji.directory.HandoverNoteId;
import cn.yingji.directory.Holding;
import cn.yingji.directory.HoldingId;
import cn.yingji.directory.HoldingKind;
import cn.yingji.directory.NewContactChannel;
import cn.yingji.directory.NewHandoverNote;
import cn.yingji.directory.NewOrganisation;
import cn.yingji.directory.NewPerson;
import cn.yingji.directory.NewPosition;
import cn.yingji.directory.NewShift;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationFilter;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.Person;
import cn.yingji.directory.PersonFilter;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.Position;
import cn.yingji.directory.PositionFilter;
import cn.yingji.directory.PositionId;
import cn.yingji.directory.PositionKinds;
import cn.yingji.directory.Shift;
import cn.yingji.directory.ShiftId;
import cn.yingji.directory.SocialCreditCode;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory's application service: validation, jurisdiction, optimistic locking and audit around the store. */
@Service
class DirectoryService implements Directory, DirectoryManagement {

    static final Pattern DIVISION_PATH = Pattern.compile("(/[0-9A-Za-z_-]{1,40})+/");
    static final Duration MAX_SHIFT = Duration.ofDays(7);

    private final JdbcDirectoryStore store;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    DirectoryService(JdbcDirectoryStore store, CurrentUser currentUser, AuditTrail audit) {
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    // ---- scope -------------------------------------------------------------------------------------------------

    private List<String> scope() {
        return currentUser.get().isPresent()
                ? currentUser.jurisdiction().viewPatterns()
                : JdbcDirectoryStore.EVERYTHING;
    }

    private void requireCapture(String path, String what, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(path, what, id);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<Organisation> findOrganisation(OrganisationId id) {
        return store.organisation(id.value(), scope());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Organisation> findOrganisationByCreditCode(String creditCode) {
        if (creditCode == null || creditCode.isBlank()) {
            return Optional.empty();
        }
        return store.organisationByCreditCode(creditCode.trim().toUpperCase(java.util.Locale.ROOT), scope());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Organisation> organisations(OrganisationFilter filter, PageQuery page) {
        return store.organisations(filter, page, scope());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Person> findPerson(PersonId id) {
        return store.person(id.value(), scope());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Person> persons(PersonFilter filter, PageQuery page) {
        return store.persons(filter, page, scope());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactChannel> contactChannels(PersonId person) {
        return findPerson(person).map(Person::channels).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<PersonId, List<ContactChannel>> contactChannels(java.util.Collection<PersonId> persons) {
        java.util.Map<PersonId, List<ContactChannel>> out = new java.util.HashMap<>();
        if (persons.isEmpty()) {
            return out;
        }
        store.channelsOf(persons.stream().map(PersonId::value).distinct().toList(), scope())
                .forEach((id, cs) -> out.put(new PersonId(id), cs));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Position> findPosition(PositionId id) {
        return store.position(id.value(), scope());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Position> positions(PositionFilter filter, PageQuery page) {
        return store.positions(filter, page, scope(), now());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Position> positionsAt(String divisionPath, String kind) {
        return store.positionsAt(divisionPath, kind, scope());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Holding> currentHolders(PositionId position) {
        return findPosition(position)
                .map(p -> store.currentHoldings(p.id().value(), now()))
                .orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Holding> holdersAt(String divisionPath, String kind) {
        Instant now = now();
        List<Holding> out = new ArrayList<>();
        for (Position p : store.positionsAt(divisionPath, kind, scope())) {
            out.addAll(store.currentHoldings(p.id().value(), now));
        }
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Holding> holdingHistory(PositionId position) {
        return findPosition(position)
                .map(p -> store.holdingHistory(p.id().value()))
                .orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Holding> holdingsOf(PersonId person) {
        return findPerson(person)
                .map(p -> store.holdingsOfPerson(p.id().value(), now(), scope()))
                .orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> positionKinds() {
        LinkedHashSet<String> kinds = new LinkedHashSet<>(PositionKinds.WELL_KNOWN);
        kinds.addAll(store.kindsInUse(scope()));
        return List.copyOf(kinds);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Shift> findShift(ShiftId id) {
        return store.shift(id.value(), scope());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Shift> shifts(@Nullable String division, Instant from, Instant to) {
        return store.shifts(division, from, to, scope());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Shift> onDutyNow(String divisionPath) {
        return onDutyAt(divisionPath, now());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Shift> onDutyAt(String divisionPath, Instant at) {
        return store.onDutyAt(normalisePath(divisionPath), at, scope());
    }

    @Override
    @Transactional(readOnly = true)
    public List<HandoverNote> handoverNotes(ShiftId shift) {
        return findShift(shift).map(s -> store.notes(s.id().value())).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<HandoverNote> recentHandoverNotes(@Nullable String division, int limit) {
        return store.recentNotes(division, Math.max(1, Math.min(200, limit)), scope());
    }

    // ---- organisations -----------------------------------------------------------------------------------------

    @Override
    @Transactional
    public OrganisationId createOrganisation(NewOrganisation cmd) {
        return createOrganisation(OrganisationId.random(), cmd);
    }

    @Override
    @Transactional
    public OrganisationId createOrganisation(OrganisationId id, NewOrganisation cmd) {
        Organisation o = validOrganisation(id, cmd, 0);
        requireCapture(o.divisionPath(), "organisation", id);
        if (store.exists("organisations", id.value())) {
            throw new ConflictException("directory.error.idTaken", id);
        }
        if (o.creditCode() != null && store.creditCodeTaken(o.creditCode(), null)) {
            throw new ConflictException("directory.error.creditCodeTaken", o.creditCode());
        }
        store.insertOrganisation(o);
        audit.record("create", "directory.organisation", id.toString(), o.divisionPath(), null, o);
        return id;
    }

    @Override
    @Transactional
    public Organisation updateOrganisation(OrganisationId id, int expectedVersion, NewOrganisation cmd) {
        Organisation before =
                store.organisation(id.value(), scope()).orElseThrow(() -> new NotFoundException("organisation", id));
        requireCapture(before.divisionPath(), "organisation", id);
        Organisation o = validOrganisation(id, cmd, expectedVersion + 1);
        requireCapture(o.divisionPath(), "organisation", id);
        if (o.parent() != null && store.wouldCycle(id.value(), o.parent().value())) {
            throw InvalidInputException.field("parent", "directory.error.parentCycle");
        }
        if (o.creditCode() != null && store.creditCodeTaken(o.creditCode(), id.value())) {
            throw new ConflictException("directory.error.creditCodeTaken", o.creditCode());
        }
        if (before.version() != expectedVersion || !store.updateOrganisation(o, expectedVersion)) {
            throw new ConflictException("directory.error.stale");
        }
        audit.record("update", "directory.organisation", id.toString(), o.divisionPath(), before, o);
        return o;
    }

    private Organisation validOrganisation(OrganisationId id, NewOrganisation cmd, int version) {
        Errors errors = new Errors();
        if (cmd.kind() == null) {
            errors.add("kind", "directory.error.required");
        }
        String name = errors.text("name", cmd.name(), 200, true);
        String shortName = errors.text("shortName", cmd.shortName(), 50, false);
        String address = errors.text("address", cmd.address(), 300, false);
        String code = null;
        if (cmd.creditCode() != null && !cmd.creditCode().isBlank()) {
            code = errors.attempt(() -> SocialCreditCode.of(cmd.creditCode()).value());
        } else if (cmd.kind() == OrganisationKind.ENTERPRISE) {
            errors.add("creditCode", "directory.error.creditCode.required");
        }
        Organisation parent = null;
        if (cmd.parent() != null) {
            parent = store.organisation(cmd.parent().value(), scope()).orElse(null);
            if (parent == null) {
                errors.add("parent", "directory.error.unknownOrganisation");
            } else if (parent.id().equals(id)) {
                errors.add("parent", "directory.error.parentCycle");
            }
        }
        String path = errors.path(cmd.divisionPath(), parent == null ? null : parent.divisionPath(), "divisionPath");
        errors.coordinates(cmd.lon(), cmd.lat());
        errors.throwIfAny();
        return new Organisation(
                id, cmd.kind(), name, shortName, code, cmd.parent(), path, address, cmd.lon(), cmd.lat(), version);
    }

    // ---- persons -----------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public PersonId createPerson(NewPerson cmd) {
        return createPerson(PersonId.random(), cmd);
    }

    @Override
    @Transactional
    public PersonId createPerson(PersonId id, NewPerson cmd) {
        Person p = validPerson(id, cmd, 0);
        requireCapture(p.divisionPath(), "person", id);
        if (store.exists("persons", id.value())) {
            throw new ConflictException("directory.error.idTaken", id);
        }
        store.insertPerson(p);
        audit.record("create", "directory.person", id.toString(), p.divisionPath(), null, p);
        return id;
    }

    @Override
    @Transactional
    public Person updatePerson(PersonId id, int expectedVersion, NewPerson cmd) {
        Person before = store.person(id.value(), scope()).orElseThrow(() -> new NotFoundException("person", id));
        requireCapture(before.divisionPath(), "person", id);
        Person p = validPerson(id, cmd, expectedVersion + 1);
        requireCapture(p.divisionPath(), "person", id);
        if (before.version() != expectedVersion || !store.updatePerson(p, expectedVersion)) {
            throw new ConflictException("directory.error.stale");
        }
        audit.record("update", "directory.person", id.toString(), p.divisionPath(), before, p);
        return p;
    }

    private Person validPerson(PersonId id, NewPerson cmd, int version) {
        Errors errors = new Errors();
        String name = errors.text("name", cmd.name(), 100, true);
        String title = errors.text("title", cmd.title(), 100, false);
        Organisation org = null;
        if (cmd.organisation() != null) {
            org = store.organisation(cmd.organisation().value(), scope()).orElse(null);
            if (org == null) {
                errors.add("organisation", "directory.error.unknownOrganisation");
            }
        }
        String path = errors.path(cmd.divisionPath(), org == null ? null : org.divisionPath(), "divisionPath");
        List<ContactChannel> channels = new ArrayList<>();
        if (cmd.channels().size() > 20) {
            errors.add("channels", "directory.error.tooManyChannels", 20);
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        int rank = 1;
        for (int i = 0; i < cmd.channels().size() && i < 20; i++) {
            NewContactChannel c = cmd.channels().get(i);
            String field = "channels[" + i + "]";
            if (c == null || c.type() == null) {
                errors.add(field + ".type", "directory.error.required");
                continue;
            }
            String value = errors.attempt(() -> ContactValues.normalise(c.type(), c.value(), field + ".value"));
            if (value != null && seen.add(c.type() + ":" + value)) {
                channels.add(new ContactChannel(c.type(), value, rank++, c.verified()));
            }
        }
        errors.throwIfAny();
        return new Person(id, name, cmd.gender(), cmd.organisation(), path, title, channels, version);
    }

    // ---- positions ---------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public PositionId createPosition(NewPosition cmd) {
        return createPosition(PositionId.random(), cmd);
    }

    @Override
    @Transactional
    public PositionId createPosition(PositionId id, NewPosition cmd) {
        Position p = validPosition(id, cmd, 0);
        requireCapture(p.divisionPath(), "position", id);
        if (store.exists("positions", id.value())) {
            throw new ConflictException("directory.error.idTaken", id);
        }
        store.insertPosition(p);
        audit.record("create", "directory.position", id.toString(), p.divisionPath(), null, p);
        return id;
    }

    @Override
    @Transactional
    public Position updatePosition(PositionId id, int expectedVersion, NewPosition cmd) {
        Position before = store.position(id.value(), scope()).orElseThrow(() -> new NotFoundException("position", id));
        requireCapture(before.divisionPath(), "position", id);
        Position p = validPosition(id, cmd, expectedVersion + 1);
        requireCapture(p.divisionPath(), "position", id);
        if (before.version() != expectedVersion || !store.updatePosition(p, expectedVersion)) {
            throw new ConflictException("directory.error.stale");
        }
        audit.record("update", "directory.position", id.toString(), p.divisionPath(), before, p);
        return p;
    }

    private Position validPosition(PositionId id, NewPosition cmd, int version) {
        Errors errors = new Errors();
        String name = errors.text("name", cmd.name(), 200, true);
        String kind = cmd.kind() == null ? null : cmd.kind().trim();
        if (kind == null || kind.isEmpty()) {
            errors.add("kind", "directory.error.required");
        } else if (!PositionKinds.isValid(kind)) {
            errors.add("kind", "directory.error.positionKind");
        }
        Organisation org = null;
        if (cmd.organisation() != null) {
            org = store.organisation(cmd.organisation().value(), scope()).orElse(null);
            if (org == null) {
                errors.add("organisation", "directory.error.unknownOrganisation");
            }
        }
        if (cmd.deputy() != null) {
            if (cmd.deputy().equals(id)) {
                errors.add("deputy", "directory.error.deputySelf");
            } else if (store.position(cmd.deputy().value(), scope()).isEmpty()) {
                errors.add("deputy", "directory.error.unknownPosition");
            }
        }
        String path = errors.path(cmd.divisionPath(), org == null ? null : org.divisionPath(), "divisionPath");
        errors.throwIfAny();
        return new Position(id, name, kind, path, cmd.organisation(), cmd.deputy(), version);
    }

    // ---- holdings ----------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public HoldingId assignHolder(AssignHolder cmd) {
        Errors errors = new Errors();
        if (cmd.position() == null) {
            errors.add("position", "directory.error.required");
        }
        if (cmd.person() == null) {
            errors.add("person", "directory.error.required");
        }
        if (cmd.kind() == null) {
            errors.add("kind", "directory.error.required");
        }
        String note = errors.text("note", cmd.note(), 500, false);
        errors.throwIfAny();
        Position position = store.position(cmd.position().value(), scope())
                .orElseThrow(() -> new NotFoundException("position", cmd.position()));
        requireCapture(position.divisionPath(), "position", position.id());
        Person person = store.person(cmd.person().value(), scope()).orElse(null);
        if (person == null) {
            throw InvalidInputException.field("person", "directory.error.unknownPerson");
        }
        Instant from = cmd.from() == null ? now() : cmd.from().truncatedTo(ChronoUnit.MICROS);
        List<Holding> replaced = store.holdingsReachingBeyond(position.id().value(), cmd.kind(), from);
        for (Holding h : replaced) {
            if (!h.from().isBefore(from)) {
                throw new ConflictException("directory.error.holdingOverlap");
            }
        }
        for (Holding h : replaced) {
            store.endHolding(h.id().value(), from);
            audit.record(
                    "vacate",
                    "directory.holding",
                    h.id().toString(),
                    position.divisionPath(),
                    h,
                    new Holding(h.id(), h.position(), h.person(), h.personName(), h.kind(), h.from(), from, h.note()));
        }
        Holding holding = new Holding(
                HoldingId.random(), position.id(), person.id(), person.name(), cmd.kind(), from, null, note);
        store.insertHolding(holding);
        audit.record("assign", "directory.holding", holding.id().toString(), position.divisionPath(), null, holding);
        return holding.id();
    }

    @Override
    @Transactional
    public void vacate(PositionId positionId, HoldingKind kind, @Nullable Instant at) {
        if (kind == null) {
            throw InvalidInputException.field("kind", "directory.error.required");
        }
        Position position = store.position(positionId.value(), scope())
                .orElseThrow(() -> new NotFoundException("position", positionId));
        requireCapture(position.divisionPath(), "position", positionId);
        Instant end = at == null ? now() : at.truncatedTo(ChronoUnit.MICROS);
        List<Holding> open = store.holdingsReachingBeyond(positionId.value(), kind, end).stream()
                .filter(h -> h.from().isBefore(end))
                .toList();
        if (open.isEmpty()) {
            throw new ConflictException("directory.error.notHeld");
        }
        for (Holding h : open) {
            store.endHolding(h.id().value(), end);
            audit.record(
                    "vacate",
                    "directory.holding",
                    h.id().toString(),
                    position.divisionPath(),
                    h,
                    new Holding(h.id(), h.position(), h.person(), h.personName(), h.kind(), h.from(), end, h.note()));
        }
    }

    // ---- roster ------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public ShiftId createShift(NewShift cmd) {
        return createShift(ShiftId.random(), cmd);
    }

    @Override
    @Transactional
    public ShiftId createShift(ShiftId id, NewShift cmd) {
        Errors errors = new Errors();
        if (cmd.role() == null) {
            errors.add("role", "directory.error.required");
        }
        if (cmd.startsAt() == null) {
            errors.add("startsAt", "directory.error.required");
        }
        if (cmd.endsAt() == null) {
            errors.add("endsAt", "directory.error.required");
        }
        if (cmd.startsAt() != null && cmd.endsAt() != null) {
            if (!cmd.endsAt().isAfter(cmd.startsAt())) {
                errors.add("endsAt", "directory.error.shiftOrder");
            } else if (Duration.between(cmd.startsAt(), cmd.endsAt()).compareTo(MAX_SHIFT) > 0) {
                errors.add("endsAt", "directory.error.shiftLength", MAX_SHIFT.toDays());
            }
        }
        String note = errors.text("note", cmd.note(), 500, false);
        Organisation org = null;
        if (cmd.organisation() != null) {
            org = store.organisation(cmd.organisation().value(), scope()).orElse(null);
            if (org == null) {
                errors.add("organisation", "directory.error.unknownOrganisation");
            }
        }
        Person person = null;
        if (cmd.person() == null) {
            errors.add("person", "directory.error.required");
        } else {
            person = store.person(cmd.person().value(), scope()).orElse(null);
            if (person == null) {
                errors.add("person", "directory.error.unknownPerson");
            }
        }
        String path = errors.path(cmd.divisionPath(), org == null ? null : org.divisionPath(), "divisionPath");
        errors.throwIfAny();
        requireCapture(path, "shift", id);
        if (store.exists("shifts", id.value())) {
            throw new ConflictException("directory.error.idTaken", id);
        }
        Shift shift = new Shift(
                id,
                path,
                cmd.organisation(),
                cmd.startsAt().truncatedTo(ChronoUnit.MICROS),
                cmd.endsAt().truncatedTo(ChronoUnit.MICROS),
                cmd.role(),
                person.id(),
                person.name(),
                note,
                0);
        store.insertShift(shift);
        audit.record("create", "directory.shift", id.toString(), path, null, shift);
        return id;
    }

    @Override
    @Transactional
    public void deleteShift(ShiftId id, int expectedVersion) {
        Shift before = store.shift(id.value(), scope()).orElseThrow(() -> new NotFoundException("shift", id));
        requireCapture(before.divisionPath(), "shift", id);
        if (before.version() != expectedVersion || !store.deleteShift(id.value(), expectedVersion)) {
            throw new ConflictException("directory.error.stale");
        }
        audit.record("delete", "directory.shift", id.toString(), before.divisionPath(), before, null);
    }

    @Override
    @Transactional
    public HandoverNoteId addHandoverNote(NewHandoverNote cmd) {
        Errors errors = new Errors();
        if (cmd.shift() == null) {
            errors.add("shift", "directory.error.required");
            errors.throwIfAny();
        }
        // Scope before content: a foreign shift answers 404 whatever the note says.
        Shift shift = store.shift(cmd.shift().value(), scope())
                .orElseThrow(() -> new NotFoundException("shift", cmd.shift()));
        requireCapture(shift.divisionPath(), "shift", shift.id());
        String text = errors.text("text", cmd.text(), 4000, true);
        errors.throwIfAny();
        String author = currentUser.get().map(a -> a.displayName()).orElse("system");
        HandoverNote note = new HandoverNote(HandoverNoteId.random(), shift.id(), text, author, now());
        store.insertNote(note);
        audit.record("create", "directory.handoverNote", note.id().toString(), shift.divisionPath(), null, note);
        return note.id();
    }

    // ---- validation helpers ------------------------------------------------------------------------------------

    static String normalisePath(String path) {
        if (path == null) {
            return "";
        }
        String p = path.trim();
        if (p.isEmpty()) {
            return p;
        }
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        if (!p.endsWith("/")) {
            p = p + "/";
        }
        return p;
    }

    /** Collects field errors so one answer lists everything wrong with the input. */
    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String key, Object... args) {
            list.add(new FieldError(field, key, args));
        }

        @Nullable
        String text(String field, @Nullable String value, int max, boolean required) {
            String v = value == null ? null : value.strip();
            if (v == null || v.isEmpty()) {
                if (required) {
                    add(field, "directory.error.required");
                }
                return null;
            }
            if (v.length() > max) {
                add(field, "directory.error.tooLong", max);
                return null;
            }
            return v;
        }

        @Nullable
        String path(@Nullable String given, @Nullable String fallback, String field) {
            String p = given == null || given.isBlank() ? fallback : normalisePath(given);
            if (p == null) {
                add(field, "directory.error.divisionRequired");
                return null;
            }
            if (p.length() > 400 || !DIVISION_PATH.matcher(p).matches()) {
                add(field, "directory.error.divisionPath");
                return null;
            }
            return p;
        }

        void coordinates(@Nullable Double lon, @Nullable Double lat) {
            if ((lon == null) != (lat == null)) {
                add(lon == null ? "lon" : "lat", "directory.error.coordinatesPair");
                return;
            }
            if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
                add("lon", "directory.error.lon");
            }
            if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
                add("lat", "directory.error.lat");
            }
        }

        @Nullable
        String attempt(java.util.function.Supplier<String> validation) {
            try {
                return validation.get();
            } catch (InvalidInputException e) {
                list.addAll(e.fieldErrors());
                return null;
            }
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InvalidInputException("error.validation", list);
            }
        }
    }
}
