package cn.yingji.responsibility.internal;

import cn.yingji.directory.PositionId;
import cn.yingji.responsibility.ChiefAssignment;
import cn.yingji.responsibility.DutyList;
import cn.yingji.responsibility.DutyListId;
import cn.yingji.responsibility.Responsibilities;
import cn.yingji.responsibility.SupervisionRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-written SQL for the {@code responsibility} schema. Scoping patterns come from the callers. */
@Repository
class JdbcResponsibilityStore {

    private final JdbcClient jdbc;

    JdbcResponsibilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String scope(@Nullable List<String> patterns, String column) {
        return patterns == null ? "" : " and " + column + " like any (array[:patterns])";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, @Nullable List<String> patterns) {
        return patterns == null ? spec : spec.param("patterns", patterns);
    }

    // ---- lists --------------------------------------------------------------------------------------

    /** Latest version of each lineage in scope. */
    List<DutyList> latest(@Nullable List<String> patterns, @Nullable UUID position, DutyList.@Nullable State state) {
        StringBuilder sql = new StringBuilder("""
                select distinct on (l.lineage_id) l.* from responsibility.lists l where true""");
        sql.append(scope(patterns, "l.division_path"));
        if (position != null) {
            sql.append(" and l.position_id = :position");
        }
        if (state != null) {
            sql.append(" and l.state = :state");
        }
        sql.append(" order by l.lineage_id, l.version_no desc");
        var spec = bind(jdbc.sql("select * from (" + sql + ") x order by x.division_path, x.title"), patterns);
        if (position != null) {
            spec = spec.param("position", position);
        }
        if (state != null) {
            spec = spec.param("state", state.name());
        }
        return withItems(spec.query(this::listRow).list());
    }

    List<DutyList> publishedFor(List<UUID> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return withItems(jdbc.sql("""
                        select * from responsibility.lists where state = 'PUBLISHED' and position_id = any(:p)
                        order by division_path, title
                        """)
                .param("p", positions.toArray(UUID[]::new))
                .query(this::listRow)
                .list());
    }

    Optional<DutyList> list(UUID id) {
        return withItems(jdbc.sql("select * from responsibility.lists where id = :id")
                        .param("id", id)
                        .query(this::listRow)
                        .list())
                .stream()
                .findFirst();
    }

    Optional<DutyList> lock(UUID id) {
        return withItems(jdbc.sql("select * from responsibility.lists where id = :id for update")
                        .param("id", id)
                        .query(this::listRow)
                        .list())
                .stream()
                .findFirst();
    }

    List<DutyList> versions(UUID lineage) {
        return withItems(jdbc.sql("select * from responsibility.lists where lineage_id = :l order by version_no desc")
                .param("l", lineage)
                .query(this::listRow)
                .list());
    }

    int nextVersionNo(UUID lineage) {
        return jdbc.sql("select coalesce(max(version_no), 0) + 1 from responsibility.lists where lineage_id = :l")
                .param("l", lineage)
                .query(Integer.class)
                .single();
    }

    boolean hasDraft(UUID lineage) {
        return jdbc.sql("select count(*) from responsibility.lists where lineage_id = :l and state = 'DRAFT'")
                        .param("l", lineage)
                        .query(Long.class)
                        .single()
                > 0;
    }

    record ItemDraft(
            DutyList.Principle principle,
            String content,
            @Nullable LocalDate dueOn,
            boolean evidence) {}

    void insertList(
            UUID id,
            UUID lineage,
            int versionNo,
            DutyList.Kind kind,
            UUID position,
            String positionName,
            String path,
            String title,
            @Nullable String basis,
            String actor,
            Instant at,
            List<ItemDraft> items) {
        jdbc.sql("""
                        insert into responsibility.lists (id, lineage_id, version_no, kind, position_id, position_name,
                            division_path, title, basis, state, created_by, created_at)
                        values (:id, :lineage, :no, :kind, :position, :pname, :path, :title, :basis, 'DRAFT', :actor, :at)
                        """)
                .param("id", id)
                .param("lineage", lineage)
                .param("no", versionNo)
                .param("kind", kind.name())
                .param("position", position)
                .param("pname", positionName)
                .param("path", path)
                .param("title", title)
                .param("basis", basis)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
        insertItems(id, items);
    }

    void replaceDraft(UUID id, String title, @Nullable String basis, DutyList.Kind kind, List<ItemDraft> items) {
        jdbc.sql("""
                        update responsibility.lists set title = :title, basis = :basis, kind = :kind,
                            version = version + 1 where id = :id
                        """)
                .param("id", id)
                .param("title", title)
                .param("basis", basis)
                .param("kind", kind.name())
                .update();
        jdbc.sql("delete from responsibility.items where list_id = :id")
                .param("id", id)
                .update();
        insertItems(id, items);
    }

