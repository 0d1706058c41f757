package cn.yingji.risk.internal;

import cn.yingji.geo.Divisions;
import cn.yingji.geo.Location;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import cn.yingji.risk.ProjectReviews;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.ForbiddenException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Joint project review: submission, routing, one opinion per department, aggregated decision, conditions. */
@Service
class ProjectReviewService implements ProjectReviews {

    static final Set<Role> SUBMITTERS =
            Set.of(Role.DUTY_OFFICER, Role.COMMANDER, Role.DISTRICT_OFFICER, Role.TOWNSHIP_OFFICER, Role.ADMIN);
    static final Set<Role> ROUTERS = Set.of(Role.DUTY_OFFICER, Role.COMMANDER, Role.DISTRICT_OFFICER, Role.ADMIN);
    static final Set<Role> REVIEWERS =
            Set.of(Role.DEPARTMENT_OFFICER, Role.DUTY_OFFICER, Role.COMMANDER, Role.DISTRICT_OFFICER, Role.ADMIN);

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final ZoneId zone = ZoneId.of("Asia/Shanghai");

    ProjectReviewService(JdbcClient jdbc, CurrentUser currentUser, Divisions divisions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.divisions = divisions;
        this.audit = audit;
    }

    private String actor() {
        return currentUser.get().map(Account::username).orElse("system");
    }

