package cn.yingji.grassroots.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Grid;
import cn.yingji.geo.Location;
import cn.yingji.grassroots.CheckIn;
import cn.yingji.grassroots.NewCheckIn;
import cn.yingji.grassroots.PatrolFinding;
import cn.yingji.grassroots.Patrols;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
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

/** Patrol check-ins and coverage. */
@Service
class PatrolService implements Patrols {

    static final Set<Role> PATROLLERS = Set.of(Role.GRID_WORKER, Role.TOWNSHIP_OFFICER);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final int MAX_TEXT = 1_000;

    private final JdbcPatrolStore store;
    private final CurrentUser currentUser;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;
    private final Duration skew;
    private volatile Clock clock = Clock.systemUTC();

    PatrolService(
            JdbcPatrolStore store,
            CurrentUser currentUser,
            Divisions divisions,
            AuditTrail audit,
            ApplicationEventPublisher events,
            @Value("${yingji.zone:Asia/Shanghai}") String zone,
            @Value("${yingji.grassroots.clock-skew:2m}") Duration skew) {
        this.store = store;
        this.currentUser = currentUser;
        this.divisions = divisions;
        this.audit = audit;
        this.events = events;
        this.zone = ZoneId.of(zone);
        this.skew = skew;
    }

    void use(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    @Transactional
    public CheckInResult checkIn(NewCheckIn in, @Nullable String idempotencyKey) {
        Account me = currentUser.require();
        if (PATROLLERS.stream().noneMatch(me::has)) {
            throw new AccessDeniedException("patrols need a grid worker or township officer");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null) {
            if (!KEY.matcher(key).matches()) {
                throw InvalidInputException.field("Idempotency-Key", "grassroots.error.key");
            }
            Optional<CheckIn> first = store.byKey(me.username(), key);
            if (first.isPresent()) {
                return new CheckInResult(first.get(), true);
            }
        }
        Instant now = now();
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.lon() == null || in.lat() == null) {
            errors.add(new FieldError("location", "grassroots.error.location"));
        } else if (!(in.lon() >= 73 && in.lon() <= 136 && in.lat() >= 3 && in.lat() <= 54)) {
            errors.add(new FieldError("location", "grassroots.error.outsideChina"));
        }
        Instant at = in == null || in.at() == null ? now : in.at();
        if (at.isAfter(now.plus(skew))) {
            errors.add(new FieldError("at", "grassroots.error.future"));
        } else if (at.isBefore(now.minus(Duration.ofDays(7)))) {
            errors.add(new FieldError("at", "grassroots.error.tooOld"));
        }
        String note = trim(in == null ? null : in.note());
        String finding = trim(in == null ? null : in.finding());
        if ((note != null && note.length() > MAX_TEXT) || (finding != null && finding.length() > MAX_TEXT)) {
            errors.add(new FieldError("note", "grassroots.error.tooLong", MAX_TEXT));
        }
        boolean photo = in != null && in.photo() != null && in.photo().length > 0;
        if (finding != null && !photo) {
            errors.add(new FieldError("photo", "grassroots.error.findingPhoto"));
        }
        Grid grid = grid(in == null ? null : in.gridCode(), me, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        currentUser.requireCapture(grid.path(), "grid", grid.code());
        Location located = divisions.locate(in.lon(), in.lat()).orElse(null);
        String locatedGrid = located == null || located.grid() == null
                ? null
                : located.grid().code();
        CheckIn c = new CheckIn(
                UUID.randomUUID(),
                grid.code(),
                grid.path(),
                me.username(),
                at,
                now,
                in.lon(),
                in.lat(),
                locatedGrid,
                !grid.code().equals(locatedGrid),
                in.duty() == null ? CheckIn.Duty.SAFETY : in.duty(),
                note,
                finding);
        if (!store.insert(c, key)) {
            return new CheckInResult(
                    store.byKey(me.username(), key).orElseThrow(() -> new ConflictException("grassroots.error.key")),
                    true);
        }
        audit.record("check-in", "grassroots.check-in", c.id().toString(), grid.path(), null, c);
        if (finding != null) {
            events.publishEvent(new PatrolFinding(
                    c.id(),
                    grid.code(),
                    grid.path(),
                    me.username(),
                    c.lon(),
                    c.lat(),
                    finding,
                    at,
                    in.photo(),
                    in.photoName() == null || in.photoName().isBlank() ? "finding.jpg" : in.photoName()));
        }
        return new CheckInResult(c, false);
    }

    /** The grid named, or the worker's own (their capture scope is a grid path). */
    private Grid grid(@Nullable String code, Account me, List<FieldError> errors) {
        String c = trim(code);
        if (c == null) {
            for (String path : me.jurisdiction().capture()) {
                String[] parts = path.split("/");
                String last = parts.length == 0 ? "" : parts[parts.length - 1];
                Optional<Grid> g = divisions.findGrid(last);
                if (g.isPresent()) {
                    return g.get();
                }
            }
            errors.add(new FieldError("gridCode", "grassroots.error.gridRequired"));
            return new Grid("", "", DivisionCode.of("000000000000"), "/");
        }
        Optional<Grid> g = divisions.findGrid(c);
        if (g.isEmpty()) {
            errors.add(new FieldError("gridCode", "grassroots.error.unknownGrid", c));
            return new Grid("", "", DivisionCode.of("000000000000"), "/");
        }
        return g.get();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CheckIn> checkIns(@Nullable String gridCode, Instant from, Instant to, int limit) {
        List<String> patterns =
                currentUser.get().map(a -> a.jurisdiction().viewPatterns()).orElse(null);
        return store.list(patterns, trim(gridCode), from, to, Math.max(1, Math.min(limit, 1_000)));
    }

    Instant weekStart(Instant at) {
        LocalDate monday = LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.atStartOfDay(zone).toInstant();
    }

    @Override
    @Transactional(readOnly = true)
    public Coverage coverage(@Nullable String divisionCode, Instant at) {
        String path;
        String code = trim(divisionCode);
        if (code == null) {
            path = currentUser
                    .get()
                    .flatMap(a -> java.util.stream.Stream.concat(
                                    a.jurisdiction().capture().stream(), a.jurisdiction().view().stream())
                            .findFirst())
                    .or(() -> divisions.root().map(Division::path))
                    .orElseThrow(() -> new NotFoundException("division", "root"));
        } else {
            Division d;
            try {
                d = divisions.find(DivisionCode.of(code)).orElseThrow(() -> new NotFoundException("division", code));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.field("division", "grassroots.error.division", code);
            }
            path = d.path();
        }
        if (currentUser.get().isPresent()
                && !currentUser.require().jurisdiction().canView(path)) {
            throw new NotFoundException("division", code);
        }
        Instant from = weekStart(at);
        Instant to = from.plus(Duration.ofDays(7));
        List<Grid> grids = divisions.gridsUnder(path);
        java.util.Map<String, Integer> done = store.patrolCounts(path, from, to);
        java.util.Map<String, Integer> planned = store.plannedTimes(path);
        List<GridRef> missing = grids.stream()
                .map(g -> new GridRef(
                        g.code(), g.name(), done.getOrDefault(g.code(), 0), planned.getOrDefault(g.code(), 1)))
                .filter(r -> r.done() < r.required())
                .toList();
        return new Coverage(
                path, from, grids.size(), grids.size() - missing.size(), missing, store.outside(path, from, to));
    }

    @Override
    @Transactional
    public PatrolPlan plan(String gridCode, int timesPerWeek, List<CheckIn.Duty> duties) {
        Account me = currentUser.require();
        List<FieldError> errors = new ArrayList<>();
        Grid grid = divisions.findGrid(gridCode == null ? "" : gridCode.strip()).orElse(null);
        if (grid == null) {
            throw InvalidInputException.field("gridCode", "grassroots.error.unknownGrid", gridCode);
        }
        currentUser.requireCapture(grid.path(), "grid", grid.code());
        if (!me.has(Role.TOWNSHIP_OFFICER) && !me.has(Role.DISTRICT_OFFICER)) {
            throw new AccessDeniedException("patrol plans are set by township or district officers");
        }
        if (timesPerWeek < 1 || timesPerWeek > 21) {
            errors.add(new FieldError("timesPerWeek", "grassroots.error.times"));
        }
        if (duties == null || duties.isEmpty()) {
            errors.add(new FieldError("duty", "grassroots.error.duty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        List<CheckIn.Duty> clean = duties.stream().distinct().toList();
        store.savePlan(grid.code(), grid.path(), timesPerWeek, clean, me.username(), now());
        PatrolPlan plan = new PatrolPlan(grid.code(), timesPerWeek, clean);
        audit.record("plan", "grassroots.patrol-plan", grid.code(), grid.path(), null, plan);
        return plan;
    }

    private static @Nullable String trim(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
