package cn.yingji.grassroots.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.grassroots.Standardisation;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.ForbiddenException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standardisation assessments. The township (township officers with capture over it) answers and submits; an
 * officer above it (district officer, duty officer, commander with capture over the township) reviews.
 */
@Service
class StandardisationService implements Standardisation {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final int evidenceMaxBytes;

    StandardisationService(
            JdbcClient jdbc,
            CurrentUser currentUser,
            Divisions divisions,
            AuditTrail audit,
            @Value("${yingji.grassroots.evidence-max-bytes:10485760}") int evidenceMaxBytes) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.divisions = divisions;
        this.audit = audit;
        this.evidenceMaxBytes = evidenceMaxBytes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Item> items() {
        return jdbc.sql("select * from grassroots.std_items order by sort, code")
                .query((rs, n) -> new Item(
                        rs.getString("code"),
                        rs.getString("category"),
                        rs.getString("text"),
                        rs.getInt("max_score"),
                        rs.getBoolean("evidence_required")))
                .list();
    }

    /** A visible township (12-digit code ending in 000 at township level: path of three segments below the city). */
    private Division township(String code) {
        Division d;
        try {
            d = divisions
                    .find(DivisionCode.of(code == null ? "" : code.strip()))
                    .orElseThrow(() -> new NotFoundException("township", code));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("township", "grassroots.error.division", code);
        }
        if (currentUser.get().isPresent()
                && !currentUser.require().jurisdiction().canView(d.path())) {
            throw new NotFoundException("township", code);
        }
        if (d.path().split("/").length != 4) {
            throw InvalidInputException.field("township", "grassroots.error.notTownship", code);
        }
        return d;
    }

    private boolean isTownship(Account a, String path) {
        return a.has(Role.TOWNSHIP_OFFICER) && a.jurisdiction().canCapture(path);
    }

    private boolean isReviewer(Account a, String path) {
        return (a.has(Role.DISTRICT_OFFICER) || a.has(Role.DUTY_OFFICER) || a.has(Role.COMMANDER))
                && a.jurisdiction().canCapture(path);
    }

    private String actor() {
        return currentUser.get().map(Account::username).orElse("system");
    }