    private void requireRole(Set<Role> roles, String path, Object id, boolean capture) {
        Optional<Account> a = currentUser.get();
        if (a.isEmpty()) {
            return;
        }
        if (capture) {
            currentUser.requireCapture(path, "project", id);
        } else {
            currentUser.requireView(path, "project", id);
        }
        if (roles.stream().noneMatch(a.get()::has)) {
            throw new AccessDeniedException("role");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Project> list() {
        List<String> patterns =
                currentUser.get().map(a -> a.jurisdiction().viewPatterns()).orElse(null);
        var spec = jdbc.sql("select id from risk.projects where true"
                + (patterns == null ? "" : " and division_path like any (array[:p])") + " order by submitted_at desc");
        if (patterns != null) {
            spec = spec.param("p", patterns);
        }
        return spec.query(UUID.class).list().stream().map(this::load).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Project require(UUID id) {
        Project p = jdbc.sql("select count(*) from risk.projects where id = :id")
                                .param("id", id)
                                .query(Long.class)
                                .single()
                        == 0
                ? null
                : load(id);
        if (p == null) {
            throw new NotFoundException("project", id);
        }
        if (currentUser.get().isPresent()) {
            currentUser.requireView(p.divisionPath(), "project", id);
        }
        return p;
    }

    private Project load(UUID id) {
        List<Review> reviews = jdbc.sql("select * from risk.project_reviews where project_id = :id order by department")
                .param("id", id)
                .query((rs, n) -> {
                    String o = rs.getString("opinion");
                    return new Review(
                            rs.getString("department"),
                            rs.getString("reviewer"),
                            rs.getDate("due_on").toLocalDate(),
                            o == null ? null : Opinion.valueOf(o),
                            rs.getString("opinion_text"),
                            rs.getString("opinion_by"));
                })
                .list();
        List<Condition> conditions = jdbc.sql(
                        "select * from risk.project_conditions where project_id = :id order by department, text")
                .param("id", id)
                .query((rs, n) -> {
                    Timestamp c = rs.getTimestamp("closed_at");
                    return new Condition(
                            rs.getObject("id", UUID.class),
                            rs.getString("department"),
                            rs.getString("text"),
                            rs.getString("closed_by"),
                            c == null ? null : c.toInstant(),
                            rs.getString("close_note"));
                })
                .list();
        return jdbc.sql("select * from risk.projects where id = :id")
                .param("id", id)
                .query((rs, n) -> new Project(
                        id,
                        rs.getString("name"),
                        rs.getString("builder"),
                        rs.getString("category"),
                        rs.getDouble("lon"),
                        rs.getDouble("lat"),
                        rs.getString("division_path"),
                        rs.getString("risk_summary"),
                        rs.getString("state"),
                        rs.getString("decision"),
                        rs.getString("submitted_by"),
                        rs.getTimestamp("submitted_at").toInstant(),
                        reviews,
                        conditions))
                .single();
    }

    private static @Nullable String trim(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    @Override
    @Transactional
    public Project submit(
            @Nullable String name,
            @Nullable String builder,
            @Nullable String category,
            @Nullable Double lon,
            @Nullable Double lat,
            @Nullable String riskSummary) {
        List<FieldError> errors = new ArrayList<>();
        String n = trim(name);
        String b = trim(builder);
        String c = trim(category);
        String r = trim(riskSummary);
        if (n == null) {
            errors.add(new FieldError("name", "risk.project.error.required"));
        }
        if (b == null) {
            errors.add(new FieldError("builder", "risk.project.error.required"));
        }
        if (c == null) {
            errors.add(new FieldError("category", "risk.project.error.required"));
        }
        if (r == null) {
            errors.add(new FieldError("riskSummary", "risk.project.error.required"));
        }
        Location location = null;
        if (lon == null || lat == null) {
            errors.add(new FieldError("location", "risk.project.error.required"));
        } else {
            location = divisions.locate(lon, lat).orElse(null);
            if (location == null) {
                errors.add(new FieldError("location", "risk.project.error.outside"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        UUID id = UUID.randomUUID();
        requireRole(SUBMITTERS, location.path(), id, true);
        jdbc.sql("""
                        insert into risk.projects (id, name, builder, category, lon, lat, division_path, risk_summary,
                            state, submitted_by, submitted_at)
                        values (:id, :n, :b, :c, :lon, :lat, :p, :r, 'SUBMITTED', :by, now())
                        """)
                .param("id", id)
                .param("n", n)
                .param("b", b)
                .param("c", c)
                .param("lon", lon)
                .param("lat", lat)
                .param("p", location.path())
                .param("r", r)
                .param("by", actor())
                .update();
        Project p = load(id);
        audit.record("submit", "risk.project", id.toString(), p.divisionPath(), null, p);
        return p;
    }

    private Project lock(UUID id) {
        Project p = require(id);
        jdbc.sql("select 1 from risk.projects where id = :id for update")
                .param("id", id)
                .query()
                .listOfRows();
        return load(p.id());
    }

    @Override
    @Transactional
    public Project route(UUID id, List<Route> routes) {
        Project before = lock(id);
        requireRole(ROUTERS, before.divisionPath(), id, true);
        if (!before.state().equals("SUBMITTED")) {
            throw new ConflictException("risk.project.error.state", before.state());
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(zone);
        Set<String> seen = new HashSet<>();
        List<Route> clean = new ArrayList<>();
        for (Route r : routes == null ? List.<Route>of() : routes) {
            String d = trim(r == null ? null : r.department());
            if (d == null) {
                continue;
            }
            if (r.dueOn() == null || r.dueOn().isBefore(today)) {
                errors.add(new FieldError("dueOn", "risk.project.error.dueInPast", d));
            }
            if (!seen.add(d)) {
                errors.add(new FieldError("department", "risk.project.error.twice", d));
            }
            clean.add(new Route(d, trim(r.reviewer()), r.dueOn()));
        }
        if (clean.isEmpty()) {
            errors.add(new FieldError("department", "risk.project.error.noDepartment"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        for (Route r : clean) {
            jdbc.sql(
                            "insert into risk.project_reviews (project_id, department, reviewer, due_on) values (:id, :d, :r, :due)")
                    .param("id", id)
                    .param("d", r.department())
                    .param("r", r.reviewer())
                    .param("due", java.sql.Date.valueOf(r.dueOn()))
                    .update();
        }
        jdbc.sql("update risk.projects set state = 'IN_REVIEW', version = version + 1 where id = :id")
                .param("id", id)
                .update();
        Project after = load(id);
        audit.record("route", "risk.project", id.toString(), after.divisionPath(), before, after);
        return after;
    }

    @Override
    @Transactional
    public Project opinion(UUID id, @Nullable String department, @Nullable Opinion opinion, @Nullable String text) {
        Project before = lock(id);
        requireRole(REVIEWERS, before.divisionPath(), id, false);
        if (!before.state().equals("IN_REVIEW")) {
            throw new ConflictException("risk.project.error.state", before.state());
        }
        String d = trim(department);
        Review review = before.reviews().stream()
                .filter(r -> r.department().equals(d))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.field("department", "risk.project.error.notRouted", d));
        if (review.reviewer() != null
                && currentUser.get().isPresent()
                && !review.reviewer().equals(actor())) {
            throw new ForbiddenException("risk.project.error.notReviewer", review.reviewer());
        }
        if (review.opinion() != null) {
            throw new ConflictException("risk.project.error.answered", d);
        }
        String t = trim(text);
        if (opinion == null) {
            throw InvalidInputException.field("opinion", "risk.project.error.required");
        }
        if (opinion != Opinion.PASS && t == null) {
            throw InvalidInputException.field("text", "risk.project.error.textRequired");
        }
        jdbc.sql("""
                        update risk.project_reviews set opinion = :o, opinion_text = :t, opinion_by = :by, opinion_at = now()
                        where project_id = :id and department = :d
                        """)
                .param("o", opinion.name())
                .param("t", t)
                .param("by", actor())
                .param("id", id)
                .param("d", d)
                .update();
        if (opinion == Opinion.CONDITIONS) {
            for (String line : t.split("\\R")) {
                if (!line.isBlank()) {
                    jdbc.sql(
                                    "insert into risk.project_conditions (id, project_id, department, text) values (:c, :id, :d, :t)")
                            .param("c", UUID.randomUUID())
                            .param("id", id)
                            .param("d", d)
                            .param("t", line.strip())
                            .update();
                }
            }
        }
        Project mid = load(id);
        if (mid.reviews().stream().allMatch(r -> r.opinion() != null)) {
            String decision = mid.reviews().stream().anyMatch(r -> r.opinion() == Opinion.REJECT)
                    ? "REJECT"
                    : mid.reviews().stream().anyMatch(r -> r.opinion() == Opinion.CONDITIONS)
                            ? "PASS_WITH_CONDITIONS"
                            : "PASS";
            jdbc.sql("""
                            update risk.projects set state = 'DECIDED', decision = :d, decided_at = now(),
                                version = version + 1 where id = :id
                            """).param("d", decision).param("id", id).update();
        }
        Project after = load(id);
        audit.record("opinion", "risk.project", id.toString(), after.divisionPath(), review, after);
        return after;
    }

    @Override
    @Transactional
    public Project closeCondition(UUID id, UUID condition, @Nullable String note) {
        Project before = lock(id);
        requireRole(ROUTERS, before.divisionPath(), id, true);
        Condition c = before.conditions().stream()
                .filter(x -> x.id().equals(condition))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("condition", condition));
        if (!"PASS_WITH_CONDITIONS".equals(before.decision())) {
            throw new ConflictException("risk.project.error.state", before.state());
        }
        if (c.closedAt() != null) {
            throw new ConflictException("risk.project.error.conditionClosed");
        }
        String n = trim(note);
        if (n == null) {
            throw InvalidInputException.field("note", "risk.project.error.required");
        }
        jdbc.sql("update risk.project_conditions set closed_by = :by, closed_at = now(), close_note = :n where id = :c")
                .param("by", actor())
                .param("n", n)
                .param("c", condition)
                .update();
        Project mid = load(id);
        if (mid.conditions().stream().allMatch(x -> x.closedAt() != null)) {
            jdbc.sql("update risk.projects set state = 'CLOSED', version = version + 1 where id = :id")
                    .param("id", id)
                    .update();
        }
        Project after = load(id);
        audit.record("close-condition", "risk.project", id.toString(), after.divisionPath(), c, after);
        return after;
    }
}
