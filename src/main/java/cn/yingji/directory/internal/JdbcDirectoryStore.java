package cn.yingji.directory.internal;

import cn.yingji.directory.ChannelType;
import cn.yingji.directory.ContactChannel;
import cn.yingji.directory.Gender;
import cn.yingji.directory.HandoverNote;
import cn.yingji.directory.HandoverNoteId;
import cn.yingji.directory.Holding;
import cn.yingji.directory.HoldingId;
import cn.yingji.directory.HoldingKind;
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
import cn.yingji.directory.Shift;
import cn.yingji.directory.ShiftId;
import cn.yingji.directory.ShiftRole;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Hand-written SQL over the {@code directory} schema. Every read takes the caller's view patterns ({@code LIKE}
 * patterns over {@code division_path}); the system passes {@link #EVERYTHING}.
 */
@Repository
class JdbcDirectoryStore {

    static final List<String> EVERYTHING = List.of("%");

    private static final String ORG_COLUMNS =
            "id, kind, name, short_name, credit_code, parent_id, division_path, " + "address, lon, lat, version";
    private static final String PERSON_COLUMNS = "id, name, gender, organisation_id, division_path, title, version";
    private static final String POSITION_COLUMNS = "id, name, kind, division_path, organisation_id, deputy_id, version";
    private static final String SHIFT_SELECT = """
            select s.id, s.division_path, s.organisation_id, s.starts_at, s.ends_at, s.role, s.person_id,
                   p.name as person_name, s.note, s.version
              from directory.shifts s join directory.persons p on p.id = s.person_id
            """;
    private static final String HOLDING_SELECT = """
            select h.id, h.position_id, h.person_id, p.name as person_name, h.kind, h.valid_from, h.valid_to, h.note
              from directory.holdings h join directory.persons p on p.id = h.person_id
            """;
    private static final String ROLE_ORDER =
            "case s.role when 'LEADER_ON_DUTY' then 0 when 'DUTY_OFFICER' then 1 else 2 end";

    private final JdbcClient jdbc;

    JdbcDirectoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- organisations -----------------------------------------------------------------------------------------

    Optional<Organisation> organisation(UUID id, List<String> scope) {
        return jdbc.sql("select " + ORG_COLUMNS
                        + " from directory.organisations where id = :id and division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", scope)
                .query(JdbcDirectoryStore::organisation)
                .optional();
    }

    Optional<Organisation> organisationByCreditCode(String code, List<String> scope) {
        return jdbc.sql("select " + ORG_COLUMNS + " from directory.organisations"
                        + " where credit_code = :code and division_path like any (array[:scope])")
                .param("code", code)
                .param("scope", scope)
                .query(JdbcDirectoryStore::organisation)
                .optional();
    }

    boolean creditCodeTaken(String code, @Nullable UUID except) {
        return jdbc.sql("select count(*) from directory.organisations where credit_code = :code and id <> :except")
                        .param("code", code)
                        .param("except", except == null ? new UUID(0, 0) : except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean exists(String table, UUID id) {
        return jdbc.sql("select count(*) from directory." + table + " where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    PageResult<Organisation> organisations(OrganisationFilter f, PageQuery page, List<String> scope) {
        Where w = new Where(scope);
        if (notBlank(f.q())) {
            w.and("(name ilike :q or short_name ilike :q or credit_code ilike :q)", "q", contains(f.q()));
        }
        if (f.kind() != null) {
            w.and("kind = :kind", "kind", f.kind().name());
        }
        if (notBlank(f.division())) {
            w.and("division_path like :division", "division", prefix(f.division()));
        }
        long total = w.bind(jdbc.sql("select count(*) from directory.organisations" + w))
                .query(Long.class)
                .single();
        List<Organisation> items = w.bind(jdbc.sql("select " + ORG_COLUMNS + " from directory.organisations" + w
                        + " order by name, id limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(JdbcDirectoryStore::organisation)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    void insertOrganisation(Organisation o) {
        jdbc.sql("""
                        insert into directory.organisations (id, kind, name, short_name, credit_code, parent_id,
                                                             division_path, address, lon, lat, version)
                        values (:id, :kind, :name, :short, :code, :parent, :path, :address, :lon, :lat, 0)
                        """).params(orgParams(o)).update();
    }

    boolean updateOrganisation(Organisation o, int expectedVersion) {
        Map<String, Object> p = orgParams(o);
        p.put("v", expectedVersion);
        return jdbc.sql("""
                                update directory.organisations
                                   set kind = :kind, name = :name, short_name = :short, credit_code = :code,
                                       parent_id = :parent, division_path = :path, address = :address,
                                       lon = :lon, lat = :lat, version = version + 1, updated_at = now()
                                 where id = :id and version = :v
                                """).params(p).update() == 1;
    }

    /** True when {@code candidate} is {@code id} or one of its ancestors would be {@code id} (a cycle). */
    boolean wouldCycle(UUID id, UUID candidateParent) {
        return jdbc.sql("""
                        with recursive up(id, parent_id) as (
                            select id, parent_id from directory.organisations where id = :candidate
                            union
                            select o.id, o.parent_id from directory.organisations o join up on o.id = up.parent_id
                        )
                        select count(*) from up where id = :id
                        """)
                        .param("candidate", candidateParent)
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Map<String, Object> orgParams(Organisation o) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", o.id().value());
        p.put("kind", o.kind().name());
        p.put("name", o.name());
        p.put("short", o.shortName());
        p.put("code", o.creditCode());
        p.put("parent", o.parent() == null ? null : o.parent().value());
        p.put("path", o.divisionPath());
        p.put("address", o.address());
        p.put("lon", o.lon());
        p.put("lat", o.lat());
        return p;
    }

    private static Organisation organisation(ResultSet rs, int n) throws SQLException {
        return new Organisation(
                new OrganisationId(rs.getObject("id", UUID.class)),
                OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("short_name"),
                rs.getString("credit_code"),
                orgId(rs, "parent_id"),
                rs.getString("division_path"),
                rs.getString("address"),
                (Double) rs.getObject("lon"),
                (Double) rs.getObject("lat"),
                rs.getInt("version"));
    }

    // ---- persons -----------------------------------------------------------------------------------------------

    Optional<Person> person(UUID id, List<String> scope) {
        List<Person> found = withChannels(jdbc.sql("select " + PERSON_COLUMNS
                        + " from directory.persons where id = :id and division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", scope)
                .query(JdbcDirectoryStore::personWithoutChannels)
                .list());
        return found.stream().findFirst();
    }

    PageResult<Person> persons(PersonFilter f, PageQuery page, List<String> scope) {
        Where w = new Where(scope);
        if (notBlank(f.q())) {
            w.and(
                    "(name ilike :q or title ilike :q or exists (select 1 from directory.contact_channels c"
                            + " where c.person_id = persons.id and c.value ilike :q))",
                    "q",
                    contains(f.q()));
        }
        if (f.organisation() != null) {
            w.and("organisation_id = :org", "org", f.organisation().value());
        }
        if (notBlank(f.division())) {
            w.and("division_path like :division", "division", prefix(f.division()));
        }
        long total = w.bind(jdbc.sql("select count(*) from directory.persons" + w))
                .query(Long.class)
                .single();
        List<Person> items = withChannels(w.bind(jdbc.sql("select " + PERSON_COLUMNS + " from directory.persons" + w
                        + " order by name, id limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(JdbcDirectoryStore::personWithoutChannels)
                .list());
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    void insertPerson(Person p) {
        jdbc.sql("""
                        insert into directory.persons (id, name, gender, organisation_id, division_path, title, version)
                        values (:id, :name, :gender, :org, :path, :title, 0)
                        """).params(personParams(p)).update();
        insertChannels(p);
    }

    boolean updatePerson(Person p, int expectedVersion) {
        Map<String, Object> params = personParams(p);
        params.put("v", expectedVersion);
        int n = jdbc.sql("""
                        update directory.persons
                           set name = :name, gender = :gender, organisation_id = :org, division_path = :path,
                               title = :title, version = version + 1, updated_at = now()
                         where id = :id and version = :v
                        """).params(params).update();
        if (n != 1) {
            return false;
        }
        jdbc.sql("delete from directory.contact_channels where person_id = :id")
                .param("id", p.id().value())
                .update();
        insertChannels(p);
        return true;
    }

    private void insertChannels(Person p) {
        for (ContactChannel c : p.channels()) {
            jdbc.sql("""
                            insert into directory.contact_channels (person_id, preference, type, value, verified)
                            values (:person, :pref, :type, :value, :verified)
                            """)
                    .param("person", p.id().value())
                    .param("pref", c.preference())
                    .param("type", c.type().name())
                    .param("value", c.value())
                    .param("verified", c.verified())
                    .update();
        }
    }

    private static Map<String, Object> personParams(Person p) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.id().value());
        m.put("name", p.name());
        m.put("gender", p.gender() == null ? null : p.gender().name());
        m.put("org", p.organisation() == null ? null : p.organisation().value());
        m.put("path", p.divisionPath());
        m.put("title", p.title());
        return m;
    }

    /** Contact channels of visible persons in one query, each list by preference; persons without are absent. */
    Map<UUID, List<ContactChannel>> channelsOf(List<UUID> ids, List<String> scope) {
        Map<UUID, List<ContactChannel>> channels = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 5_000) {
            jdbc.sql("""
                            select c.person_id, c.preference, c.type, c.value, c.verified
                            from directory.contact_channels c join directory.persons p on p.id = c.person_id
                            where c.person_id in (:ids) and p.division_path like any (array[:scope])
                            order by c.person_id, c.preference
                            """)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 5_000)))
                    .param("scope", scope)
                    .query(rs -> {
                        channels.computeIfAbsent(rs.getObject("person_id", UUID.class), k -> new ArrayList<>())
                                .add(new ContactChannel(
                                        ChannelType.valueOf(rs.getString("type")),
                                        rs.getString("value"),
                                        rs.getInt("preference"),
                                        rs.getBoolean("verified")));
                    });
        }
        return channels;
    }

    private List<Person> withChannels(List<Person> persons) {
        if (persons.isEmpty()) {
            return persons;
        }
        Map<UUID, List<ContactChannel>> channels = new HashMap<>();
        jdbc.sql("select person_id, preference, type, value, verified from directory.contact_channels"
                        + " where person_id in (:ids) order by person_id, preference")
                .param("ids", persons.stream().map(p -> p.id().value()).toList())
                .query(rs -> {
                    channels.computeIfAbsent(rs.getObject("person_id", UUID.class), k -> new ArrayList<>())
                            .add(new ContactChannel(
                                    ChannelType.valueOf(rs.getString("type")),
                                    rs.getString("value"),
                                    rs.getInt("preference"),
                                    rs.getBoolean("verified")));
                });
        return persons.stream()
                .map(p -> new Person(
                        p.id(),
                        p.name(),
                        p.gender(),
                        p.organisation(),
                        p.divisionPath(),
                        p.title(),
                        channels.getOrDefault(p.id().value(), List.of()),
                        p.version()))
                .toList();
    }

    private static Person personWithoutChannels(ResultSet rs, int n) throws SQLException {
        String gender = rs.getString("gender");
        return new Person(
                new PersonId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                gender == null ? null : Gender.valueOf(gender),
                orgId(rs, "organisation_id"),
                rs.getString("division_path"),
                rs.getString("title"),
                List.of(),
                rs.getInt("version"));
    }

    // ---- positions ---------------------------------------------------------------------------------------------

    Optional<Position> position(UUID id, List<String> scope) {
        return jdbc.sql("select " + POSITION_COLUMNS
                        + " from directory.positions where id = :id and division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", scope)
                .query(JdbcDirectoryStore::position)
                .optional();
    }

    List<Position> positionsAt(String path, String kind, List<String> scope) {
        return jdbc.sql("select " + POSITION_COLUMNS + " from directory.positions"
                        + " where division_path = :path and kind = :kind and division_path like any (array[:scope])"
                        + " order by name, id")
                .param("path", path)
                .param("kind", kind)
                .param("scope", scope)
                .query(JdbcDirectoryStore::position)
                .list();
    }

    PageResult<Position> positions(PositionFilter f, PageQuery page, List<String> scope, Instant now) {
        Where w = new Where(scope);
        if (notBlank(f.q())) {
            w.and("name ilike :q", "q", contains(f.q()));
        }
        if (notBlank(f.kind())) {
            w.and("kind = :kind", "kind", f.kind().trim());
        }
        if (notBlank(f.division())) {
            w.and("division_path like :division", "division", prefix(f.division()));
        }
        if (f.organisation() != null) {
            w.and("organisation_id = :org", "org", f.organisation().value());
        }
        if (f.vacant() != null) {
            w.and(
                    (f.vacant() ? "not " : "")
                            + "exists (select 1 from directory.holdings h where h.position_id = positions.id"
                            + " and h.valid_from <= :now and (h.valid_to is null or h.valid_to > :now))",
                    "now",
                    Timestamp.from(now));
        }
        long total = w.bind(jdbc.sql("select count(*) from directory.positions" + w))
                .query(Long.class)
                .single();
        List<Position> items = w.bind(jdbc.sql("select " + POSITION_COLUMNS + " from directory.positions" + w
                        + " order by division_path, name, id limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(JdbcDirectoryStore::position)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    List<String> kindsInUse(List<String> scope) {
        return jdbc.sql("select distinct kind from directory.positions where division_path like any (array[:scope])"
                        + " order by kind")
                .param("scope", scope)
                .query(String.class)
                .list();
    }

    void insertPosition(Position p) {
        jdbc.sql("""
                        insert into directory.positions (id, name, kind, division_path, organisation_id, deputy_id, version)
                        values (:id, :name, :kind, :path, :org, :deputy, 0)
                        """).params(positionParams(p)).update();
    }

    boolean updatePosition(Position p, int expectedVersion) {
        Map<String, Object> params = positionParams(p);
        params.put("v", expectedVersion);
        return jdbc.sql("""
                                update directory.positions
                                   set name = :name, kind = :kind, division_path = :path, organisation_id = :org,
                                       deputy_id = :deputy, version = version + 1, updated_at = now()
                                 where id = :id and version = :v
                                """).params(params).update() == 1;
    }

    private static Map<String, Object> positionParams(Position p) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.id().value());
        m.put("name", p.name());
        m.put("kind", p.kind());
        m.put("path", p.divisionPath());
        m.put("org", p.organisation() == null ? null : p.organisation().value());
        m.put("deputy", p.deputy() == null ? null : p.deputy().value());
        return m;
    }

    private static Position position(ResultSet rs, int n) throws SQLException {
        UUID deputy = rs.getObject("deputy_id", UUID.class);
        return new Position(
                new PositionId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("division_path"),
                orgId(rs, "organisation_id"),
                deputy == null ? null : new PositionId(deputy),
                rs.getInt("version"));
    }

    // ---- holdings ----------------------------------------------------------------------------------------------

    List<Holding> currentHoldings(UUID position, Instant now) {
        return jdbc.sql(HOLDING_SELECT + " where h.position_id = :pos and h.valid_from <= :now"
                        + " and (h.valid_to is null or h.valid_to > :now)"
                        + " order by case h.kind when 'PRIMARY' then 0 else 1 end, h.valid_from")
                .param("pos", position)
                .param("now", Timestamp.from(now))
                .query(JdbcDirectoryStore::holding)
                .list();
    }

    List<Holding> holdingHistory(UUID position) {
        return jdbc.sql(HOLDING_SELECT + " where h.position_id = :pos order by h.valid_from desc, h.kind")
                .param("pos", position)
                .query(JdbcDirectoryStore::holding)
                .list();
    }

    List<Holding> holdingsOfPerson(UUID person, Instant now, List<String> scope) {
        return jdbc.sql(HOLDING_SELECT + " join directory.positions pos on pos.id = h.position_id"
                        + " where h.person_id = :person and h.valid_from <= :now"
                        + " and (h.valid_to is null or h.valid_to > :now)"
                        + " and pos.division_path like any (array[:scope]) order by pos.name")
                .param("person", person)
                .param("now", Timestamp.from(now))
                .param("scope", scope)
                .query(JdbcDirectoryStore::holding)
                .list();
    }

    /** Holdings of a kind that are open or end after {@code at}: the ones a new holding from {@code at} replaces. */
    List<Holding> holdingsReachingBeyond(UUID position, HoldingKind kind, Instant at) {
        return jdbc.sql(HOLDING_SELECT + " where h.position_id = :pos and h.kind = :kind"
                        + " and (h.valid_to is null or h.valid_to > :at) order by h.valid_from")
                .param("pos", position)
                .param("kind", kind.name())
                .param("at", Timestamp.from(at))
                .query(JdbcDirectoryStore::holding)
                .list();
    }

    void endHolding(UUID holding, Instant at) {
        jdbc.sql("update directory.holdings set valid_to = :at where id = :id")
                .param("id", holding)
                .param("at", Timestamp.from(at))
                .update();
    }

    void insertHolding(Holding h) {
        jdbc.sql("""
                        insert into directory.holdings (id, position_id, person_id, kind, valid_from, valid_to, note)
                        values (:id, :pos, :person, :kind, :from, :to, :note)
                        """)
                .param("id", h.id().value())
                .param("pos", h.position().value())
                .param("person", h.person().value())
                .param("kind", h.kind().name())
                .param("from", Timestamp.from(h.from()))
                .param("to", h.to() == null ? null : Timestamp.from(h.to()))
                .param("note", h.note())
                .update();
    }

    private static Holding holding(ResultSet rs, int n) throws SQLException {
        Timestamp to = rs.getTimestamp("valid_to");
        return new Holding(
                new HoldingId(rs.getObject("id", UUID.class)),
                new PositionId(rs.getObject("position_id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getString("person_name"),
                HoldingKind.valueOf(rs.getString("kind")),
                rs.getTimestamp("valid_from").toInstant(),
                to == null ? null : to.toInstant(),
                rs.getString("note"));
    }

    // ---- roster ------------------------------------------------------------------------------------------------

    Optional<Shift> shift(UUID id, List<String> scope) {
        return jdbc.sql(SHIFT_SELECT + " where s.id = :id and s.division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", scope)
                .query(JdbcDirectoryStore::shift)
                .optional();
    }

    List<Shift> shifts(@Nullable String division, Instant from, Instant to, List<String> scope) {
        return jdbc.sql(SHIFT_SELECT + " where s.division_path like any (array[:scope])"
                        + " and s.division_path like :division and s.starts_at < :to and s.ends_at > :from"
                        + " order by s.starts_at, " + ROLE_ORDER + ", p.name limit 2000")
                .param("scope", scope)
                .param("division", notBlank(division) ? prefix(division) : "%")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(JdbcDirectoryStore::shift)
                .list();
    }

    List<Shift> onDutyAt(String path, Instant at, List<String> scope) {
        return jdbc.sql(SHIFT_SELECT + " where s.division_path = :path and s.division_path like any (array[:scope])"
                        + " and s.starts_at <= :at and s.ends_at > :at order by " + ROLE_ORDER
                        + ", s.starts_at, p.name")
                .param("path", path)
                .param("scope", scope)
                .param("at", Timestamp.from(at))
                .query(JdbcDirectoryStore::shift)
                .list();
    }

    void insertShift(Shift s) {
        jdbc.sql("""
                        insert into directory.shifts (id, division_path, organisation_id, starts_at, ends_at, role,
                                                      person_id, note, version)
                        values (:id, :path, :org, :starts, :ends, :role, :person, :note, 0)
                        """)
                .param("id", s.id().value())
                .param("path", s.divisionPath())
                .param("org", s.organisation() == null ? null : s.organisation().value())
                .param("starts", Timestamp.from(s.startsAt()))
                .param("ends", Timestamp.from(s.endsAt()))
                .param("role", s.role().name())
                .param("person", s.person().value())
                .param("note", s.note())
                .update();
    }

    boolean deleteShift(UUID id, int expectedVersion) {
        return jdbc.sql("delete from directory.shifts where id = :id and version = :v")
                        .param("id", id)
                        .param("v", expectedVersion)
                        .update()
                == 1;
    }

    private static Shift shift(ResultSet rs, int n) throws SQLException {
        return new Shift(
                new ShiftId(rs.getObject("id", UUID.class)),
                rs.getString("division_path"),
                orgId(rs, "organisation_id"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                ShiftRole.valueOf(rs.getString("role")),
                new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getString("person_name"),
                rs.getString("note"),
                rs.getInt("version"));
    }

    // ---- handover notes ----------------------------------------------------------------------------------------

    List<HandoverNote> notes(UUID shift) {
        return jdbc.sql("select id, shift_id, text, author, at from directory.handover_notes where shift_id = :s"
                        + " order by at, id")
                .param("s", shift)
                .query(JdbcDirectoryStore::note)
                .list();
    }

    List<HandoverNote> recentNotes(@Nullable String division, int limit, List<String> scope) {
        return jdbc.sql("""
                        select n.id, n.shift_id, n.text, n.author, n.at
                          from directory.handover_notes n join directory.shifts s on s.id = n.shift_id
                         where s.division_path like any (array[:scope]) and s.division_path like :division
                         order by n.at desc, n.id limit :limit
                        """)
                .param("scope", scope)
                .param("division", notBlank(division) ? prefix(division) : "%")
                .param("limit", limit)
                .query(JdbcDirectoryStore::note)
                .list();
    }

    void insertNote(HandoverNote n) {
        jdbc.sql("insert into directory.handover_notes (id, shift_id, text, author, at)"
                        + " values (:id, :shift, :text, :author, :at)")
                .param("id", n.id().value())
                .param("shift", n.shift().value())
                .param("text", n.text())
                .param("author", n.author())
                .param("at", Timestamp.from(n.at()))
                .update();
    }

    private static HandoverNote note(ResultSet rs, int n) throws SQLException {
        return new HandoverNote(
                new HandoverNoteId(rs.getObject("id", UUID.class)),
                new ShiftId(rs.getObject("shift_id", UUID.class)),
                rs.getString("text"),
                rs.getString("author"),
                rs.getTimestamp("at").toInstant());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static @Nullable OrganisationId orgId(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new OrganisationId(id);
    }

    private static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String contains(String q) {
        return "%" + escapeLike(q.trim()) + "%";
    }

    private static String prefix(String path) {
        String p = path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        if (!p.endsWith("/")) {
            p = p + "/";
        }
        return escapeLike(p) + "%";
    }

    /** A {@code where} clause that always starts with the jurisdiction filter. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder(" where division_path like any (array[:scope])");
        private final Map<String, Object> params = new LinkedHashMap<>();

        Where(List<String> scope) {
            params.put("scope", scope);
        }

        void and(String condition, String name, Object value) {
            sql.append(" and ").append(condition);
            params.put(name, value);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.params(params);
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }
}
