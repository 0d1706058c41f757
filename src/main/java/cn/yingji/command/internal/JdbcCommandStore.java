package cn.yingji.command.internal;

import cn.yingji.command.Headquarters;
import cn.yingji.command.NewTask;
import cn.yingji.command.Plan;
import cn.yingji.command.PlanAction;
import cn.yingji.command.PlanId;
import cn.yingji.command.PlanKind;
import cn.yingji.command.PlanLevel;
import cn.yingji.command.PlanStatus;
import cn.yingji.command.Response;
import cn.yingji.command.ResponseId;
import cn.yingji.command.ResponseLevel;
import cn.yingji.command.ResponsibleKind;
import cn.yingji.command.Task;
import cn.yingji.command.TaskId;
import cn.yingji.command.TaskState;
import cn.yingji.command.TaskUpdate;
import cn.yingji.incident.Grade;
import cn.yingji.incident.IncidentId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-written SQL for the {@code command} schema. Scoping patterns are passed in by the callers. */
@Repository
class JdbcCommandStore {

    private final JdbcClient jdbc;

    JdbcCommandStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- plans --------------------------------------------------------------------------------------

    /**
     * Plans whose issuing jurisdiction lies inside the view scope or contains part of it; {@code patterns} null for
     * the system.
     */
    List<Plan> plans(@Nullable List<String> patterns, @Nullable PlanStatus status) {
        StringBuilder sql = new StringBuilder("select * from command.plans p where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (patterns != null) {
            // inside the scope, or an ancestor of one of the scope's roots (pattern minus its trailing %)
            sql.append(" and (p.division_path like any (array[:patterns])"
                    + " or exists (select 1 from unnest(array[:patterns]) s(pt)"
                    + " where rtrim(s.pt, '%') like p.division_path || '%'))");
            params.put("patterns", patterns);
        }
        if (status != null) {
            sql.append(" and p.status = :status");
            params.put("status", status.name());
        }
        sql.append(" order by p.kind, p.code");
        List<PlanRow> rows =
                jdbc.sql(sql.toString()).params(params).query(this::planRow).list();
        return withDetails(rows);
    }

    Optional<Plan> plan(UUID id) {
        List<PlanRow> rows = jdbc.sql("select * from command.plans where id = :id")
                .param("id", id)
                .query(this::planRow)
                .list();
        return withDetails(rows).stream().findFirst();
    }

    Optional<Plan> planByCode(String code) {
        List<PlanRow> rows = jdbc.sql("select * from command.plans where code = :code")
                .param("code", code)
                .query(this::planRow)
                .list();
        return withDetails(rows).stream().findFirst();
    }

    /** Active plans whose jurisdiction contains {@code eventPath}. */
    List<Plan> activePlansContaining(String eventPath) {
        List<PlanRow> rows =
                jdbc.sql("""
                        select * from command.plans
                        where status = 'ACTIVE' and :path like division_path || '%'
                        order by code
                        """).param("path", eventPath).query(this::planRow).list();
        return withDetails(rows);
    }

    private record PlanRow(
            UUID id,
            String code,
            String name,
            PlanKind kind,
            List<String> types,
            String path,
            String issuer,
            String versionLabel,
            @Nullable LocalDate effectiveOn,
            PlanStatus status,
            @Nullable String summary,
            int version) {}

    private PlanRow planRow(ResultSet rs, int n) throws SQLException {
        java.sql.Date eff = rs.getDate("effective_on");
        return new PlanRow(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                PlanKind.valueOf(rs.getString("kind")),
                strings(rs.getArray("event_types")),
                rs.getString("division_path"),
                rs.getString("issuer"),
                rs.getString("version_label"),
                eff == null ? null : eff.toLocalDate(),
                PlanStatus.valueOf(rs.getString("status")),
                rs.getString("summary"),
                rs.getInt("version"));
    }

