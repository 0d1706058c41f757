package cn.yingji.responsibility.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.Incidents;
import cn.yingji.responsibility.Evaluation;
import cn.yingji.responsibility.Responsibilities.ContactBoardRow;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** District evaluation and accountability cases. */
@Service
class EvaluationService implements Evaluation {

    static final Set<Role> SCORERS = Set.of(Role.ADMIN, Role.COMMANDER, Role.DUTY_OFFICER);
    private static final List<String> FLOW = List.of("OPEN", "INVESTIGATING", "DECIDED", "CLOSED");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Divisions divisions;
    private final Incidents incidents;
    private final ResponsibilityService responsibilities;
    private final AuditTrail audit;
    private final ZoneId zone = ZoneId.of("Asia/Shanghai");

    EvaluationService(
            JdbcClient jdbc,
            CurrentUser currentUser,
            Divisions divisions,
            Incidents incidents,
            ResponsibilityService responsibilities,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.divisions = divisions;
        this.incidents = incidents;
        this.responsibilities = responsibilities;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Indicator> indicators() {
        return jdbc.sql("select * from responsibility.indicators order by sort")
                .query((rs, n) -> new Indicator(
                        rs.getString("code"), rs.getString("name"), rs.getInt("weight"), rs.getString("source")))
                .list();
    }

    private boolean visible(String path) {
        return currentUser.get().map(a -> a.jurisdiction().canView(path)).orElse(true);
    }

    private List<Division> districts() {
        Division root = divisions.root().orElse(null);
        if (root == null) {
            return List.of();
        }
        return divisions.children(root.code()).stream()
                .filter(d -> visible(d.path()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DistrictScore> ranking(int year) {
        List<Indicator> indicators = indicators();
        Map<String, ContactBoardRow> board = new LinkedHashMap<>();
        for (ContactBoardRow r : responsibilities.contactBoard(responsibilities.now())) {
            board.put(r.divisionPath(), r);
        }
        List<DistrictScore> out = new ArrayList<>();
        for (Division d : districts()) {
            out.add(score(d, year, indicators, board));
        }
        out.sort(
                Comparator.comparingDouble(DistrictScore::total).reversed().thenComparing(DistrictScore::districtCode));
        return out;
    }

    private DistrictScore score(Division d, int year, List<Indicator> indicators, Map<String, ContactBoardRow> board) {
        Map<String, Integer> manual = new LinkedHashMap<>();
        jdbc.sql("select indicator, score from responsibility.manual_scores where year = :y and subject_path = :p")
                .param("y", year)
                .param("p", d.path())
                .query(rs -> {
                    manual.put(rs.getString(1), rs.getInt(2));
                });
        Map<String, @Nullable Integer> parts = new LinkedHashMap<>();
        double weighted = 0;
        double weights = 0;
        for (Indicator i : indicators) {
            Integer s = switch (i.source()) {
                case "LIST_COMPLETION" -> listCompletion(d.path(), year);
                case "CONTACT_CHECK" -> {
                    ContactBoardRow r = board.get(d.path());
                    yield r == null || r.total() == 0 ? null : (int) Math.round(100.0 * r.current() / r.total());
                }
                default -> manual.get(i.code());
            };
            parts.put(i.code(), s);
            if (s != null) {
                weighted += i.weight() * s;
                weights += i.weight();
            }
        }
        double total = weights == 0 ? 0 : Math.round(weighted / weights * 10) / 10.0;
        return new DistrictScore(d.code().value(), d.path(), d.name(), total, parts);
    }

    /** Share (0–100) of the year's items of published lists under the path that were done by their deadline. */
    private @Nullable Integer listCompletion(String path, int year) {
        long[] r = {0, 0};
        jdbc.sql("""
                        select count(*) as total,
                               count(*) filter (where i.status = 'DONE'
                                   and (i.due_on is null or i.done_at < (i.due_on + 1)::timestamp at time zone 'Asia/Shanghai')) as ok
                        from responsibility.items i join responsibility.lists l on l.id = i.list_id
                        where l.state = 'PUBLISHED' and l.division_path like :p
                          and (i.due_on is null or extract(year from i.due_on) = :y)
                        """).param("p", path + "%").param("y", year).query(rs -> {
            r[0] = rs.getLong("total");
            r[1] = rs.getLong("ok");
        });
        return r[0] == 0 ? null : (int) Math.round(100.0 * r[1] / r[0]);
    }

    private Division district(String code) {
        try {
            Division d = divisions
                    .find(DivisionCode.of(code == null ? "" : code.strip()))
                    .orElseThrow(() -> new NotFoundException("division", code));
            if (!visible(d.path())) {
                throw new NotFoundException("division", code);
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("districtCode", "responsibility.error.division", code);
        }
    }

    @Override
    @Transactional
    public DistrictScore score(int year, String districtCode, String indicator, int score, @Nullable String evidence) {
        Division d = district(districtCode);
        Account me = currentUser.require();
        String parent = d.parent() == null
                ? d.path()
                : divisions.find(d.parent()).map(Division::path).orElse(d.path());
        if (SCORERS.stream().noneMatch(me::has) || !me.jurisdiction().canCapture(parent)) {
            throw new AccessDeniedException("districts are scored from the level above");
        }
        Indicator i = indicators().stream()
                .filter(x -> x.code().equals(indicator))
                .findFirst()
                .orElseThrow(() ->
                        InvalidInputException.field("indicator", "responsibility.error.unknownIndicator", indicator));
        List<FieldError> errors = new ArrayList<>();
        if (!"MANUAL".equals(i.source())) {
            errors.add(new FieldError("indicator", "responsibility.error.computedIndicator", i.name()));
        }
        if (score < 0 || score > 100) {
            errors.add(new FieldError("score", "responsibility.error.scoreRange"));
        }
        String ev = ResponsibilityService.trim(evidence);
        if (ev == null) {
            errors.add(new FieldError("evidence", "responsibility.error.required"));
        }
        if (year < 2000 || year > 2100) {
            errors.add(new FieldError("year", "responsibility.error.year"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        jdbc.sql("""
                        insert into responsibility.manual_scores (year, subject_path, indicator, score, evidence, reviewer,
                            reviewed_at)
                        values (:y, :p, :i, :s, :e, :r, :at)
                        on conflict (year, subject_path, indicator) do update set score = excluded.score,
                            evidence = excluded.evidence, reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at
                        """)
                .param("y", year)
                .param("p", d.path())
                .param("i", indicator)
                .param("s", score)
                .param("e", ev)
                .param("r", me.username())
                .param("at", Timestamp.from(responsibilities.now()))
                .update();
        audit.record(
                "score",
                "responsibility.evaluation",
                d.code().value() + "/" + year + "/" + indicator,
                d.path(),
                null,
                Map.of("score", score, "evidence", ev));
        Map<String, ContactBoardRow> board = new LinkedHashMap<>();
        for (ContactBoardRow r : responsibilities.contactBoard(responsibilities.now())) {
            board.put(r.divisionPath(), r);
        }
        return score(d, year, indicators(), board);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountabilityCase> cases() {
        List<String> patterns =
                currentUser.get().map(a -> a.jurisdiction().viewPatterns()).orElse(null);
        var spec = jdbc.sql("select * from responsibility.accountability_cases where true"
                + (patterns == null ? "" : " and division_path like any (array[:patterns])")
                + " order by opened_at desc");
        if (patterns != null) {
            spec = spec.param("patterns", patterns);
        }
        return spec.query((rs, n) -> new AccountabilityCase(
                        rs.getObject("id", UUID.class),
                        rs.getString("division_path"),
                        rs.getString("subject"),
                        AccountabilityCase.CauseKind.valueOf(rs.getString("cause_kind")),
                        rs.getString("cause_ref"),
                        rs.getString("cause_text"),
                        rs.getString("state"),
                        rs.getString("decision"),
                        rs.getString("opened_by"),
                        rs.getTimestamp("opened_at").toInstant()))
                .list();
    }

    private Optional<AccountabilityCase> caseById(UUID id) {
        return cases().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    @Transactional
    public AccountabilityCase open(
            @Nullable String divisionCode,
            @Nullable String subject,
            AccountabilityCase.@Nullable CauseKind causeKind,
            @Nullable String causeRef,
            @Nullable String causeText) {
        Division d = district(divisionCode);
        Optional<Account> me = currentUser.get();
        if (me.isPresent()
                && (ResponsibilityService.PUBLISHERS.stream().noneMatch(me.get()::has)
                        || !me.get().jurisdiction().canCapture(d.path()))) {
            throw new AccessDeniedException("accountability needs a district-level role over the division");
        }
        String actor = me.map(Account::username).orElse("system");
        List<FieldError> errors = new ArrayList<>();
        String who = ResponsibilityService.trim(subject);
        String text = ResponsibilityService.trim(causeText);
        String ref = ResponsibilityService.trim(causeRef);
        if (who == null) {
            errors.add(new FieldError("subject", "responsibility.error.required"));
        }
        if (causeKind == null) {
            errors.add(new FieldError("causeKind", "responsibility.error.required"));
        } else if (causeKind != AccountabilityCase.CauseKind.OTHER) {
            String problem = checkCause(causeKind, ref, d.path());
            if (problem != null) {
                errors.add(new FieldError("causeRef", problem, ref == null ? "" : ref));
            }
        }
        if (text == null) {
            errors.add(new FieldError("causeText", "responsibility.error.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into responsibility.accountability_cases (id, division_path, subject, cause_kind, cause_ref,
                            cause_text, state, opened_by, opened_at)
                        values (:id, :p, :s, :k, :r, :t, 'OPEN', :by, :at)
                        """)
                .param("id", id)
                .param("p", d.path())
                .param("s", who)
                .param("k", causeKind.name())
                .param("r", ref)
                .param("t", text)
                .param("by", actor)
                .param("at", Timestamp.from(responsibilities.now()))
                .update();
        AccountabilityCase c = caseById(id).orElseThrow();
        audit.record("open", "responsibility.accountability", id.toString(), d.path(), null, c);
        return c;
    }

    /** Null when the cause exists inside the division (and, for an item, is overdue); else the message key. */
    private @Nullable String checkCause(AccountabilityCase.CauseKind kind, @Nullable String ref, String path) {
        UUID id;
        try {
            id = UUID.fromString(ref == null ? "" : ref);
        } catch (IllegalArgumentException e) {
            return "responsibility.error.causeUnknown";
        }
        return switch (kind) {
            case OVERDUE_ITEM -> {
                List<Map<String, Object>> rows =
                        jdbc.sql("""
                                select i.status, i.due_on, l.division_path from responsibility.items i
                                join responsibility.lists l on l.id = i.list_id where i.id = :id
                                """).param("id", id).query().listOfRows();
                if (rows.isEmpty() || !((String) rows.get(0).get("division_path")).startsWith(path)) {
                    yield "responsibility.error.causeUnknown";
                }
                Object due = rows.get(0).get("due_on");
                boolean overdue = "OPEN".equals(rows.get(0).get("status"))
                        && due != null
                        && ((java.sql.Date) due).toLocalDate().isBefore(LocalDate.now(zone));
                yield overdue ? null : "responsibility.error.causeNotOverdue";
            }
            case UNVERIFIED_CONTACT ->
                jdbc.sql("select count(*) from responsibility.assignments where id = :id and division_path like :p")
                                        .param("id", id)
                                        .param("p", path + "%")
                                        .query(Long.class)
                                        .single()
                                > 0
                        ? null
                        : "responsibility.error.causeUnknown";
            case INCIDENT -> {
                Optional<Incident> i = incidents.find(new IncidentId(id));
                yield i.isPresent() && i.get().divisionPath().startsWith(path)
                        ? null
                        : "responsibility.error.causeUnknown";
            }
            case OTHER -> null;
        };
    }

    @Override
    @Transactional
    public AccountabilityCase advance(UUID id, @Nullable String decision) {
        AccountabilityCase before = caseById(id).orElseThrow(() -> new NotFoundException("case", id));
        Account me = currentUser.require();
        if (ResponsibilityService.PUBLISHERS.stream().noneMatch(me::has)
                || !me.jurisdiction().canCapture(before.divisionPath())) {
            throw new AccessDeniedException("accountability needs a district-level role over the division");
        }
        int at = FLOW.indexOf(before.state());
        if (at < 0 || at == FLOW.size() - 1) {
            throw new ConflictException("responsibility.error.caseClosed");
        }
        String next = FLOW.get(at + 1);
        String text = ResponsibilityService.trim(decision);
        if ("DECIDED".equals(next) && text == null) {
            throw InvalidInputException.field("decision", "responsibility.error.decisionRequired");
        }
        jdbc.sql("""
                        update responsibility.accountability_cases set state = :s,
                            decision = coalesce(:d, decision), updated_by = :by, updated_at = now(), version = version + 1
                        where id = :id
                        """)
                .param("s", next)
                .param("d", text)
                .param("by", me.username())
                .param("id", id)
                .update();
        AccountabilityCase after = caseById(id).orElseThrow();
        audit.record("advance", "responsibility.accountability", id.toString(), after.divisionPath(), before, after);
        return after;
    }
}