    private void insertItems(UUID list, List<ItemDraft> items) {
        int seq = 0;
        for (ItemDraft i : items) {
            jdbc.sql("""
                            insert into responsibility.items (id, list_id, seq, principle, content, due_on,
                                evidence_required)
                            values (:id, :list, :seq, :principle, :content, :due, :evidence)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("list", list)
                    .param("seq", ++seq)
                    .param("principle", i.principle().name())
                    .param("content", i.content())
                    .param("due", i.dueOn() == null ? null : java.sql.Date.valueOf(i.dueOn()))
                    .param("evidence", i.evidence())
                    .update();
        }
    }

    void publish(UUID id, UUID lineage, String actor, Instant at) {
        jdbc.sql("""
                        update responsibility.lists set state = 'SUPERSEDED', version = version + 1
                        where lineage_id = :l and state = 'PUBLISHED'
                        """).param("l", lineage).update();
        jdbc.sql("""
                        update responsibility.lists set state = 'PUBLISHED', approved_by = :actor, published_at = :at,
                            version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    void completeItem(
            UUID item,
            String actor,
            Instant at,
            @Nullable String note,
            @Nullable String name,
            @Nullable String type,
            byte @Nullable [] evidence) {
        jdbc.sql("""
                        update responsibility.items set status = 'DONE', done_by = :actor, done_at = :at, done_note = :note,
                            evidence_name = :name, evidence_type = :type, evidence = :evidence
                        where id = :id
                        """)
                .param("id", item)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .param("note", note)
                .param("name", name)
                .param("type", type)
                .param("evidence", evidence)
                .update();
    }

    Optional<Responsibilities.Evidence> evidence(UUID list, UUID item) {
        return jdbc.sql("""
                        select evidence_name, evidence_type, evidence from responsibility.items
                        where list_id = :l and id = :i and evidence is not null
                        """)
                .param("l", list)
                .param("i", item)
                .query((rs, n) -> new Responsibilities.Evidence(
                        rs.getString("evidence_name"), rs.getString("evidence_type"), rs.getBytes("evidence")))
                .optional();
    }

    Map<String, Long> itemCounts(@Nullable List<String> patterns, LocalDate today) {
        var spec = bind(jdbc.sql("""
                        select count(*) filter (where i.status = 'OPEN') as open,
                               count(*) filter (where i.status = 'DONE') as done,
                               count(*) filter (where i.status = 'OPEN' and i.due_on < :today) as overdue
                        from responsibility.items i join responsibility.lists l on l.id = i.list_id
                        where l.state = 'PUBLISHED'""" + scope(patterns, "l.division_path")), patterns);
        Map<String, Long> out = new LinkedHashMap<>();
        spec.param("today", java.sql.Date.valueOf(today)).query(rs -> {
            out.put("OPEN", rs.getLong("open"));
            out.put("DONE", rs.getLong("done"));
            out.put("OVERDUE", rs.getLong("overdue"));
        });
        return out;
    }

    private record ListRow(
            UUID id,
            UUID lineage,
            int no,
            DutyList.Kind kind,
            UUID position,
            String positionName,
            String path,
            String title,
            @Nullable String basis,
            DutyList.State state,
            String createdBy,
            Instant createdAt,
            @Nullable String approvedBy,
            @Nullable Instant publishedAt,
            int version) {}

    private ListRow listRow(ResultSet rs, int n) throws SQLException {
        Timestamp pub = rs.getTimestamp("published_at");
        return new ListRow(
                rs.getObject("id", UUID.class),
                rs.getObject("lineage_id", UUID.class),
                rs.getInt("version_no"),
                DutyList.Kind.valueOf(rs.getString("kind")),
                rs.getObject("position_id", UUID.class),
                rs.getString("position_name"),
                rs.getString("division_path"),
                rs.getString("title"),
                rs.getString("basis"),
                DutyList.State.valueOf(rs.getString("state")),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("approved_by"),
                pub == null ? null : pub.toInstant(),
                rs.getInt("version"));
    }

    private List<DutyList> withItems(List<ListRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<DutyList.Item>> items = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, list_id, seq, principle, content, due_on, evidence_required, status, done_by,
                               done_at, done_note, evidence_name
                        from responsibility.items where list_id = any(:ids) order by seq
                        """)
                .param("ids", rows.stream().map(ListRow::id).toArray(UUID[]::new))
                .query(rs -> {
                    java.sql.Date due = rs.getDate("due_on");
                    Timestamp done = rs.getTimestamp("done_at");
                    items.computeIfAbsent(rs.getObject("list_id", UUID.class), k -> new ArrayList<>())
                            .add(new DutyList.Item(
                                    rs.getObject("id", UUID.class),
                                    rs.getInt("seq"),
                                    DutyList.Principle.valueOf(rs.getString("principle")),
                                    rs.getString("content"),
                                    due == null ? null : due.toLocalDate(),
                                    rs.getBoolean("evidence_required"),
                                    "DONE".equals(rs.getString("status")),
                                    rs.getString("done_by"),
                                    done == null ? null : done.toInstant(),
                                    rs.getString("done_note"),
                                    rs.getString("evidence_name")));
                });
        return rows.stream()
                .map(r -> new DutyList(
                        new DutyListId(r.id()),
                        r.lineage(),
                        r.no(),
                        r.kind(),
                        new PositionId(r.position()),
                        r.positionName(),
                        r.path(),
                        r.title(),
                        r.basis(),
                        r.state(),
                        r.createdBy(),
                        r.createdAt(),
                        r.approvedBy(),
                        r.publishedAt(),
                        items.getOrDefault(r.id(), List.of()),
                        r.version()))
                .toList();
    }

    // ---- supervision --------------------------------------------------------------------------------

    List<SupervisionRule> supervision(@Nullable String industry) {
        var spec = jdbc.sql("select * from responsibility.supervision"
                + (industry == null ? "" : " where industry = :industry") + " order by industry, department");
        if (industry != null) {
            spec = spec.param("industry", industry);
        }
        return spec.query((rs, n) -> new SupervisionRule(
                        rs.getObject("id", UUID.class),
                        rs.getString("industry"),
                        rs.getString("department"),
                        SupervisionRule.Ground.valueOf(rs.getString("ground")),
                        rs.getString("note"),
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    Optional<SupervisionRule> supervisionRule(UUID id) {
        return supervision(null).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    void upsertSupervision(
            UUID id,
            String industry,
            String department,
            SupervisionRule.Ground ground,
            @Nullable String note,
            String actor,
            Instant at) {
        jdbc.sql("""
                        insert into responsibility.supervision (id, industry, department, ground, note, updated_by, updated_at)
                        values (:id, :industry, :department, :ground, :note, :actor, :at)
                        on conflict (id) do update set industry = excluded.industry, department = excluded.department,
                            ground = excluded.ground, note = excluded.note, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at
                        """)
                .param("id", id)
                .param("industry", industry)
                .param("department", department)
                .param("ground", ground.name())
                .param("note", note)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    int deleteSupervision(UUID id) {
        return jdbc.sql("delete from responsibility.supervision where id = :id")
                .param("id", id)
                .update();
    }

    // ---- chiefs and 包保 ----------------------------------------------------------------------------

    record AssignmentRow(
            UUID id,
            ChiefAssignment.Kind kind,
            ChiefAssignment.ObjectKind objectKind,
            String objectName,
            String path,
            UUID position,
            String positionName,
            @Nullable Instant verifiedAt,
            @Nullable String verifiedBy,
            @Nullable String verifiedPhone) {}

    List<AssignmentRow> assignments(@Nullable List<String> patterns, ChiefAssignment.@Nullable Kind kind) {
        var spec = bind(
                jdbc.sql("select * from responsibility.assignments where true" + scope(patterns, "division_path")
                        + (kind == null ? "" : " and kind = :kind") + " order by division_path, kind, object_name"),
                patterns);
        if (kind != null) {
            spec = spec.param("kind", kind.name());
        }
        return spec.query(this::assignmentRow).list();
    }

    Optional<AssignmentRow> assignment(UUID id) {
        return jdbc.sql("select * from responsibility.assignments where id = :id")
                .param("id", id)
                .query(this::assignmentRow)
                .optional();
    }

    private AssignmentRow assignmentRow(ResultSet rs, int n) throws SQLException {
        Timestamp v = rs.getTimestamp("verified_at");
        return new AssignmentRow(
                rs.getObject("id", UUID.class),
                ChiefAssignment.Kind.valueOf(rs.getString("kind")),
                ChiefAssignment.ObjectKind.valueOf(rs.getString("object_kind")),
                rs.getString("object_name"),
                rs.getString("division_path"),
                rs.getObject("position_id", UUID.class),
                rs.getString("position_name"),
                v == null ? null : v.toInstant(),
                rs.getString("verified_by"),
                rs.getString("verified_phone"));
    }

    void insertAssignment(AssignmentRow r, String actor, Instant at) {
        jdbc.sql("""
                        insert into responsibility.assignments (id, kind, object_kind, object_name, division_path,
                            position_id, position_name, created_by, created_at)
                        values (:id, :kind, :ok, :name, :path, :position, :pname, :actor, :at)
                        """)
                .param("id", r.id())
                .param("kind", r.kind().name())
                .param("ok", r.objectKind().name())
                .param("name", r.objectName())
                .param("path", r.path())
                .param("position", r.position())
                .param("pname", r.positionName())
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    void verify(UUID id, String actor, Instant at, String phone) {
        jdbc.sql("""
                        update responsibility.assignments set verified_at = :at, verified_by = :actor,
                            verified_phone = :phone, version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .param("phone", phone)
                .update();
    }
}