    private List<Plan> withDetails(List<PlanRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(PlanRow::id).toArray(UUID[]::new);
        Map<UUID, List<PlanLevel>> levels = new LinkedHashMap<>();
        jdbc.sql("select * from command.plan_levels where plan_id = any(:ids) order by level")
                .param("ids", ids)
                .query(rs -> {
                    String g = rs.getString("min_grade");
                    levels.computeIfAbsent(rs.getObject("plan_id", UUID.class), k -> new ArrayList<>())
                            .add(new PlanLevel(
                                    ResponseLevel.valueOf(rs.getString("level")),
                                    g == null ? null : Grade.valueOf(g),
                                    rs.getString("trigger_text")));
                });
        Map<UUID, List<PlanAction>> actions = new LinkedHashMap<>();
        jdbc.sql("select * from command.plan_actions where plan_id = any(:ids) and not retired order by level, seq")
                .param("ids", ids)
                .query(rs -> {
                    actions.computeIfAbsent(rs.getObject("plan_id", UUID.class), k -> new ArrayList<>())
                            .add(new PlanAction(
                                    rs.getObject("id", UUID.class),
                                    ResponseLevel.valueOf(rs.getString("level")),
                                    rs.getInt("seq"),
                                    rs.getString("action"),
                                    ResponsibleKind.valueOf(rs.getString("responsible_kind")),
                                    rs.getString("responsible"),
                                    rs.getString("responsible_user"),
                                    rs.getInt("due_minutes")));
                });
        return rows.stream()
                .map(r -> new Plan(
                        new PlanId(r.id()),
                        r.code(),
                        r.name(),
                        r.kind(),
                        r.types(),
                        r.path(),
                        r.issuer(),
                        r.versionLabel(),
                        r.effectiveOn(),
                        r.status(),
                        r.summary(),
                        levels.getOrDefault(r.id(), List.of()),
                        actions.getOrDefault(r.id(), List.of()),
                        r.version()))
                .toList();
    }

    /** Inserts or (when {@code expectedVersion} is given) replaces a plan; false on a version mismatch. */
    boolean savePlan(UUID id, Plan p, String actor, @Nullable Integer expectedVersion) {
        if (expectedVersion == null) {
            jdbc.sql("""
                            insert into command.plans (id, code, name, kind, event_types, division_path, issuer,
                                version_label, effective_on, status, summary, created_by)
                            values (:id, :code, :name, :kind, :types, :path, :issuer, :ver, :eff, :status, :summary, :by)
                            """).params(planParams(id, p)).param("by", actor).update();
        } else {
            int n = jdbc.sql("""
                            update command.plans set code = :code, name = :name, kind = :kind, event_types = :types,
                                division_path = :path, issuer = :issuer, version_label = :ver, effective_on = :eff,
                                status = :status, summary = :summary, updated_at = now(), version = version + 1
                            where id = :id and version = :expected
                            """)
                    .params(planParams(id, p))
                    .param("expected", expectedVersion)
                    .update();
            if (n == 0) {
                return false;
            }
            jdbc.sql("delete from command.plan_levels where plan_id = :id")
                    .param("id", id)
                    .update();
            // actions referenced by tasks stay (tasks keep their history); the rest are replaced
            jdbc.sql("""
                            delete from command.plan_actions a where a.plan_id = :id
                            and not exists (select 1 from command.tasks t where t.plan_action_id = a.id)
                            """).param("id", id).update();
            jdbc.sql("update command.plan_actions set retired = true where plan_id = :id")
                    .param("id", id)
                    .update();
        }
        for (PlanLevel l : p.levels()) {
            jdbc.sql("""
                            insert into command.plan_levels (plan_id, level, min_grade, trigger_text)
                            values (:id, :level, :grade, :trigger)
                            """)
                    .param("id", id)
                    .param("level", l.level().name())
                    .param("grade", l.minGrade() == null ? null : l.minGrade().name())
                    .param("trigger", l.triggerText())
                    .update();
        }
        for (PlanAction a : p.actions()) {
            jdbc.sql("""
                            insert into command.plan_actions (id, plan_id, level, seq, action, responsible_kind,
                                responsible, responsible_user, due_minutes)
                            values (:aid, :id, :level, :seq, :action, :kind, :resp, :user, :due)
                            """)
                    .param("aid", UUID.randomUUID())
                    .param("id", id)
                    .param("level", a.level().name())
                    .param("seq", a.seq())
                    .param("action", a.action())
                    .param("kind", a.responsibleKind().name())
                    .param("resp", a.responsible())
                    .param("user", a.responsibleUser())
                    .param("due", a.dueMinutes())
                    .update();
        }
        return true;
    }

