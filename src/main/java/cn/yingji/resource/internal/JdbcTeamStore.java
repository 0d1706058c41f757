package cn.yingji.resource.internal;

import cn.yingji.resource.Team;
import cn.yingji.resource.TeamId;
import cn.yingji.resource.TeamKind;
import cn.yingji.resource.TeamStatus;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
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
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of teams, their status history, pings, dispatches, members and skills. Reads take the caller's scope as
 * {@code LIKE} patterns over {@code division_path}; the system passes {@link #EVERYTHING}.
 */
@Repository
class JdbcTeamStore {

    static final List<String> EVERYTHING = List.of("%");

    static final String TEAM_COLUMNS = """
            id, name, kind, organisation, base, headcount, primary_capability, capabilities, readiness, lon, lat,
            division_path, leader_username, phone, status, status_at, current_incident, last_ping_at, version""";

    private final JdbcClient jdbc;

    JdbcTeamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Team team(ResultSet rs, int n) throws SQLException {
        Array caps = rs.getArray("capabilities");
        Timestamp ping = rs.getTimestamp("last_ping_at");
        return new Team(
                new TeamId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                TeamKind.valueOf(rs.getString("kind")),
                rs.getString("organisation"),
                rs.getString("base"),
                rs.getInt("headcount"),
                rs.getString("primary_capability"),
                caps == null ? List.of() : Arrays.asList((String[]) caps.getArray()),
                rs.getInt("readiness"),
                rs.getDouble("lon"),
                rs.getDouble("lat"),
                rs.getString("division_path"),
                rs.getString("leader_username"),
                rs.getString("phone"),
                TeamStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("status_at").toInstant(),
                rs.getObject("current_incident", UUID.class),
                ping == null ? null : ping.toInstant(),
                rs.getInt("version"));
    }

    long version() {
        return jdbc.sql("select version from resource.state where id = 1")
                .query(Long.class)
                .single();
    }

    void bumpVersion() {
        bumpVersionReturning();
    }

    long bumpVersionReturning() {
        return jdbc.sql("update resource.state set version = version + 1 where id = 1 returning version")
                .query(Long.class)
                .single();
    }

    Map<String, String[]> capabilities() {
        Map<String, String[]> out = new LinkedHashMap<>();
        jdbc.sql("select code, name_zh, name_en from resource.capabilities order by sort")
                .query(rs -> {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return out;
    }

    Map<String, String[]> equipmentCategories() {
        Map<String, String[]> out = new LinkedHashMap<>();
        jdbc.sql(
                        "select code, name_zh, name_en, coalesce(capability, '') from resource.equipment_categories order by sort")
                .query(rs -> {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                });
        return out;
    }

    List<String> neededCapabilities(String eventType) {
        List<String> list = jdbc.sql(
                        "select capability from resource.event_capabilities where event_type = :t order by capability")
                .param("t", eventType)
                .query(String.class)
                .list();
        if (list.isEmpty()) {
            list = jdbc.sql("select capability from resource.event_capabilities where event_type = '*'")
                    .query(String.class)
                    .list();
        }
        return list;
    }

    Map<String, List<String>> eventCapabilities() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        jdbc.sql("select event_type, capability from resource.event_capabilities order by event_type, capability")
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    // ---- teams -------------------------------------------------------------------------------------------------

    Optional<Team> team(UUID id, List<String> scope) {
        return jdbc.sql("select " + TEAM_COLUMNS
                        + " from resource.teams where id = :id and division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", scope)
                .query(JdbcTeamStore::team)
                .optional();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(
            @Nullable String q, @Nullable TeamKind kind, @Nullable TeamStatus status, List<String> scope) {
        StringBuilder sb = new StringBuilder(" where division_path like any (array[:scope])");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scope", scope);
        if (q != null && !q.isBlank()) {
            sb.append(" and (name ilike :q or coalesce(organisation, '') ilike :q or coalesce(base, '') ilike :q)");
            p.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (kind != null) {
            sb.append(" and kind = :kind");
            p.put("kind", kind.name());
        }
        if (status != null) {
            sb.append(" and status = :status");
            p.put("status", status.name());
        }
        return new Where(sb.toString(), p);
    }

    PageResult<Team> teams(
            @Nullable String q,
            @Nullable TeamKind kind,
            @Nullable TeamStatus status,
            PageQuery page,
            List<String> scope) {
        Where w = where(q, kind, status, scope);
        long total = jdbc.sql("select count(*) from resource.teams" + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
        List<Team> items = jdbc.sql("select " + TEAM_COLUMNS + " from resource.teams" + w.sql()
                        + " order by name, id limit :limit offset :offset")
                .params(w.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(JdbcTeamStore::team)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    void eachTeam(
            @Nullable String q,
            @Nullable TeamKind kind,
            @Nullable TeamStatus status,
            List<String> scope,
            Consumer<Team> sink) {
        Where w = where(q, kind, status, scope);
        jdbc
                .sql("select " + TEAM_COLUMNS + " from resource.teams" + w.sql() + " order by name, id")
                .params(w.params())
                .query(JdbcTeamStore::team)
                .stream()
                .forEach(sink);
    }

    List<Team> teamsOfLeader(String username, List<String> scope) {
        return jdbc.sql("select " + TEAM_COLUMNS
                        + " from resource.teams where leader_username = :u and division_path like any (array[:scope])"
                        + " order by name")
                .param("u", username)
                .param("scope", scope)
                .query(JdbcTeamStore::team)
                .list();
    }

    List<Team> teamsAtIncident(UUID incident, List<String> scope) {
        return jdbc.sql("select " + TEAM_COLUMNS + " from resource.teams where current_incident = :i"
                        + " and division_path like any (array[:scope]) order by status_at, name")
                .param("i", incident)
                .param("scope", scope)
                .query(JdbcTeamStore::team)
                .list();
    }

    boolean nameTaken(String path, String name, @Nullable UUID except) {
        return jdbc.sql("select count(*) from resource.teams where division_path = :p and name = :n"
                                + " and id is distinct from :id")
                        .param("p", path)
                        .param("n", name)
                        .param("id", except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertTeam(Team t, Instant now) {
        jdbc.sql("""
                        insert into resource.teams (id, name, kind, organisation, base, headcount, primary_capability,
                            capabilities, readiness, lon, lat, division_path, leader_username, phone, status, status_at,
                            version, created_at, updated_at)
                        values (:id, :name, :kind, :org, :base, :headcount, :primary, :caps, :readiness, :lon, :lat,
                            :path, :leader, :phone, :status, :at, 0, :at, :at)""")
                .param("id", t.id().value())
                .param("name", t.name())
                .param("kind", t.kind().name())
                .param("org", t.organisation())
                .param("base", t.base())
                .param("headcount", t.headcount())
                .param("primary", t.primaryCapability())
                .param("caps", t.capabilities().toArray(new String[0]))
                .param("readiness", t.readiness())
                .param("lon", t.lon())
                .param("lat", t.lat())
                .param("path", t.divisionPath())
                .param("leader", t.leaderUsername())
                .param("phone", t.phone())
                .param("status", t.status().name())
                .param("at", java.sql.Timestamp.from(now))
                .update();
        history(t.id().value(), null, t.status(), null, null, now, "system");
    }

    boolean updateTeam(Team t, int expectedVersion, Instant now) {
        return jdbc.sql("""
                        update resource.teams set name = :name, kind = :kind, organisation = :org, base = :base,
                            headcount = :headcount, primary_capability = :primary, capabilities = :caps,
                            readiness = :readiness, lon = :lon, lat = :lat, leader_username = :leader, phone = :phone,
                            version = version + 1, updated_at = :at
                         where id = :id and version = :v""")
                        .param("id", t.id().value())
                        .param("v", expectedVersion)
                        .param("name", t.name())
                        .param("kind", t.kind().name())
                        .param("org", t.organisation())
                        .param("base", t.base())
                        .param("headcount", t.headcount())
                        .param("primary", t.primaryCapability())
                        .param("caps", t.capabilities().toArray(new String[0]))
                        .param("readiness", t.readiness())
                        .param("lon", t.lon())
                        .param("lat", t.lat())
                        .param("leader", t.leaderUsername())
                        .param("phone", t.phone())
                        .param("at", java.sql.Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Moves the team from {@code from} to {@code to} in one conditional statement; false when its status was no longer
     * {@code from} (a concurrent change won).
     */
    boolean moveStatus(UUID id, TeamStatus from, TeamStatus to, @Nullable UUID incident, Instant now) {
        return jdbc.sql("""
                        update resource.teams set status = :to, status_at = :at, current_incident = :incident,
                            version = version + 1, updated_at = :at
                         where id = :id and status = :from""")
                        .param("id", id)
                        .param("from", from.name())
                        .param("to", to.name())
                        .param("incident", incident)
                        .param("at", java.sql.Timestamp.from(now))
                        .update()
                == 1;
    }

    void history(
            UUID team,
            @Nullable TeamStatus from,
            TeamStatus to,
            @Nullable UUID incident,
            @Nullable String note,
            Instant at,
            String by) {
        jdbc.sql("""
                        insert into resource.team_status_history (team_id, from_status, to_status, incident_id, note, at,
                            by_user) values (:t, :f, :to, :i, :n, :at, :by)""")
                .param("t", team)
                .param("f", from == null ? null : from.name())
                .param("to", to.name())
                .param("i", incident)
                .param("n", note)
                .param("at", java.sql.Timestamp.from(at))
                .param("by", by)
                .update();
    }

    /** One status-history entry. */
    record StatusEntry(
            @Nullable TeamStatus from,
            TeamStatus to,
            @Nullable UUID incidentId,
            @Nullable String note,
            Instant at,
            String by) {}

    List<StatusEntry> history(UUID team) {
        return jdbc.sql("""
                        select from_status, to_status, incident_id, note, at, by_user
                          from resource.team_status_history where team_id = :t order by at desc, id desc limit 200""")
                .param("t", team)
                .query((rs, n) -> new StatusEntry(
                        rs.getString(1) == null ? null : TeamStatus.valueOf(rs.getString(1)),
                        TeamStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6)))
                .list();
    }

    boolean insertPing(UUID team, String key, double lon, double lat, Instant at, Instant now) {
        int n = jdbc.sql("""
                        insert into resource.team_pings (team_id, idempotency_key, lon, lat, at, received_at)
                        values (:t, :k, :lon, :lat, :at, :now) on conflict do nothing""")
                .param("t", team)
                .param("k", key)
                .param("lon", lon)
                .param("lat", lat)
                .param("at", java.sql.Timestamp.from(at))
                .param("now", java.sql.Timestamp.from(now))
                .update();
        if (n == 1) {
            jdbc.sql("update resource.teams set last_ping_at = :at where id = :t and (last_ping_at is null or"
                            + " last_ping_at < :at)")
                    .param("t", team)
                    .param("at", java.sql.Timestamp.from(at))
                    .update();
        }
        return n == 1;
    }

    /** The last pinged position of the team, if any. */
    Optional<double[]> lastPosition(UUID team) {
        return jdbc.sql("select lon, lat from resource.team_pings where team_id = :t order by at desc limit 1")
                .param("t", team)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .optional();
    }

    void insertDispatch(UUID id, UUID team, UUID incident, String path, Instant at, String by, String note) {
        jdbc.sql("""
                        insert into resource.dispatches (id, team_id, incident_id, division_path, dispatched_at,
                            dispatched_by, note) values (:id, :t, :i, :p, :at, :by, :note)""")
                .param("id", id)
                .param("t", team)
                .param("i", incident)
                .param("p", path)
                .param("at", java.sql.Timestamp.from(at))
                .param("by", by)
                .param("note", note)
                .update();
    }

    // ---- members and skills ------------------------------------------------------------------------------------

    /** A member with skills. */
    record Member(
            UUID id,
            UUID teamId,
            String name,
            @Nullable String role,
            @Nullable String phone,
            List<Skill> skills) {}

    /** A certified skill; {@code expiresOn} is the last valid day. */
    record Skill(
            UUID id,
            String capability,
            @Nullable String certificate,
            @Nullable LocalDate expiresOn) {

        public boolean validOn(LocalDate day) {
            return expiresOn == null || !expiresOn.isBefore(day);
        }
    }

    List<Member> members(UUID team) {
        Map<UUID, Member> out = new LinkedHashMap<>();
        jdbc.sql("select id, team_id, name, role, phone from resource.members where team_id = :t order by name, id")
                .param("t", team)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    out.put(
                            id,
                            new Member(
                                    id,
                                    rs.getObject(2, UUID.class),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    new ArrayList<>()));
                });
        jdbc.sql("""
                        select s.member_id, s.id, s.capability, s.certificate, s.expires_on from resource.member_skills s
                          join resource.members m on m.id = s.member_id where m.team_id = :t
                         order by s.capability, s.id""").param("t", team).query(rs -> {
            Member m = out.get(rs.getObject(1, UUID.class));
            if (m != null) {
                java.sql.Date d = rs.getDate(5);
                m.skills()
                        .add(new Skill(
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                d == null ? null : d.toLocalDate()));
            }
        });
        return new ArrayList<>(out.values());
    }

    Optional<UUID> teamOfMember(UUID member) {
        return jdbc.sql("select team_id from resource.members where id = :m")
                .param("m", member)
                .query(UUID.class)
                .optional();
    }

    void insertMember(
            UUID id, UUID team, String name, @Nullable String role, @Nullable String phone, String path, Instant now) {
        jdbc.sql("""
                        insert into resource.members (id, team_id, name, role, phone, division_path, created_at)
                        values (:id, :t, :n, :r, :p, :path, :now)""")
                .param("id", id)
                .param("t", team)
                .param("n", name)
                .param("r", role)
                .param("p", phone)
                .param("path", path)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    void deleteMember(UUID id) {
        jdbc.sql("delete from resource.members where id = :id").param("id", id).update();
    }

    void insertSkill(
            UUID id, UUID member, String capability, @Nullable String certificate, @Nullable LocalDate expires) {
        jdbc.sql("""
                        insert into resource.member_skills (id, member_id, capability, certificate, expires_on)
                        values (:id, :m, :c, :cert, :e)""")
                .param("id", id)
                .param("m", member)
                .param("c", capability)
                .param("cert", certificate)
                .param("e", expires == null ? null : java.sql.Date.valueOf(expires))
                .update();
    }

    boolean updateSkillExpiry(UUID skill, UUID member, @Nullable LocalDate expires) {
        return jdbc.sql("update resource.member_skills set expires_on = :e where id = :id and member_id = :m")
                        .param("id", skill)
                        .param("m", member)
                        .param("e", expires == null ? null : java.sql.Date.valueOf(expires))
                        .update()
                == 1;
    }

    /** A certificate expiring soon (or expired), for the leader's warning list. */
    record ExpiringCertificate(
            UUID teamId,
            String teamName,
            String memberName,
            String capability,
            @Nullable String certificate,
            LocalDate expiresOn) {}

    List<ExpiringCertificate> expiringCertificates(LocalDate until, List<String> scope) {
        return jdbc.sql("""
                        select t.id, t.name, m.name, s.capability, s.certificate, s.expires_on
                          from resource.member_skills s join resource.members m on m.id = s.member_id
                          join resource.teams t on t.id = m.team_id
                         where s.expires_on <= :until and t.division_path like any (array[:scope])
                         order by s.expires_on, t.name limit 200""")
                .param("until", java.sql.Date.valueOf(until))
                .param("scope", scope)
                .query((rs, n) -> new ExpiringCertificate(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getDate(6).toLocalDate()))
                .list();
    }

    // ---- index feed --------------------------------------------------------------------------------------------

    /** Everything the recommendation index needs about one team. */
    record IndexRow(Team team, List<Skill> skills, Map<String, Integer> equipmentByCapability, int recentDispatches) {}

    List<IndexRow> indexRows(Instant since) {
        Map<UUID, Team> teams = new LinkedHashMap<>();
        jdbc.sql("select " + TEAM_COLUMNS + " from resource.teams").query(JdbcTeamStore::team).stream()
                .forEach(t -> teams.put(t.id().value(), t));
        Map<UUID, List<Skill>> skills = new java.util.HashMap<>();
        jdbc.sql("""
                        select m.team_id, s.id, s.capability, s.certificate, s.expires_on from resource.member_skills s
                          join resource.members m on m.id = s.member_id""").query(rs -> {
            java.sql.Date d = rs.getDate(5);
            skills.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new Skill(
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            d == null ? null : d.toLocalDate()));
        });
        Map<UUID, Map<String, Integer>> equipment = new java.util.HashMap<>();
        jdbc.sql("""
                        select e.team_id, c.capability, sum(e.quantity) from resource.equipment e
                          join resource.equipment_categories c on c.code = e.category
                         where e.team_id is not null and e.state = 'IN_SERVICE' and c.capability is not null
                         group by 1, 2""").query(rs -> {
            equipment
                    .computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashMap<>())
                    .put(rs.getString(2), rs.getInt(3));
        });
        Map<UUID, Integer> load = new java.util.HashMap<>();
        jdbc.sql("select team_id, count(*) from resource.dispatches where dispatched_at >= :since group by 1")
                .param("since", java.sql.Timestamp.from(since))
                .query(rs -> {
                    load.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        List<IndexRow> out = new ArrayList<>(teams.size());
        for (Team t : teams.values()) {
            UUID id = t.id().value();
            out.add(new IndexRow(
                    t,
                    skills.getOrDefault(id, List.of()),
                    equipment.getOrDefault(id, Map.of()),
                    load.getOrDefault(id, 0)));
        }
        return out;
    }
}
