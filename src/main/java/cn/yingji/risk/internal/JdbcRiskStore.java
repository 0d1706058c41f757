package cn.yingji.risk.internal;

import cn.yingji.risk.Assessment;
import cn.yingji.risk.AssessmentMethod;
import cn.yingji.risk.ControlLevel;
import cn.yingji.risk.ControlMeasure;
import cn.yingji.risk.HazardGrade;
import cn.yingji.risk.HazardGrading;
import cn.yingji.risk.InventoryItem;
import cn.yingji.risk.MajorHazardSource;
import cn.yingji.risk.MajorHazardSourceId;
import cn.yingji.risk.RiskBand;
import cn.yingji.risk.RiskColour;
import cn.yingji.risk.RiskMapCell;
import cn.yingji.risk.RiskPoint;
import cn.yingji.risk.RiskPointFilter;
import cn.yingji.risk.RiskPointId;
import cn.yingji.risk.RiskTrendPoint;
import cn.yingji.risk.UnitKind;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-written SQL over the {@code risk} schema. Every read of place-bound rows takes the caller's view patterns
 * ({@code LIKE} patterns over {@code division_path}); the system passes {@link #EVERYTHING}.
 */
@Repository
class JdbcRiskStore {

    static final List<String> EVERYTHING = List.of("%");

    private static final String POINT_COLUMNS = "id, name, category, description, organisation_id, organisation_name,"
            + " division_path, grid_code, location, lon, lat, method, score, colour, assessed_at, version";
    private static final String SOURCE_COLUMNS =
            "id, name, unit_kind, organisation_id, organisation_name, division_path,"
                    + " exposed_population, s, major, alpha, r, grade, unverified_data, graded_at, version";
    private static final TypeReference<List<InventoryItem>> ITEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcRiskStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- configuration -----------------------------------------------------------------------------------------

    Map<AssessmentMethod, Map<String, List<BigDecimal>>> factorValues() {
        Map<AssessmentMethod, Map<String, List<BigDecimal>>> out = new EnumMap<>(AssessmentMethod.class);
        jdbc.sql("select method, factor, value from risk.factor_values order by method, factor, value")
                .query((RowCallbackHandler) rs -> out.computeIfAbsent(
                                AssessmentMethod.valueOf(rs.getString("method")), m -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString("factor"), f -> new ArrayList<>())
                        .add(plain(rs.getBigDecimal("value"))));
        return out;
    }

    List<RiskBand> bands(AssessmentMethod method) {
        return jdbc.sql("select * from risk.bands where method = :m order by position")
                .param("m", method.name())
                .query((rs, n) -> new RiskBand(
                        method,
                        RiskColour.valueOf(rs.getString("colour")),
                        rs.getString("label"),
                        plainOrNull(rs.getBigDecimal("lower_bound")),
                        rs.getBoolean("lower_inclusive"),
                        plainOrNull(rs.getBigDecimal("upper_bound")),
                        rs.getBoolean("upper_inclusive")))
                .list();
    }

    void replaceBands(AssessmentMethod method, List<RiskBand> bands) {
        jdbc.sql("delete from risk.bands where method = :m")
                .param("m", method.name())
                .update();
        int position = 1;
        for (RiskBand b : bands) {
            jdbc.sql("""
                            insert into risk.bands (method, position, colour, label, lower_bound, lower_inclusive,
                                                    upper_bound, upper_inclusive)
                            values (:m, :p, :colour, :label, :lower, :li, :upper, :ui)""")
                    .param("m", method.name())
                    .param("p", position++)
                    .param("colour", b.colour().name())
                    .param("label", b.label())
                    .param("lower", b.lower())
                    .param("li", b.lowerInclusive())
                    .param("upper", b.upper())
                    .param("ui", b.upperInclusive())
                    .update();
        }
    }

    // ---- points ------------------------------------------------------------------------------------------------

    Optional<RiskPoint> point(UUID id, List<String> scope) {
        return jdbc.sql("select " + POINT_COLUMNS
                        + " from risk.points where id = :id and division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", scope)
                .query(JdbcRiskStore::point)
                .optional();
    }

    PageResult<RiskPoint> points(RiskPointFilter f, PageQuery page, List<String> scope) {
        Where w = pointWhere(f, scope);
        long total = w.bind(jdbc.sql("select count(*) from risk.points" + w))
                .query(Long.class)
                .single();
        List<RiskPoint> items = w.bind(jdbc.sql("select " + POINT_COLUMNS + " from risk.points" + w
                        + " order by severity desc, name, id limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(JdbcRiskStore::point)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    void eachPoint(RiskPointFilter f, List<String> scope, Consumer<RiskPoint> sink) {
        Where w = pointWhere(f, scope);
        w.bind(jdbc.sql("select " + POINT_COLUMNS + " from risk.points" + w + " order by division_path, name, id"))
                .query((RowCallbackHandler) rs -> sink.accept(point(rs, 0)));
    }

    private static Where pointWhere(RiskPointFilter f, List<String> scope) {
        Where w = new Where(scope);
        if (notBlank(f.q())) {
            w.and("(name ilike :q or category ilike :q or organisation_name ilike :q)", "q", contains(f.q()));
        }
        if (f.colour() != null) {
            w.and("colour = :colour", "colour", f.colour().name());
        }
        if (f.method() != null) {
            w.and("method = :method", "method", f.method().name());
        }
        if (notBlank(f.division())) {
            w.and("division_path like :division", "division", prefix(f.division()));
        }
        if (f.organisationId() != null) {
            w.and("organisation_id = :org", "org", f.organisationId());
        }
        if (Boolean.TRUE.equals(f.unassessed())) {
            w.and("colour is null", null, null);
        } else if (Boolean.FALSE.equals(f.unassessed())) {
            w.and("colour is not null", null, null);
        }
        return w;
    }

    void insertPoint(RiskPoint p, Instant now) {
        jdbc.sql("""
                        insert into risk.points (id, name, category, description, organisation_id, organisation_name,
                               division_path, grid_code, location, lon, lat, created_at, updated_at, version)
                        values (:id, :name, :category, :description, :org, :orgName, :path, :grid, :location,
                                :lon, :lat, :now, :now, 0)""")
                .param("id", p.id().value())
                .param("name", p.name())
                .param("category", p.category())
                .param("description", p.description())
                .param("org", p.organisationId())
                .param("orgName", p.organisationName())
                .param("path", p.divisionPath())
                .param("grid", p.gridCode())
                .param("location", p.location())
                .param("lon", p.lon())
                .param("lat", p.lat())
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean updatePoint(RiskPoint p, int expectedVersion, Instant now) {
        return jdbc.sql("""
                                update risk.points set name = :name, category = :category, description = :description,
                                       location = :location, lon = :lon, lat = :lat, updated_at = :now,
                                       version = version + 1
                                 where id = :id and version = :v""")
                        .param("id", p.id().value())
                        .param("name", p.name())
                        .param("category", p.category())
                        .param("description", p.description())
                        .param("location", p.location())
                        .param("lon", p.lon())
                        .param("lat", p.lat())
                        .param("now", Timestamp.from(now))
                        .param("v", expectedVersion)
                        .update()
                == 1;
    }

    /** Sets the current assessment; bumps the version so a concurrent edit form goes stale. */
    void setCurrent(UUID id, AssessmentMethod method, BigDecimal score, RiskColour colour, Instant at) {
        jdbc.sql("""
                        update risk.points set method = :m, score = :score, colour = :colour, severity = :sev,
                               assessed_at = :at, updated_at = :at, version = version + 1
                         where id = :id""")
                .param("id", id)
                .param("m", method.name())
                .param("score", score)
                .param("colour", colour.name())
                .param("sev", colour.severity())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Locks the point row for the rest of the transaction (serialises assessments of one point). */
    void lockPoint(UUID id) {
        jdbc.sql("select id from risk.points where id = :id for update")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    void insertAssessment(Assessment a, String divisionPath) {
        jdbc.sql("""
                        insert into risk.assessments (id, point_id, division_path, method, l, e, c, s, score, colour,
                               band_label, previous_colour, note, assessed_by, assessed_at)
                        values (:id, :point, :path, :m, :l, :e, :c, :s, :score, :colour, :label, :prev, :note,
                                :by, :at)""")
                .param("id", a.id())
                .param("point", a.point().value())
                .param("path", divisionPath)
                .param("m", a.method().name())
                .param("l", a.l())
                .param("e", a.e())
                .param("c", a.c())
                .param("s", a.s())
                .param("score", a.score())
                .param("colour", a.colour().name())
                .param("label", a.bandLabel())
                .param(
                        "prev",
                        a.previousColour() == null ? null : a.previousColour().name())
                .param("note", a.note())
                .param("by", a.assessedBy())
                .param("at", Timestamp.from(a.assessedAt()))
                .update();
    }

    List<Assessment> assessments(UUID pointId) {
        return jdbc.sql("select * from risk.assessments where point_id = :id order by assessed_at desc, id")
                .param("id", pointId)
                .query((rs, n) -> new Assessment(
                        rs.getObject("id", UUID.class),
                        new RiskPointId(rs.getObject("point_id", UUID.class)),
                        AssessmentMethod.valueOf(rs.getString("method")),
                        plain(rs.getBigDecimal("l")),
                        plainOrNull(rs.getBigDecimal("e")),
                        plainOrNull(rs.getBigDecimal("c")),
                        plainOrNull(rs.getBigDecimal("s")),
                        plain(rs.getBigDecimal("score")),
                        RiskColour.valueOf(rs.getString("colour")),
                        rs.getString("band_label"),
                        colour(rs.getString("previous_colour")),
                        rs.getString("note"),
                        rs.getString("assessed_by"),
                        rs.getTimestamp("assessed_at").toInstant()))
                .list();
    }

    // ---- control measures --------------------------------------------------------------------------------------

    List<ControlMeasure> measures(UUID pointId) {
        return jdbc.sql("""
                        select * from risk.control_measures where point_id = :id
                         order by case control_level when 'COMPANY' then 0 when 'WORKSHOP' then 1
                                  when 'TEAM' then 2 else 3 end, created_at, id""").param("id", pointId).query(JdbcRiskStore::measure).list();
    }

    Optional<ControlMeasure> measure(UUID pointId, UUID id) {
        return jdbc.sql("select * from risk.control_measures where point_id = :p and id = :id")
                .param("p", pointId)
                .param("id", id)
                .query(JdbcRiskStore::measure)
                .optional();
    }

    void insertMeasure(ControlMeasure m) {
        jdbc.sql("""
                        insert into risk.control_measures (id, point_id, measure, control_level, position_id,
                               position_name, created_at)
                        values (:id, :point, :measure, :level, :pos, :posName, :at)""")
                .param("id", m.id())
                .param("point", m.point().value())
                .param("measure", m.measure())
                .param("level", m.level().name())
                .param("pos", m.positionId())
                .param("posName", m.positionName())
                .param("at", Timestamp.from(m.createdAt()))
                .update();
    }

    void deleteMeasure(UUID id) {
        jdbc.sql("delete from risk.control_measures where id = :id")
                .param("id", id)
                .update();
    }

    // ---- map and trend -----------------------------------------------------------------------------------------

    /** Counts by colour per path segment {@code segment} (3 = county … 6 = grid). */
    List<RiskMapCell> map(int segment, List<String> scope) {
        return jdbc.sql("""
                        select split_part(division_path, '/', :seg) as code,
                               count(*) filter (where colour = 'RED') as red,
                               count(*) filter (where colour = 'ORANGE') as orange,
                               count(*) filter (where colour = 'YELLOW') as yellow,
                               count(*) filter (where colour = 'BLUE') as blue,
                               count(*) filter (where colour is null) as unassessed,
                               max(severity) as worst
                          from risk.points
                         where division_path like any (array[:scope]) and split_part(division_path, '/', :seg) <> ''
                         group by 1 order by 1""")
                .param("seg", segment)
                .param("scope", scope)
                .query((rs, n) -> {
                    int worst = rs.getInt("worst");
                    return new RiskMapCell(
                            rs.getString("code"),
                            rs.getLong("red"),
                            rs.getLong("orange"),
                            rs.getLong("yellow"),
                            rs.getLong("blue"),
                            rs.getLong("unassessed"),
                            worst == 0 ? null : RiskColour.values()[4 - worst]);
                })
                .list();
    }

    /**
     * For each of the last {@code periods} periods (local time {@code zone}), the latest colour of every point
     * assessed before the period's end, counted by colour.
     */
    List<RiskTrendPoint> trend(String unit, int periods, String zone, @Nullable String division, List<String> scope) {
        String step = "1 " + unit;
        String divisionFilter = notBlank(division) ? " and a.division_path like :division" : "";
        var spec = jdbc.sql("""
                        with periods as (
                            select generate_series(
                                       date_trunc(:unit, now() at time zone :zone) - (:n - 1) * cast(:step as interval),
                                       date_trunc(:unit, now() at time zone :zone),
                                       cast(:step as interval)) as start)
                        select cast(p.start as date) as period,
                               count(x.colour) filter (where x.colour = 'RED') as red,
                               count(x.colour) filter (where x.colour = 'ORANGE') as orange,
                               count(x.colour) filter (where x.colour = 'YELLOW') as yellow,
                               count(x.colour) filter (where x.colour = 'BLUE') as blue
                          from periods p
                          left join lateral (
                              select distinct on (a.point_id) a.point_id, a.colour
                                from risk.assessments a
                               where a.division_path like any (array[:scope])
                                 and a.assessed_at < ((p.start + cast(:step as interval)) at time zone :zone)""" + divisionFilter + """

                               order by a.point_id, a.assessed_at desc, a.id desc) x on true
                         group by p.start order by p.start""")
                .param("unit", unit)
                .param("zone", zone)
                .param("n", periods)
                .param("step", step)
                .param("scope", scope);
        if (notBlank(division)) {
            spec = spec.param("division", prefix(division));
        }
        return spec.query((rs, n) -> new RiskTrendPoint(
                        rs.getDate("period").toLocalDate(),
                        rs.getLong("red"),
                        rs.getLong("orange"),
                        rs.getLong("yellow"),
                        rs.getLong("blue")))
                .list();
    }

    // ---- major hazard sources ----------------------------------------------------------------------------------

    Optional<MajorHazardSource> source(UUID id, List<String> scope) {
        return jdbc.sql("select " + SOURCE_COLUMNS
                        + " from risk.hazard_sources where id = :id and division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", scope)
                .query(JdbcRiskStore::source)
                .optional();
    }

    PageResult<MajorHazardSource> sources(
            @Nullable String q,
            @Nullable Boolean major,
            @Nullable HazardGrade grade,
            @Nullable String division,
            @Nullable UUID organisationId,
            PageQuery page,
            List<String> scope) {
        Where w = sourceWhere(q, major, grade, division, organisationId, scope);
        long total = w.bind(jdbc.sql("select count(*) from risk.hazard_sources" + w))
                .query(Long.class)
                .single();
        List<MajorHazardSource> items = w.bind(jdbc.sql("select " + SOURCE_COLUMNS + " from risk.hazard_sources" + w
                        + " order by major desc, coalesce(grade, 9), name, id limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(JdbcRiskStore::source)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    void eachSource(
            @Nullable String q,
            @Nullable Boolean major,
            @Nullable HazardGrade grade,
            @Nullable String division,
            List<String> scope,
            Consumer<MajorHazardSource> sink) {
        Where w = sourceWhere(q, major, grade, division, null, scope);
        w.bind(jdbc.sql("select " + SOURCE_COLUMNS + " from risk.hazard_sources" + w
                        + " order by division_path, name, id"))
                .query((RowCallbackHandler) rs -> sink.accept(source(rs, 0)));
    }

    private static Where sourceWhere(
            @Nullable String q,
            @Nullable Boolean major,
            @Nullable HazardGrade grade,
            @Nullable String division,
            @Nullable UUID organisationId,
            List<String> scope) {
        Where w = new Where(scope);
        if (notBlank(q)) {
            w.and("(name ilike :q or organisation_name ilike :q)", "q", contains(q));
        }
        if (major != null) {
            w.and("major = :major", "major", major);
        }
        if (grade != null) {
            w.and("grade = :grade", "grade", grade.number());
        }
        if (notBlank(division)) {
            w.and("division_path like :division", "division", prefix(division));
        }
        if (organisationId != null) {
            w.and("organisation_id = :org", "org", organisationId);
        }
        return w;
    }

    void insertSource(MajorHazardSource s) {
        jdbc.sql("""
                        insert into risk.hazard_sources (id, name, unit_kind, organisation_id, organisation_name,
                               division_path, exposed_population, s, major, alpha, r, grade, unverified_data,
                               graded_at, version)
                        values (:id, :name, :kind, :org, :orgName, :path, :pop, :s, :major, :alpha, :r, :grade,
                                :unverified, :at, 0)""")
                .param("id", s.id().value())
                .param("name", s.name())
                .param("kind", s.unitKind().name())
                .param("org", s.organisationId())
                .param("orgName", s.organisationName())
                .param("path", s.divisionPath())
                .param("pop", s.exposedPopulation())
                .param("s", s.s())
                .param("major", s.major())
                .param("alpha", s.alpha())
                .param("r", s.r())
                .param("grade", s.grade() == null ? null : s.grade().number())
                .param("unverified", s.unverifiedData())
                .param("at", Timestamp.from(s.gradedAt()))
                .update();
    }

    boolean updateSource(MajorHazardSource s, int expectedVersion) {
        return jdbc.sql("""
                                update risk.hazard_sources set name = :name, exposed_population = :pop, s = :s,
                                       major = :major, alpha = :alpha, r = :r, grade = :grade,
                                       unverified_data = :unverified, graded_at = :at, version = version + 1
                                 where id = :id and version = :v""")
                        .param("id", s.id().value())
                        .param("name", s.name())
                        .param("pop", s.exposedPopulation())
                        .param("s", s.s())
                        .param("major", s.major())
                        .param("alpha", s.alpha())
                        .param("r", s.r())
                        .param("grade", s.grade() == null ? null : s.grade().number())
                        .param("unverified", s.unverifiedData())
                        .param("at", Timestamp.from(s.gradedAt()))
                        .param("v", expectedVersion)
                        .update()
                == 1;
    }

    List<InventoryItem> inventory(UUID sourceId) {
        return jdbc.sql("select * from risk.hazard_inventory where source_id = :id order by line_no")
                .param("id", sourceId)
                .query((rs, n) -> new InventoryItem(
                        rs.getString("chemical_code"),
                        rs.getString("name"),
                        rs.getString("cas"),
                        rs.getString("hazard_class"),
                        plain(rs.getBigDecimal("quantity")),
                        plain(rs.getBigDecimal("threshold")),
                        plain(rs.getBigDecimal("beta")),
                        plain(rs.getBigDecimal("ratio")),
                        rs.getBoolean("threshold_verified"),
                        rs.getBoolean("beta_verified")))
                .list();
    }

    void replaceInventory(UUID sourceId, List<InventoryItem> items) {
        jdbc.sql("delete from risk.hazard_inventory where source_id = :id")
                .param("id", sourceId)
                .update();
        int line = 1;
        for (InventoryItem i : items) {
            jdbc.sql("""
                            insert into risk.hazard_inventory (source_id, line_no, chemical_code, name, cas,
                                   hazard_class, quantity, threshold, beta, ratio, threshold_verified, beta_verified)
                            values (:id, :line, :code, :name, :cas, :cls, :q, :threshold, :beta, :ratio, :tv, :bv)""")
                    .param("id", sourceId)
                    .param("line", line++)
                    .param("code", i.chemical())
                    .param("name", i.name())
                    .param("cas", i.cas())
                    .param("cls", i.hazardClass())
                    .param("q", i.quantity())
                    .param("threshold", i.threshold())
                    .param("beta", i.beta())
                    .param("ratio", i.ratio())
                    .param("tv", i.thresholdVerified())
                    .param("bv", i.betaVerified())
                    .update();
        }
    }

    void insertGrading(HazardGrading g, String divisionPath) {
        jdbc.sql("""
                        insert into risk.hazard_gradings (id, source_id, division_path, reason, s, major,
                               exposed_population, alpha, r, grade, previous_grade, items, graded_by, graded_at)
                        values (:id, :source, :path, :reason, :s, :major, :pop, :alpha, :r, :grade, :prev,
                                cast(:items as jsonb), :by, :at)""")
                .param("id", g.id())
                .param("source", g.source().value())
                .param("path", divisionPath)
                .param("reason", g.reason())
                .param("s", g.s())
                .param("major", g.major())
                .param("pop", g.exposedPopulation())
                .param("alpha", g.alpha())
                .param("r", g.r())
                .param("grade", g.grade() == null ? null : g.grade().number())
                .param(
                        "prev",
                        g.previousGrade() == null ? null : g.previousGrade().number())
                .param("items", json.writeValueAsString(g.items()))
                .param("by", g.gradedBy())
                .param("at", Timestamp.from(g.gradedAt()))
                .update();
    }

    List<HazardGrading> gradings(UUID sourceId) {
        return jdbc.sql("select * from risk.hazard_gradings where source_id = :id order by graded_at desc, id")
                .param("id", sourceId)
                .query((rs, n) -> new HazardGrading(
                        rs.getObject("id", UUID.class),
                        new MajorHazardSourceId(rs.getObject("source_id", UUID.class)),
                        rs.getString("reason"),
                        plain(rs.getBigDecimal("s")),
                        rs.getBoolean("major"),
                        rs.getInt("exposed_population"),
                        plain(rs.getBigDecimal("alpha")),
                        plain(rs.getBigDecimal("r")),
                        grade(rs, "grade"),
                        grade(rs, "previous_grade"),
                        json.readValue(rs.getString("items"), ITEMS),
                        rs.getString("graded_by"),
                        rs.getTimestamp("graded_at").toInstant()))
                .list();
    }

    // ---- mapping -----------------------------------------------------------------------------------------------

    private static RiskPoint point(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("assessed_at");
        String method = rs.getString("method");
        return new RiskPoint(
                new RiskPointId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("category"),
                rs.getString("description"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"),
                rs.getString("division_path"),
                rs.getString("grid_code"),
                rs.getString("location"),
                (Double) rs.getObject("lon"),
                (Double) rs.getObject("lat"),
                method == null ? null : AssessmentMethod.valueOf(method),
                plainOrNull(rs.getBigDecimal("score")),
                colour(rs.getString("colour")),
                at == null ? null : at.toInstant(),
                rs.getInt("version"));
    }

    private static ControlMeasure measure(ResultSet rs, int n) throws SQLException {
        return new ControlMeasure(
                rs.getObject("id", UUID.class),
                new RiskPointId(rs.getObject("point_id", UUID.class)),
                rs.getString("measure"),
                ControlLevel.valueOf(rs.getString("control_level")),
                rs.getObject("position_id", UUID.class),
                rs.getString("position_name"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static MajorHazardSource source(ResultSet rs, int n) throws SQLException {
        return new MajorHazardSource(
                new MajorHazardSourceId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                UnitKind.valueOf(rs.getString("unit_kind")),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"),
                rs.getString("division_path"),
                rs.getInt("exposed_population"),
                plain(rs.getBigDecimal("s")),
                rs.getBoolean("major"),
                plain(rs.getBigDecimal("alpha")),
                plain(rs.getBigDecimal("r")),
                grade(rs, "grade"),
                rs.getBoolean("unverified_data"),
                rs.getTimestamp("graded_at").toInstant(),
                rs.getInt("version"));
    }

    private static @Nullable HazardGrade grade(ResultSet rs, String column) throws SQLException {
        int g = rs.getInt(column);
        return rs.wasNull() ? null : HazardGrade.of(g);
    }

    private static @Nullable RiskColour colour(@Nullable String s) {
        return s == null ? null : RiskColour.valueOf(s);
    }

    static BigDecimal plain(BigDecimal d) {
        BigDecimal v = d.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static @Nullable BigDecimal plainOrNull(@Nullable BigDecimal d) {
        return d == null ? null : plain(d);
    }

    static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    static String contains(String s) {
        return "%" + escape(s.strip()) + "%";
    }

    private static String prefix(String path) {
        String p = path.strip();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        if (!p.endsWith("/")) {
            p = p + "/";
        }
        return escape(p) + "%";
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A WHERE clause that always starts with the jurisdiction filter. */
    static final class Where {
        private final StringBuilder sql = new StringBuilder(" where division_path like any (array[:scope])");
        private final Map<String, Object> params = new LinkedHashMap<>();

        Where(List<String> scope) {
            params.put("scope", scope);
        }

        void and(String condition, @Nullable String name, @Nullable Object value) {
            sql.append(" and ").append(condition);
            if (name != null && value != null) {
                params.put(name, value);
            }
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            JdbcClient.StatementSpec s = spec;
            for (Map.Entry<String, Object> e : params.entrySet()) {
                s = s.param(e.getKey(), e.getValue());
            }
            return s;
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }
}