    private static Map<String, Object> planParams(UUID id, Plan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("code", p.code());
        m.put("name", p.name());
        m.put("kind", p.kind().name());
        m.put("types", p.eventTypes().toArray(String[]::new));
        m.put("path", p.divisionPath());
        m.put("issuer", p.issuer());
        m.put("ver", p.versionLabel());
        m.put("eff", p.effectiveOn() == null ? null : java.sql.Date.valueOf(p.effectiveOn()));
        m.put("status", p.status().name());
        m.put("summary", p.summary());
        return m;
    }

    boolean codeTaken(String code, @Nullable UUID except) {
        return jdbc.sql("select count(*) from command.plans where code = :code and id is distinct from :except")
                        .param("code", code)
                        .param("except", except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    // ---- responses ----------------------------------------------------------------------------------

    void insertResponse(
            UUID id,
            UUID incident,
            @Nullable UUID plan,
            ResponseLevel level,
            String path,
            String actor,
            Instant at,
            String reason) {
        jdbc.sql("""
                        insert into command.responses (id, incident_id, plan_id, level, state, division_path,
                            activated_by, activated_at, reason)
                        values (:id, :incident, :plan, :level, 'ACTIVE', :path, :actor, :at, :reason)
                        """)
                .param("id", id)
                .param("incident", incident)
                .param("plan", plan)
                .param("level", level.name())
                .param("path", path)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .update();
    }

    void setResponseLevel(UUID id, ResponseLevel level) {
        jdbc.sql("update command.responses set level = :level, version = version + 1 where id = :id")
                .param("id", id)
                .param("level", level.name())
                .update();
    }

    void endResponse(UUID id, String actor, Instant at) {
        jdbc.sql("""
                        update command.responses set state = 'ENDED', ended_by = :actor, ended_at = :at,
                            version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    void responseChange(
            UUID response,
            Instant at,
            String actor,
            Response.Action action,
            @Nullable ResponseLevel from,
            @Nullable ResponseLevel to,
            String reason) {
        jdbc.sql("""
                        insert into command.response_changes (response_id, at, actor, action, from_level, to_level, reason)
                        values (:r, :at, :actor, :action, :from, :to, :reason)
                        """)
                .param("r", response)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action.name())
                .param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name())
                .param("reason", reason)
                .update();
    }

    List<Response> responses(UUID incident) {
        List<Response> bare = jdbc.sql("""
                        select r.*, p.name as plan_name from command.responses r
                        left join command.plans p on p.id = r.plan_id
                        where r.incident_id = :i order by r.activated_at desc
                        """)
                .param("i", incident)
                .query((rs, n) -> new Response(
                        new ResponseId(rs.getObject("id", UUID.class)),
                        new IncidentId(rs.getObject("incident_id", UUID.class)),
                        rs.getObject("plan_id") == null ? null : new PlanId(rs.getObject("plan_id", UUID.class)),
                        rs.getString("plan_name"),
                        ResponseLevel.valueOf(rs.getString("level")),
                        "ACTIVE".equals(rs.getString("state")),
                        rs.getString("division_path"),
                        rs.getString("activated_by"),
                        rs.getTimestamp("activated_at").toInstant(),
                        rs.getString("ended_by"),
                        instant(rs, "ended_at"),
                        rs.getString("reason"),
                        List.of()))
                .list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<UUID, List<Response.Change>> changes = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.* from command.response_changes c join command.responses r on r.id = c.response_id
                        where r.incident_id = :i order by c.at, c.id
                        """).param("i", incident).query(rs -> {
            String from = rs.getString("from_level");
            String to = rs.getString("to_level");
            changes.computeIfAbsent(rs.getObject("response_id", UUID.class), k -> new ArrayList<>())
                    .add(new Response.Change(
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"),
                            Response.Action.valueOf(rs.getString("action")),
                            from == null ? null : ResponseLevel.valueOf(from),
                            to == null ? null : ResponseLevel.valueOf(to),
                            rs.getString("reason")));
        });
        return bare.stream()
                .map(r -> new Response(
                        r.id(),
                        r.incidentId(),
                        r.planId(),
                        r.planName(),
                        r.level(),
                        r.active(),
                        r.divisionPath(),
                        r.activatedBy(),
                        r.activatedAt(),
                        r.endedBy(),
                        r.endedAt(),
                        r.reason(),
                        changes.getOrDefault(r.id().value(), List.of())))
                .toList();
    }

    // ---- headquarters -------------------------------------------------------------------------------

    Optional<Headquarters> headquarters(UUID incident) {
        Optional<Headquarters> hq = jdbc.sql("select * from command.headquarters where incident_id = :i")
                .param("i", incident)
                .query((rs, n) -> new Headquarters(
                        rs.getObject("id", UUID.class),
                        new IncidentId(rs.getObject("incident_id", UUID.class)),
                        rs.getString("name"),
                        Headquarters.LeadLevel.valueOf(rs.getString("lead_level")),
                        rs.getString("post_address"),
                        (Double) rs.getObject("post_lon"),
                        (Double) rs.getObject("post_lat"),
                        rs.getString("on_scene_commander"),
                        rs.getString("on_scene_team"),
                        rs.getString("established_by"),
                        rs.getTimestamp("established_at").toInstant(),
                        List.of()))
                .optional();
        return hq.map(h -> new Headquarters(
                h.id(),
                h.incidentId(),
                h.name(),
                h.leadLevel(),
                h.postAddress(),
                h.postLon(),
                h.postLat(),
                h.onSceneCommander(),
                h.onSceneTeam(),
                h.establishedBy(),
                h.establishedAt(),
                members(h.id())));
    }

    private List<Headquarters.Member> members(UUID hq) {
        return jdbc.sql("""
                        select * from command.hq_members where hq_id = :hq
                        order by case role when 'COMMANDER' then 0 when 'DEPUTY' then 1 when 'GROUP_LEAD' then 2
                            else 3 end, group_code nulls first, added_at
                        """)
                .param("hq", hq)
                .query((rs, n) -> {
                    String g = rs.getString("group_code");
                    return new Headquarters.Member(
                            rs.getObject("id", UUID.class),
                            Headquarters.Role.valueOf(rs.getString("role")),
                            g == null ? null : Headquarters.Group.valueOf(g),
                            rs.getObject("person_id", UUID.class),
                            rs.getString("person_name"),
                            rs.getString("organisation"),
                            rs.getString("phone"),
                            rs.getString("username"));
                })
                .list();
    }

    void upsertHeadquarters(
            UUID id,
            UUID incident,
            String name,
            String path,
            Headquarters.LeadLevel lead,
            cn.yingji.command.CommandManagement.HeadquartersDraft d,
            String actor,
            Instant at) {
        jdbc.sql("""
                        insert into command.headquarters (id, incident_id, name, division_path, lead_level, post_address,
                            post_lon, post_lat, on_scene_commander, on_scene_team, established_by, established_at)
                        values (:id, :i, :name, :path, :lead, :addr, :lon, :lat, :osc, :team, :actor, :at)
                        on conflict (incident_id) do update set name = excluded.name, post_address = excluded.post_address,
                            post_lon = excluded.post_lon, post_lat = excluded.post_lat,
                            on_scene_commander = excluded.on_scene_commander, on_scene_team = excluded.on_scene_team,
                            version = command.headquarters.version + 1
                        """)
                .param("id", id)
                .param("i", incident)
                .param("name", name)
                .param("path", path)
                .param("lead", lead.name())
                .param("addr", d.postAddress())
                .param("lon", d.postLon())
                .param("lat", d.postLat())
                .param("osc", d.onSceneCommander())
                .param("team", d.onSceneTeam())
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    int setLeadLevel(UUID incident, Headquarters.LeadLevel lead) {
        return jdbc.sql("""
                        update command.headquarters set lead_level = :lead, version = version + 1
                        where incident_id = :i and lead_level <> :lead
                        """).param("i", incident).param("lead", lead.name()).update();
    }

    void insertMember(UUID hq, UUID id, cn.yingji.command.CommandManagement.MemberDraft m, String actor, Instant at) {
        jdbc.sql("""
                        insert into command.hq_members (id, hq_id, role, group_code, person_name, organisation, phone,
                            username, added_by, added_at)
                        values (:id, :hq, :role, :group, :name, :org, :phone, :user, :actor, :at)
                        """)
                .param("id", id)
                .param("hq", hq)
                .param("role", m.role().name())
                .param("group", m.group() == null ? null : m.group().name())
                .param("name", m.personName())
                .param("org", m.organisation())
                .param("phone", m.phone())
                .param("user", m.username())
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    int deleteMember(UUID hq, UUID member) {
        return jdbc.sql("delete from command.hq_members where hq_id = :hq and id = :id")
                .param("hq", hq)
                .param("id", member)
                .update();
    }

    // ---- tasks --------------------------------------------------------------------------------------

    String nextTaskNumber(java.time.LocalDate day) {
        long n = jdbc.sql("select nextval('command.task_number_seq')")
                .query(Long.class)
                .single();
        return "T" + day.toString().replace("-", "") + "-" + String.format("%05d", n);
    }

    Optional<Task> taskBySource(String key) {
        return jdbc.sql("select * from command.tasks where source_key = :k")
                .param("k", key)
                .query(this::taskRow)
                .optional();
    }

    void insertTask(
            UUID id,
            String number,
            UUID incident,
            @Nullable UUID response,
            @Nullable UUID planAction,
            String path,
            NewTask t,
            String actor,
            Instant at,
            @Nullable String sourceKey) {
        jdbc.sql("""
                        insert into command.tasks (id, number, incident_id, response_id, plan_action_id, division_path,
                            title, detail, assignee_kind, assignee_name, assignee_user, assigned_by, assigned_at, due_at,
                            state, source_key)
                        values (:id, :number, :incident, :response, :action, :path, :title, :detail, :kind, :name,
                            :user, :actor, :at, :due, 'ISSUED', :source)
                        """)
                .param("id", id)
                .param("number", number)
                .param("incident", incident)
                .param("response", response)
                .param("action", planAction)
                .param("path", path)
                .param("title", t.title())
                .param("detail", t.detail())
                .param("kind", t.assigneeKind().name())
                .param("name", t.assigneeName())
                .param("user", t.assigneeUser())
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .param("due", Timestamp.from(t.dueAt()))
                .param("source", sourceKey)
                .update();
    }

    /** Plan actions for which the response already has a task. */
    List<UUID> taskedActions(UUID response) {
        return jdbc.sql(
                        "select plan_action_id from command.tasks where response_id = :r and plan_action_id is not null")
                .param("r", response)
                .query(UUID.class)
                .list();
    }

    Optional<Task> lockTask(UUID id) {
        return jdbc.sql("select * from command.tasks where id = :id for update")
                .param("id", id)
                .query(this::taskRow)
                .optional();
    }

    Optional<Task> task(UUID id) {
        return jdbc.sql("select * from command.tasks where id = :id")
                .param("id", id)
                .query(this::taskRow)
                .optional();
    }

    List<Task> tasks(UUID incident) {
        return jdbc.sql("select * from command.tasks where incident_id = :i order by due_at, number")
                .param("i", incident)
                .query(this::taskRow)
                .list();
    }

    List<Task> openTasks(@Nullable List<String> patterns, int limit) {
        String scope = patterns == null ? "" : " and division_path like any (array[:patterns])";
        var spec = jdbc.sql("select * from command.tasks where state in ('ISSUED', 'RECEIVED', 'DONE_REPORTED')" + scope
                        + " order by due_at limit :limit")
                .param("limit", limit);
        if (patterns != null) {
            spec = spec.param("patterns", patterns);
        }
        return spec.query(this::taskRow).list();
    }

    List<Task> myTasks(String username, @Nullable List<String> patterns) {
        String scope = patterns == null ? "" : " and division_path like any (array[:patterns])";
        var spec = jdbc.sql("select * from command.tasks where state in ('ISSUED', 'RECEIVED', 'DONE_REPORTED')"
                        + " and (assignee_user = :u or (assigned_by = :u and (escalated_at is not null"
                        + " or state = 'DONE_REPORTED')))" + scope + " order by due_at limit 500")
                .param("u", username);
        if (patterns != null) {
            spec = spec.param("patterns", patterns);
        }
        return spec.query(this::taskRow).list();
    }

    Map<String, Long> taskCounts(@Nullable List<String> patterns, Instant now) {
        String scope = patterns == null ? "" : " and division_path like any (array[:patterns])";
        var spec = jdbc.sql("select state, count(*) as n, count(*) filter (where due_at < :now) as late"
                        + " from command.tasks where state in ('ISSUED', 'RECEIVED', 'DONE_REPORTED')" + scope
                        + " group by state")
                .param("now", Timestamp.from(now));
        if (patterns != null) {
            spec = spec.param("patterns", patterns);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (TaskState s : List.of(TaskState.ISSUED, TaskState.RECEIVED, TaskState.DONE_REPORTED)) {
            out.put(s.name(), 0L);
        }
        out.put("OVERDUE", 0L);
        spec.query(rs -> {
            out.put(rs.getString("state"), rs.getLong("n"));
            out.merge("OVERDUE", rs.getLong("late"), Long::sum);
        });
        return out;
    }

    void updateTaskState(UUID id, TaskState state, String actor, Instant at) {
        String set = switch (state) {
            case RECEIVED ->
                "received_by = coalesce(received_by, :actor),"
                        + " received_at = coalesce(received_at, :at), done_by = null, done_at = null,";
            case DONE_REPORTED -> "done_by = :actor, done_at = :at,";
            case COMPLETED, CANCELLED -> "confirmed_by = :actor, confirmed_at = :at,";
            case ISSUED -> "";
        };
        jdbc.sql("update command.tasks set " + set + " state = :state, version = version + 1 where id = :id")
                .param("id", id)
                .param("state", state.name())
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Marks open overdue tasks escalated and returns them (one statement, so a task escalates once). */
    List<Task> escalateOverdue(Instant now, int limit) {
        return jdbc.sql("""
                        update command.tasks set escalated_at = :now, version = version + 1
                        where id in (select id from command.tasks
                            where state in ('ISSUED', 'RECEIVED', 'DONE_REPORTED') and due_at < :now
                              and escalated_at is null
                            order by due_at limit :limit for update skip locked)
                        returning *
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::taskRow)
                .list();
    }

    void insertUpdate(
            UUID id,
            UUID task,
            Instant at,
            String actor,
            TaskUpdate.Kind kind,
            @Nullable String text,
            @Nullable Double lon,
            @Nullable Double lat,
            @Nullable String photoName,
            @Nullable String photoType,
            byte @Nullable [] photo) {
        jdbc.sql("""
                        insert into command.task_updates (id, task_id, at, actor, kind, text, lon, lat, photo_name,
                            photo_type, photo)
                        values (:id, :task, :at, :actor, :kind, :text, :lon, :lat, :pn, :pt, :photo)
                        """)
                .param("id", id)
                .param("task", task)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("kind", kind.name())
                .param("text", text)
                .param("lon", lon)
                .param("lat", lat)
                .param("pn", photoName)
                .param("pt", photoType)
                .param("photo", photo)
                .update();
    }

    List<TaskUpdate> updates(UUID task) {
        return jdbc.sql("""
                        select id, task_id, at, actor, kind, text, lon, lat, photo_name
                        from command.task_updates where task_id = :t order by at, kind
                        """)
                .param("t", task)
                .query((rs, n) -> new TaskUpdate(
                        rs.getObject("id", UUID.class),
                        new TaskId(rs.getObject("task_id", UUID.class)),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        TaskUpdate.Kind.valueOf(rs.getString("kind")),
                        rs.getString("text"),
                        (Double) rs.getObject("lon"),
                        (Double) rs.getObject("lat"),
                        rs.getString("photo_name")))
                .list();
    }

    Optional<cn.yingji.command.Command.Photo> photo(UUID task, UUID update) {
        return jdbc.sql("""
                        select photo_name, photo_type, photo from command.task_updates
                        where task_id = :t and id = :u and photo is not null
                        """)
                .param("t", task)
                .param("u", update)
                .query((rs, n) -> new cn.yingji.command.Command.Photo(
                        rs.getString("photo_name"), rs.getString("photo_type"), rs.getBytes("photo")))
                .optional();
    }

    private Task taskRow(ResultSet rs, int n) throws SQLException {
        UUID response = rs.getObject("response_id", UUID.class);
        return new Task(
                new TaskId(rs.getObject("id", UUID.class)),
                rs.getString("number"),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                response == null ? null : new ResponseId(response),
                rs.getString("division_path"),
                rs.getString("title"),
                rs.getString("detail"),
                ResponsibleKind.valueOf(rs.getString("assignee_kind")),
                rs.getString("assignee_name"),
                rs.getString("assignee_user"),
                rs.getString("assigned_by"),
                rs.getTimestamp("assigned_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(),
                TaskState.valueOf(rs.getString("state")),
                rs.getString("received_by"),
                instant(rs, "received_at"),
                rs.getString("done_by"),
                instant(rs, "done_at"),
                rs.getString("confirmed_by"),
                instant(rs, "confirmed_at"),
                instant(rs, "escalated_at"),
                rs.getInt("version"));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(@Nullable Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