    private Optional<UUID> find(String path, int year) {
        return jdbc.sql("select id from grassroots.std_assessments where township_path = :p and year = :y")
                .param("p", path)
                .param("y", year)
                .query(UUID.class)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Assessment assessment(String townshipCode, int year) {
        Division t = township(townshipCode);
        return find(t.path(), year)
                .map(id -> load(id, t))
                .orElseGet(() -> new Assessment(
                        UUID.nameUUIDFromBytes((t.path() + year).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        t.path(),
                        t.name(),
                        year,
                        "DRAFT",
                        List.of(),
                        0,
                        items().stream().mapToInt(Item::maxScore).sum(),
                        null,
                        null,
                        null,
                        null));
    }

    /** The assessment row, created (and audited) on the township's first write of the year. */
    private UUID ensure(Division t, int year) {
        return find(t.path(), year).orElseGet(() -> {
            UUID id = UUID.nameUUIDFromBytes((t.path() + year).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            int n = jdbc.sql("""
                            insert into grassroots.std_assessments (id, township_path, year, state)
                            values (:id, :p, :y, 'DRAFT') on conflict (township_path, year) do nothing
                            """)
                    .param("id", id)
                    .param("p", t.path())
                    .param("y", year)
                    .update();
            if (n > 0) {
                audit.record("create", "grassroots.std-assessment", id.toString(), t.path(), null, year);
            }
            return find(t.path(), year).orElseThrow();
        });
    }

    private Assessment load(UUID id, Division t) {
        Map<String, Integer> max = new HashMap<>();
        items().forEach(i -> max.put(i.code(), i.maxScore()));
        List<Answer> answers = jdbc.sql("""
                        select item_code, self_score, note, evidence_name, review, review_note, reviewed_by
                        from grassroots.std_answers where assessment_id = :id order by item_code
                        """)
                .param("id", id)
                .query((rs, n) -> new Answer(
                        rs.getString("item_code"),
                        rs.getInt("self_score"),
                        rs.getString("note"),
                        rs.getString("evidence_name"),
                        rs.getString("review"),
                        rs.getString("review_note"),
                        rs.getString("reviewed_by")))
                .list();
        int score = score(answers);
        int possible = max.values().stream().mapToInt(Integer::intValue).sum();
        return jdbc.sql("select * from grassroots.std_assessments where id = :id")
                .param("id", id)
                .query((rs, n) -> new Assessment(
                        id,
                        t.path(),
                        t.name(),
                        rs.getInt("year"),
                        rs.getString("state"),
                        answers,
                        score,
                        possible,
                        rs.getString("submitted_by"),
                        instant(rs.getTimestamp("submitted_at")),
                        rs.getString("reviewed_by"),
                        instant(rs.getTimestamp("reviewed_at"))))
                .single();
    }

    /** Points counted: every self-score except those whose evidence the district rejected. */
    static int score(List<Answer> answers) {
        return answers.stream()
                .filter(a -> !"REJECTED".equals(a.review()))
                .mapToInt(Answer::selfScore)
                .sum();
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private Assessment lockState(Division t, int year, String expected) {
        UUID id = ensure(t, year);
        jdbc.sql("select 1 from grassroots.std_assessments where id = :id for update")
                .param("id", id)
                .query()
                .listOfRows();
        Assessment locked = load(id, t);
        if (!locked.state().equals(expected)) {
            throw new ConflictException("grassroots.error.state", locked.state());
        }
        return locked;
    }

    @Override
    @Transactional
    public Assessment answer(
            String townshipCode,
            int year,
            String itemCode,
            int selfScore,
            @Nullable String note,
            @Nullable String evidenceName,
            byte @Nullable [] evidence) {
        Division t = township(townshipCode);
        Account me = currentUser.require();
        if (!isTownship(me, t.path())) {
            throw new AccessDeniedException("only the township answers its self-assessment");
        }
        Item item = items().stream()
                .filter(i -> i.code().equals(itemCode))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.field("item", "grassroots.error.unknownItem", itemCode));
        Assessment before = lockState(t, year, "DRAFT");
        List<FieldError> errors = new ArrayList<>();
        if (selfScore < 0 || selfScore > item.maxScore()) {
            errors.add(new FieldError("selfScore", "grassroots.error.score", item.maxScore()));
        }
        String type = null;
        boolean hasFile = evidence != null && evidence.length > 0;
        Answer previous = before.answers().stream()
                .filter(a -> a.itemCode().equals(itemCode))
                .findFirst()
                .orElse(null);
        if (hasFile) {
            if (evidence.length > evidenceMaxBytes) {
                errors.add(new FieldError(
                        "evidence", "grassroots.error.evidenceTooLarge", evidenceMaxBytes / 1024 / 1024));
            } else {
                type = cn.yingji.shared.FileTypes.evidence(evidence);
                if (type == null) {
                    errors.add(new FieldError("evidence", "grassroots.error.evidenceType"));
                }
            }
        } else if (item.evidenceRequired() && selfScore > 0 && (previous == null || previous.evidenceName() == null)) {
            errors.add(new FieldError("evidence", "grassroots.error.evidenceRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        jdbc.sql("""
                        insert into grassroots.std_answers (assessment_id, item_code, self_score, note, evidence_name,
                            evidence_type, evidence)
                        values (:a, :i, :s, :note, :name, :type, :evidence)
                        on conflict (assessment_id, item_code) do update set self_score = excluded.self_score,
                            note = excluded.note,
                            evidence_name = coalesce(excluded.evidence_name, grassroots.std_answers.evidence_name),
                            evidence_type = coalesce(excluded.evidence_type, grassroots.std_answers.evidence_type),
                            evidence = coalesce(excluded.evidence, grassroots.std_answers.evidence),
                            review = 'PENDING', review_note = null, reviewed_by = null
                        """)
                .param("a", before.id())
                .param("i", itemCode)
                .param("s", selfScore)
                .param("note", note == null || note.isBlank() ? null : note.strip())
                .param(
                        "name",
                        hasFile
                                ? (evidenceName == null ? "evidence" : evidenceName.replaceAll("[\\\\/\\r\\n\"]", "_"))
                                : null)
                .param("type", type)
                .param("evidence", hasFile ? evidence : null)
                .update();
        Assessment after = load(before.id(), t);
        audit.record(
                "answer",
                "grassroots.std-assessment",
                before.id().toString(),
                t.path(),
                previous,
                after.answers().stream()
                        .filter(a -> a.itemCode().equals(itemCode))
                        .findFirst()
                        .orElseThrow());
        return after;
    }

    @Override
    @Transactional
    public Assessment submit(String townshipCode, int year) {
        Division t = township(townshipCode);
        Account me = currentUser.require();
        if (!isTownship(me, t.path())) {
            throw new AccessDeniedException("only the township submits its self-assessment");
        }
        Assessment before = lockState(t, year, "DRAFT");
        if (before.answers().size() < items().size()) {
            throw new ConflictException(
                    "grassroots.error.incomplete",
                    items().size() - before.answers().size());
        }
        jdbc.sql("""
                        update grassroots.std_assessments set state = 'SUBMITTED', submitted_by = :a, submitted_at = now(),
                            version = version + 1 where id = :id
                        """).param("a", actor()).param("id", before.id()).update();
        Assessment after = load(before.id(), t);
        audit.record(
                "submit", "grassroots.std-assessment", before.id().toString(), t.path(), before.state(), after.state());
        return after;
    }

    @Override
    @Transactional
    public Assessment review(String townshipCode, int year, String itemCode, boolean accept, @Nullable String note) {
        Division t = township(townshipCode);
        Account me = currentUser.require();
        if (isTownship(me, t.path()) && !isReviewer(me, t.path())) {
            throw new ForbiddenException("grassroots.error.selfReview");
        }
        if (!isReviewer(me, t.path())) {
            throw new AccessDeniedException("review needs a district-level role over the township");
        }
        Assessment before = lockState(t, year, "SUBMITTED");
        if (before.answers().stream().noneMatch(a -> a.itemCode().equals(itemCode))) {
            throw InvalidInputException.field("item", "grassroots.error.unknownItem", itemCode);
        }
        if (!accept && (note == null || note.isBlank())) {
            throw InvalidInputException.field("note", "grassroots.error.rejectReason");
        }
        jdbc.sql("""
                        update grassroots.std_answers set review = :r, review_note = :n, reviewed_by = :by
                        where assessment_id = :a and item_code = :i
                        """)
                .param("r", accept ? "ACCEPTED" : "REJECTED")
                .param("n", note == null || note.isBlank() ? null : note.strip())
                .param("by", actor())
                .param("a", before.id())
                .param("i", itemCode)
                .update();
        Assessment after = load(before.id(), t);
        audit.record(
                accept ? "accept" : "reject",
                "grassroots.std-assessment",
                before.id().toString(),
                t.path(),
                before.score(),
                after.score());
        return after;
    }

    @Override
    @Transactional
    public Assessment finish(String townshipCode, int year) {
        Division t = township(townshipCode);
        Account me = currentUser.require();
        if (!isReviewer(me, t.path())) {
            throw new AccessDeniedException("review needs a district-level role over the township");
        }
        Assessment before = lockState(t, year, "SUBMITTED");
        if (before.answers().stream().anyMatch(a -> "PENDING".equals(a.review()))) {
            throw new ConflictException("grassroots.error.pendingReview");
        }
        jdbc.sql("""
                        update grassroots.std_assessments set state = 'REVIEWED', reviewed_by = :a, reviewed_at = now(),
                            version = version + 1 where id = :id
                        """).param("a", actor()).param("id", before.id()).update();
        Assessment after = load(before.id(), t);
        audit.record(
                "finish-review", "grassroots.std-assessment", before.id().toString(), t.path(), before.state(), after);
        return after;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Ranking> ranking(@Nullable String divisionCode, int year) {
        String path;
        if (divisionCode == null || divisionCode.isBlank()) {
            path = currentUser
                    .get()
                    .flatMap(a -> java.util.stream.Stream.concat(
                                    a.jurisdiction().capture().stream(), a.jurisdiction().view().stream())
                            .findFirst())
                    .or(() -> divisions.root().map(Division::path))
                    .orElse("/");
        } else {
            Division d;
            try {
                d = divisions
                        .find(DivisionCode.of(divisionCode.strip()))
                        .orElseThrow(() -> new NotFoundException("division", divisionCode));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.field("division", "grassroots.error.division", divisionCode);
            }
            if (currentUser.get().isPresent()
                    && !currentUser.require().jurisdiction().canView(d.path())) {
                throw new NotFoundException("division", divisionCode);
            }
            path = d.path();
        }
        List<Division> townships = new ArrayList<>();
        collectTownships(path, townships);
        Map<String, int[]> scores = new HashMap<>();
        Map<String, String> states = new HashMap<>();
        jdbc.sql("""
                        select a.township_path, a.state,
                               coalesce(sum(s.self_score) filter (where s.review <> 'REJECTED'), 0) as score
                        from grassroots.std_assessments a left join grassroots.std_answers s on s.assessment_id = a.id
                        where a.year = :y and a.township_path like :p
                        group by a.township_path, a.state
                        """).param("y", year).param("p", path + "%").query(rs -> {
            scores.put(rs.getString(1), new int[] {rs.getInt("score")});
            states.put(rs.getString(1), rs.getString("state"));
        });
        return townships.stream()
                .filter(d -> currentUser
                        .get()
                        .map(a -> a.jurisdiction().canView(d.path()))
                        .orElse(true))
                .map(d -> new Ranking(
                        d.code().value(),
                        d.path(),
                        d.name(),
                        scores.getOrDefault(d.path(), new int[] {0})[0],
                        states.getOrDefault(d.path(), "NONE")))
                .sorted(Comparator.comparingInt(Ranking::score).reversed().thenComparing(Ranking::townshipCode))
                .toList();
    }

    private void collectTownships(String path, List<Division> out) {
        Division d = divisions.byPath(path).orElse(null);
        if (d == null) {
            return;
        }
        int depth = path.split("/").length;
        if (depth == 4) {
            out.add(d);
            return;
        }
        if (depth > 4) {
            return;
        }
        for (Division c : divisions.children(d.code())) {
            collectTownships(c.path(), out);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Evidence evidence(String townshipCode, int year, String itemCode) {
        Division t = township(townshipCode);
        return jdbc.sql("""
                        select s.evidence_name, s.evidence_type, s.evidence from grassroots.std_answers s
                        join grassroots.std_assessments a on a.id = s.assessment_id
                        where a.township_path = :p and a.year = :y and s.item_code = :i and s.evidence is not null
                        """)
                .param("p", t.path())
                .param("y", year)
                .param("i", itemCode)
                .query((rs, n) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional()
                .orElseThrow(() -> new NotFoundException("evidence", itemCode));
    }
}
