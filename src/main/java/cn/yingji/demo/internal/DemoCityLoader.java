package cn.yingji.demo.internal;

import cn.yingji.demo.internal.DirectoryPlan.Member;
import cn.yingji.demo.internal.DirectoryPlan.Org;
import cn.yingji.demo.internal.DirectoryPlan.PlannedShift;
import cn.yingji.demo.internal.DirectoryPlan.Post;
import cn.yingji.demo.internal.JdbcDemoState.State;
import cn.yingji.directory.AssignHolder;
import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.HoldingKind;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.Shift;
import cn.yingji.directory.ShiftId;
import cn.yingji.geo.DivisionDraft;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.GeoAdministration;
import cn.yingji.geo.Grid;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.UserManagement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo city when the application is ready, in demo mode ({@code yingji.demo.enabled=true}) only. Runs as
 * the system (nobody is signed in at start-up) and is idempotent: geometry is generated and written only when
 * {@code demo.state} does not already record this seed and generator version; the directory is written once, in chunks
 * of one transaction each; the duty roster of the current and the next week and the demo accounts are completed on every
 * start.
 */
@Component
@ConditionalOnProperty(prefix = "yingji.demo", name = "enabled", havingValue = "true")
class DemoCityLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCityLoader.class);

    private final GeoAdministration geo;
    private final Divisions divisions;
    private final UserManagement users;
    private final ObjectProvider<Directory> directory;
    private final ObjectProvider<DirectoryManagement> directoryManagement;
    private final JdbcDemoState state;
    private final TransactionTemplate tx;
    private final long seed;
    private final ZoneId zone;

    DemoCityLoader(
            GeoAdministration geo,
            Divisions divisions,
            UserManagement users,
            ObjectProvider<Directory> directory,
            ObjectProvider<DirectoryManagement> directoryManagement,
            JdbcDemoState state,
            PlatformTransactionManager txManager,
            Environment env) {
        this.geo = geo;
        this.divisions = divisions;
        this.users = users;
        this.directory = directory;
        this.directoryManagement = directoryManagement;
        this.state = state;
        this.tx = new TransactionTemplate(txManager);
        this.seed = env.getProperty("yingji.demo.seed", Long.class, 20231L);
        this.zone = ZoneId.of(env.getProperty("yingji.zone", "Asia/Shanghai"));
    }

    /** What one run did, for logs and tests. */
    record Result(int divisionsChanged, int gridsChanged, int personsCreated, int shiftsCreated, int accountsCreated) {}

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void onReady() {
        load();
    }

    /**
     * Loads whatever is missing; running it again changes nothing. Geometry is generated and written on a second
     * thread while this one writes the accounts and the directory, so a first start takes about as long as the
     * slower of the two.
     */
    Result load() {
        long started = System.nanoTime();
        Optional<State> before = state.find();
        boolean geometryCurrent = before.map(s -> s.seed() == seed && s.generatorVersion() == CityGenerator.VERSION)
                .orElse(false);
        GeneratedCity skeleton = CityGenerator.skeleton();
        CompletableFuture<int[]> geometry = geometryCurrent
                ? CompletableFuture.completedFuture(new int[] {0, 0, 0})
                : CompletableFuture.supplyAsync(this::loadGeometry, worker());

        Map<String, String> paths = DirectoryPlanner.paths(skeleton);
        DivisionDraft root = skeleton.divisions().get(0);
        Directory dir = directory.getIfAvailable();
        DirectoryManagement mgmt = directoryManagement.getIfAvailable();
        DirectoryPlanner planner = new DirectoryPlanner(seed);
        @Nullable DirectoryPlan plan = dir == null || mgmt == null ? null : planner.plan(skeleton);

        int accounts;
        int persons = 0;
        int shifts = 0;
        int[] geo;
        try {
            accounts = completeAccounts(paths, root.code().value(), plan);
            if (plan == null) {
                LOG.warn("Demo city: the directory module is not available; departments, persons and roster not"
                        + " loaded");
            } else {
                persons += loadChunks(dir, mgmt, plan.chunks());
                shifts = completeRoster(dir, mgmt, plan);
            }
        } finally {
            geo = geometry.join();
        }
        if (plan != null) {
            DirectoryPlan.Chunk gridWorkers = planner.gridWorkers(demoTownshipGrids(skeleton));
            if (gridWorkers != null) {
                persons += loadChunks(dir, mgmt, List.of(gridWorkers));
            }
        }
        Result result = new Result(geo[0], geo[1], persons, shifts, accounts);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        if (!geometryCurrent || persons > 0) {
            int totalPersons = plan == null ? 0 : plan.persons().size();
            state.save(
                    new State(seed, CityGenerator.VERSION, skeleton.divisions().size(), geo[2], totalPersons), tookMs);
        }
        LOG.info("Demo city ready in {} ms: {}", tookMs, result);
        return result;
    }

    /** Generates and writes the geometry; returns divisions changed, grids changed and grids generated. */
    private int[] loadGeometry() {
        long t0 = System.nanoTime();
        GeneratedCity city = new CityGenerator(seed).generate();
        long t1 = System.nanoTime();
        int divisionsChanged = geo.upsertDivisions(city.divisions());
        int gridsChanged = geo.upsertGrids(city.grids());
        LOG.info(
                "Demo city (seed {}): generated {} divisions and {} grids in {} ms, written in {} ms (left out: {})",
                seed,
                city.divisions().size(),
                city.grids().size(),
                (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000,
                city.skippedCounties());
        return new int[] {divisionsChanged, gridsChanged, city.grids().size()};
    }

    private static Executor worker() {
        return task -> {
            Thread t = new Thread(task, "demo-geometry");
            t.setDaemon(true);
            t.start();
        };
    }

    /** The grids of the demo township as loaded in geo (codes are the village code plus 001, 002, …). */
    private List<Grid> demoTownshipGrids(GeneratedCity skeleton) {
        List<Grid> out = new ArrayList<>();
        for (DivisionDraft d : skeleton.divisions()) {
            if (d.parent() == null || !d.parent().value().equals(DirectoryPlanner.DEMO_TOWNSHIP)) {
                continue;
            }
            for (int i = 1; i <= 999; i++) {
                Optional<Grid> g = divisions.findGrid(d.code().value() + String.format("%03d", i));
                if (g.isEmpty()) {
                    break;
                }
                out.add(g.get());
            }
        }
        return out;
    }

    /** Writes each chunk not yet present in its own transaction; returns how many persons were written. */
    private int loadChunks(Directory dir, DirectoryManagement mgmt, List<DirectoryPlan.Chunk> chunks) {
        long t0 = System.nanoTime();
        Instant from = Instant.parse("2023-01-01T00:00:00Z");
        int persons = 0;
        int written = 0;
        for (DirectoryPlan.Chunk chunk : chunks) {
            if (dir.findPerson(chunk.anchor()).isPresent()) {
                continue;
            }
            tx.executeWithoutResult(status -> {
                for (Org o : chunk.organisations()) {
                    mgmt.createOrganisation(o.id(), o.command());
                }
                for (Member m : chunk.persons()) {
                    mgmt.createPerson(m.id(), m.command());
                }
                for (Post p : chunk.positions()) {
                    mgmt.createPosition(p.id(), p.command());
                    mgmt.assignHolder(new AssignHolder(p.id(), p.holder(), HoldingKind.PRIMARY, from, null));
                }
            });
            persons += chunk.persons().size();
            written++;
        }
        if (written > 0) {
            LOG.info(
                    "Demo city: {} directory chunks with {} persons written in {} ms",
                    written,
                    persons,
                    (System.nanoTime() - t0) / 1_000_000);
        }
        return persons;
    }

    /** Adds the shifts of the current and the next week that are not on the roster yet. */
    private int completeRoster(Directory dir, DirectoryManagement mgmt, DirectoryPlan plan) {
        // The duty day of the shift in progress: before the 08:00 change it is still yesterday's.
        LocalDate dutyDay = ZonedDateTime.now(zone)
                .minusHours(DirectoryPlanner.SHIFT_CHANGE.getHour())
                .minusMinutes(DirectoryPlanner.SHIFT_CHANGE.getMinute())
                .toLocalDate();
        List<PlannedShift> roster = DirectoryPlanner.roster(plan, dutyDay, zone);
        if (roster.isEmpty()) {
            return 0;
        }
        Instant from = roster.stream()
                .map(s -> s.command().startsAt())
                .min(Instant::compareTo)
                .orElseThrow();
        Instant to = roster.stream()
                .map(s -> s.command().endsAt())
                .max(Instant::compareTo)
                .orElseThrow();
        Set<ShiftId> existing = new HashSet<>();
        for (Shift s : dir.shifts(null, from, to)) {
            existing.add(s.id());
        }
        List<PlannedShift> missing =
                roster.stream().filter(s -> !existing.contains(s.id())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        tx.executeWithoutResult(status -> missing.forEach(s -> mgmt.createShift(s.id(), s.command())));
        LOG.info("Demo city: {} shifts added to the duty roster", missing.size());
        return missing.size();
    }

    private int completeAccounts(Map<String, String> paths, String cityCode, @Nullable DirectoryPlan plan) {
        int created = 0;
        for (DemoAccounts.Spec a : DemoAccounts.specs(paths, cityCode)) {
            if (users.findByUsername(a.username()).isPresent()) {
                continue;
            }
            PersonId person = plan == null ? null : plan.accountPersons().get(a.username());
            users.create(new NewUser(
                    a.username(),
                    a.displayName(),
                    DemoAccounts.PASSWORD,
                    a.roles(),
                    a.homePath(),
                    a.jurisdiction(),
                    person == null ? null : person.value(),
                    true));
            created++;
        }
        if (created > 0) {
            LOG.info("Demo city: {} demo accounts created (password in the README)", created);
        }
        return created;
    }
}
