package cn.yingji.resource.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentState;
import cn.yingji.incident.Incidents;
import cn.yingji.resource.Team;
import cn.yingji.resource.TeamId;
import cn.yingji.resource.TeamStatus;
import cn.yingji.shared.ConflictException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On-scene coordination of (social) rescue forces: a team registers at the event's coordination point with its
 * people and capabilities (moving to {@link TeamStatus#ON_SCENE}), reports while there, and checks out (moving to
 * {@link TeamStatus#RETURNING}); the scene sees who is there. The team's leader or a registry keeper does this.
 */
@Service
class SceneCoordination {

    private final JdbcClient jdbc;
    private final TeamService teams;
    private final Incidents incidents;
    private final ResourceRoles roles;
    private final AuditTrail audit;

    SceneCoordination(JdbcClient jdbc, TeamService teams, Incidents incidents, ResourceRoles roles, AuditTrail audit) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.incidents = incidents;
        this.roles = roles;
        this.audit = audit;
    }

    /** A registration at the scene, with the latest report. */
    record CheckIn(
            UUID id,
            UUID incidentId,
            UUID teamId,
            String teamName,
            int people,
            List<String> capabilities,
            @Nullable String contact,
            Instant checkedInAt,
            @Nullable Instant checkedOutAt,
            @Nullable String lastReport,
            @Nullable Instant lastReportAt) {}

    private static final String SELECT = """
            select c.id, c.incident_id, c.team_id, t.name, c.people, c.capabilities, c.contact, c.checked_in_at,
                   c.checked_out_at, r.text, r.at
              from resource.scene_checkins c join resource.teams t on t.id = c.team_id
              left join lateral (select text, at from resource.scene_reports x where x.checkin_id = c.id
                                  order by at desc limit 1) r on true""";

    private static CheckIn row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Array caps = rs.getArray(6);
        Timestamp out = rs.getTimestamp(9);
        Timestamp rep = rs.getTimestamp(11);
        return new CheckIn(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getInt(5),
                caps == null ? List.of() : Arrays.asList((String[]) caps.getArray()),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                out == null ? null : out.toInstant(),
                rs.getString(10),
                rep == null ? null : rep.toInstant());
    }

    /** Everyone registered at the event's scene (present first), within the caller's scope. */
    @Transactional(readOnly = true)
    public List<CheckIn> atScene(IncidentId incident) {
        incidents.require(incident);
        return jdbc.sql(SELECT + " where c.incident_id = :i and c.division_path like any (array[:scope])"
                        + " order by c.checked_out_at nulls first, c.checked_in_at")
                .param("i", incident.value())
                .param("scope", teams.scope())
                .query(SceneCoordination::row)
                .list();
    }

    /** The team's current registration, if it is at a scene. */
    @Transactional(readOnly = true)
    public Optional<CheckIn> active(TeamId team) {
        teams.require(team);
        return jdbc.sql(SELECT + " where c.team_id = :t and c.checked_out_at is null")
                .param("t", team.value())
                .query(SceneCoordination::row)
                .optional();
    }

    private Team operable(TeamId id) {
        Team t = teams.require(id);
        roles.requireOperator(t);
        return t;
    }

    @Transactional
    public UUID checkIn(
            TeamId id,
            @Nullable UUID incidentId,
            @Nullable Integer people,
            @Nullable List<String> capabilities,
            @Nullable String contact) {
        Team t = operable(id);
        Errors errors = new Errors();
        if (incidentId == null) {
            errors.add("incidentId", "resource.error.required");
        }
        if (people == null) {
            errors.add("people", "resource.error.required");
        } else if (people < 1) {
            errors.add("people", "resource.error.positive");
        }
        List<String> caps = new ArrayList<>();
        for (String c : capabilities == null ? List.<String>of() : capabilities) {
            String code = c == null ? "" : c.strip();
            if (code.isEmpty() || caps.contains(code)) {
                continue;
            }
            if (!teams.capabilities().containsKey(code)) {
                errors.add("capabilities", "resource.error.unknownCapability", code);
            } else {
                caps.add(code);
            }
        }
        String ct = errors.text("contact", contact, 100, false);
        errors.throwIfAny();
        Incident incident = incidents.require(new IncidentId(incidentId));
        if (incident.state() == IncidentState.CLOSED) {
            throw new ConflictException("resource.error.incidentClosed");
        }
        if (active(id).isPresent()) {
            throw new ConflictException("resource.error.alreadyAtScene");
        }
        if (t.currentIncident() != null && !t.currentIncident().equals(incidentId)) {
            throw new ConflictException("resource.error.engagedElsewhere");
        }
        if (t.status() != TeamStatus.ON_SCENE) {
            teams.moveForScene(t, TeamStatus.ON_SCENE, incidentId, null);
        }
        UUID checkIn = UUID.randomUUID();
        jdbc.sql("""
                        insert into resource.scene_checkins (id, incident_id, team_id, division_path, people, capabilities,
                            contact, checked_in_at, checked_in_by) values (:id, :i, :t, :p, :n, :c, :ct, :at, :by)""")
                .param("id", checkIn)
                .param("i", incidentId)
                .param("t", t.id().value())
                .param("p", incident.divisionPath())
                .param("n", people)
                .param("c", caps.toArray(new String[0]))
                .param("ct", ct)
                .param("at", Timestamp.from(teams.now()))
                .param("by", teams.who())
                .update();
        audit.record(
                "checkIn",
                "resource.scene",
                checkIn.toString(),
                incident.divisionPath(),
                null,
                Map.of("team", t.id().toString(), "people", people));
        return checkIn;
    }

    @Transactional
    public void report(TeamId id, @Nullable String text) {
        Team t = operable(id);
        Errors errors = new Errors();
        String r = errors.text("report", text, 2000, true);
        errors.throwIfAny();
        CheckIn c = active(id).orElseThrow(() -> new ConflictException("resource.error.notAtScene"));
        UUID reportId = UUID.randomUUID();
        jdbc.sql(
                        "insert into resource.scene_reports (id, checkin_id, text, at, by_user) values (:id, :c, :t, :at, :by)")
                .param("id", reportId)
                .param("c", c.id())
                .param("t", r)
                .param("at", Timestamp.from(teams.now()))
                .param("by", teams.who())
                .update();
        audit.record("report", "resource.scene", c.id().toString(), t.divisionPath(), null, Map.of("text", r));
    }

    @Transactional
    public void checkOut(TeamId id) {
        Team t = operable(id);
        CheckIn c = active(id).orElseThrow(() -> new ConflictException("resource.error.notAtScene"));
        int n = jdbc.sql("""
                        update resource.scene_checkins set checked_out_at = :at, checked_out_by = :by
                         where id = :id and checked_out_at is null""")
                .param("id", c.id())
                .param("at", Timestamp.from(teams.now()))
                .param("by", teams.who())
                .update();
        if (n != 1) {
            throw new ConflictException("resource.error.notAtScene");
        }
        if (t.status() == TeamStatus.ON_SCENE) {
            teams.moveForScene(t, TeamStatus.RETURNING, t.currentIncident(), null);
        }
        audit.record("checkOut", "resource.scene", c.id().toString(), t.divisionPath(), null, null);
    }
}
