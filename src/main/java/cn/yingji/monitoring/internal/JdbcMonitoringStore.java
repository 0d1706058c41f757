package cn.yingji.monitoring.internal;

import cn.yingji.monitoring.Direction;
import cn.yingji.monitoring.LinkKind;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.SensorKind;
import cn.yingji.monitoring.WarningLevel;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of points, sensors, alarms and warnings. {@code patterns} null means unscoped (the system). */
@Repository
class JdbcMonitoringStore {

    private final JdbcClient jdbc;

    JdbcMonitoringStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- points

    void insertPoint(MonitoringPoint p) {
        jdbc.sql("""
                        insert into monitoring.point (id, code, name, link_kind, link_id, link_name, lon, lat,
                            division_code, division_path, grid_code, created_at)
                        values (:id, :code, :name, :kind, :linkId, :linkName, :lon, :lat, :dc, :dp, :grid, :at)
                        """)
                .param("id", p.id())
                .param("code", p.code())
                .param("name", p.name())
                .param("kind", p.linkKind().name())
                .param("linkId", p.linkId())
                .param("linkName", p.linkName())
                .param("lon", p.lon())
                .param("lat", p.lat())
                .param("dc", p.divisionCode())
                .param("dp", p.divisionPath())
                .param("grid", p.gridCode())
                .param("at", Timestamp.from(p.createdAt()))
                .update();
    }

    int updatePoint(MonitoringPoint p, int expectedVersion) {
        return jdbc.sql("""
                        update monitoring.point set name = :name, link_kind = :kind, link_id = :linkId,
                            link_name = :linkName, lon = :lon, lat = :lat, division_code = :dc, division_path = :dp,
                            grid_code = :grid, version = version + 1
                        where id = :id and version = :v
                        """)
                .param("id", p.id())
                .param("v", expectedVersion)
                .param("name", p.name())
                .param("kind", p.linkKind().name())
                .param("linkId", p.linkId())
                .param("linkName", p.linkName())
                .param("lon", p.lon())
                .param("lat", p.lat())
                .param("dc", p.divisionCode())
                .param("dp", p.divisionPath())
                .param("grid", p.gridCode())
                .update();
    }

    /** Copies a moved point's path to its sensors; returns their ids. */
    List<UUID> movePointSensors(UUID pointId, String path) {
        return jdbc.sql("update monitoring.sensor set division_path = :dp where point_id = :p returning id")
                .param("dp", path)
                .param("p", pointId)
                .query(UUID.class)
                .list();
    }

    /** Locks the point row and returns its version. */
    Optional<Integer> lockPoint(UUID id) {
        return jdbc.sql("select version from monitoring.point where id = :id for update")
                .param("id", id)
                .query(Integer.class)
                .optional();
    }

    void deletePoint(UUID id) {
        jdbc.sql("delete from monitoring.point where id = :id").param("id", id).update();
    }

    boolean pointCodeTaken(String code) {
        return jdbc.sql("select count(*) from monitoring.point where code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean sensorCodeTaken(String code) {
        return jdbc.sql("select count(*) from monitoring.sensor where code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<MonitoringPoint> point(UUID id) {
        return jdbc.sql("select * from monitoring.point where id = :id")
                .param("id", id)
                .query(JdbcMonitoringStore::point)
                .optional();
    }

    Optional<MonitoringPoint> pointByCode(String code) {
        return jdbc.sql("select * from monitoring.point where code = :c")
                .param("c", code)
                .query(JdbcMonitoringStore::point)
                .optional();
    }

    List<MonitoringPoint> points(@Nullable List<String> patterns, @Nullable String q) {
        return jdbc.sql("""
                        select * from monitoring.point
                        where (cast(:all as boolean) or division_path like any (cast(:p as text[])))
                          and (cast(:q as text) is null or name ilike '%' || :q || '%' or code ilike '%' || :q || '%'
                               or link_name ilike '%' || :q || '%')
                        order by code limit 1000
                        """)
                .param("all", patterns == null)
                .param("p", patterns == null ? new String[0] : patterns.toArray(String[]::new))
                .param("q", q == null || q.isBlank() ? null : q.trim())
                .query(JdbcMonitoringStore::point)
                .list();
    }

    private static MonitoringPoint point(ResultSet rs, int n) throws SQLException {
        return new MonitoringPoint(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                LinkKind.valueOf(rs.getString("link_kind")),
                rs.getObject("link_id", UUID.class),
                rs.getString("link_name"),
                rs.getDouble("lon"),
                rs.getDouble("lat"),
                rs.getString("division_code"),
                rs.getString("division_path"),
                rs.getString("grid_code"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }

    // ---- sensors

    void insertSensor(Sensor s, Instant at) {
        jdbc.sql("""
                        insert into monitoring.sensor (id, code, point_id, name, kind, unit, interval_seconds, direction,
                            blue, yellow, orange, red, hysteresis, rate_per_minute, duration_minutes, division_path,
                            created_at)
                        values (:id, :code, :point, :name, :kind, :unit, :interval, :dir, :blue, :yellow, :orange, :red,
                            :h, :rate, :dur, :dp, :at)
                        """)
                .param("id", s.id())
                .param("code", s.code())
                .param("point", s.pointId())
                .param("name", s.name())
                .param("kind", s.kind().name())
                .param("unit", s.unit())
                .param("interval", s.intervalSeconds())
                .param("dir", s.direction().name())
                .param("blue", s.blue())
                .param("yellow", s.yellow())
                .param("orange", s.orange())
                .param("red", s.red())
                .param("h", s.hysteresis())
                .param("rate", s.ratePerMinute())
                .param("dur", s.durationMinutes())
                .param("dp", s.divisionPath())
                .param("at", Timestamp.from(at))
                .update();
    }

    int updateRules(Sensor s, int expectedVersion) {
        return jdbc.sql("""
                        update monitoring.sensor set name = :name, unit = :unit, interval_seconds = :interval,
                            direction = :dir, blue = :blue, yellow = :yellow, orange = :orange, red = :red,
                            hysteresis = :h, rate_per_minute = :rate, duration_minutes = :dur, version = version + 1
                        where id = :id and version = :v
                        """)
                .param("id", s.id())
                .param("v", expectedVersion)
                .param("name", s.name())
                .param("unit", s.unit())
                .param("interval", s.intervalSeconds())
                .param("dir", s.direction().name())
                .param("blue", s.blue())
                .param("yellow", s.yellow())
                .param("orange", s.orange())
                .param("red", s.red())
                .param("h", s.hysteresis())
                .param("rate", s.ratePerMinute())
                .param("dur", s.durationMinutes())
                .update();
    }

    Optional<Sensor> sensor(UUID id) {
        return jdbc.sql("select * from monitoring.sensor where id = :id")
                .param("id", id)
                .query(JdbcMonitoringStore::sensor)
                .optional();
    }

    Optional<Sensor> sensorByCode(String code) {
        return jdbc.sql("select * from monitoring.sensor where code = :c")
                .param("c", code)
                .query(JdbcMonitoringStore::sensor)
                .optional();
    }

    List<Sensor> sensorsOf(UUID pointId) {
        return jdbc.sql("select * from monitoring.sensor where point_id = :p order by code")
                .param("p", pointId)
                .query(JdbcMonitoringStore::sensor)
                .list();
    }

    List<Sensor> sensors(@Nullable List<String> patterns) {
        return jdbc.sql("""
                        select * from monitoring.sensor
                        where (cast(:all as boolean) or division_path like any (cast(:p as text[])))
                        order by code
                        """)
                .param("all", patterns == null)
                .param("p", patterns == null ? new String[0] : patterns.toArray(String[]::new))
                .query(JdbcMonitoringStore::sensor)
                .list();
    }

    /** Every sensor with its creation time, for the in-memory registry. */
    List<Object[]> allForRegistry() {
        // the last stored reading per sensor (index-backed per partition), so evaluation after a restart neither
        // treats an older reading as new nor copies a duplicate straight into the table
        return jdbc.sql("""
                        select s.*, s.created_at as c,
                               greatest(s.last_at, (select max(r.at) from monitoring.reading r where r.sensor_id = s.id))
                                   as max_at
                        from monitoring.sensor s
                        """)
                .query((rs, n) -> new Object[] {
                    sensor(rs, n),
                    rs.getTimestamp("c").toInstant(),
                    rs.getTimestamp("max_at") == null
                            ? null
                            : rs.getTimestamp("max_at").toInstant()
                })
                .list();
    }

    void saveStates(List<Object[]> rows) {
        for (Object[] r : rows) {
            jdbc.sql("update monitoring.sensor set state = :s, last_value = :v, last_at = :at where id = :id")
                    .param("id", r[0])
                    .param("s", r[1])
                    .param("v", r[2])
                    .param("at", r[3] == null ? null : Timestamp.from((Instant) r[3]))
                    .update();
        }
    }

    private static Sensor sensor(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_at");
        return new Sensor(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getObject("point_id", UUID.class),
                rs.getString("name"),
                SensorKind.valueOf(rs.getString("kind")),
                rs.getString("unit"),
                rs.getInt("interval_seconds"),
                Direction.valueOf(rs.getString("direction")),
                rs.getObject("blue", Double.class),
                rs.getObject("yellow", Double.class),
                rs.getObject("orange", Double.class),
                rs.getObject("red", Double.class),
                rs.getDouble("hysteresis"),
                rs.getObject("rate_per_minute", Double.class),
                rs.getInt("duration_minutes"),
                rs.getString("division_path"),
                rs.getString("state"),
                rs.getObject("last_value", Double.class),
                last == null ? null : last.toInstant(),
                rs.getInt("version"));
    }

    /** Readings of a sensor in a time window, oldest first (at most {@code limit}). */
    List<Object[]> history(UUID sensorId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select at, value from (
                          select at, value from monitoring.reading
                          where sensor_id = :s and at >= :f and at < :t order by at desc limit :l) x
                        order by at
                        """)
                .param("s", sensorId)
                .param("f", Timestamp.from(from))
                .param("t", Timestamp.from(to))
                .param("l", limit)
                .query((rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getDouble(2)})
                .list();
    }

    // ---- alarms

    void insertAlarm(
            UUID id,
            SensorRule r,
            String kind,
            @Nullable WarningLevel level,
            @Nullable Double value,
            Instant readingAt,
            Instant raisedAt) {
        jdbc.sql("""
                        insert into monitoring.alarm (id, sensor_id, point_id, division_path, kind, level, value,
                            reading_at, raised_at)
                        values (:id, :s, :p, :dp, :k, :l, :v, :ra, :at)
                        """)
                .param("id", id)
                .param("s", r.id())
                .param("p", r.pointId())
                .param("dp", r.divisionPath())
                .param("k", kind)
                .param("l", level == null ? null : level.name())
                .param("v", value)
                .param("ra", Timestamp.from(readingAt))
                .param("at", Timestamp.from(raisedAt))
                .update();
    }

    private static final String ALARM_SELECT = """
            select a.*, s.code as sensor_code, s.name as sensor_name, s.unit, p.name as point_name
            from monitoring.alarm a join monitoring.sensor s on s.id = a.sensor_id
            join monitoring.point p on p.id = a.point_id
            """;

    Optional<Alarm> alarm(UUID id) {
        return jdbc.sql(ALARM_SELECT + " where a.id = :id")
                .param("id", id)
                .query(JdbcMonitoringStore::alarm)
                .optional();
    }

    List<Alarm> alarms(@Nullable List<String> patterns, @Nullable String status, int limit) {
        return jdbc.sql(ALARM_SELECT + """
                         where (cast(:all as boolean) or a.division_path like any (cast(:p as text[])))
                           and (cast(:st as text) is null or a.status = :st)
                         order by a.raised_at desc limit :l
                        """)
                .param("all", patterns == null)
                .param("p", patterns == null ? new String[0] : patterns.toArray(String[]::new))
                .param("st", status)
                .param("l", limit)
                .query(JdbcMonitoringStore::alarm)
                .list();
    }

    int handleAlarm(
            UUID id,
            int version,
            String status,
            String by,
            Instant at,
            @Nullable String note,
            @Nullable UUID warningId) {
        return jdbc.sql("""
                        update monitoring.alarm set status = :st, handled_by = :by, handled_at = :at, note = :note,
                            warning_id = :w, version = version + 1
                        where id = :id and version = :v and status = 'OPEN'
                        """)
                .param("id", id)
                .param("v", version)
                .param("st", status)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("note", note)
                .param("w", warningId)
                .update();
    }

    private static Alarm alarm(ResultSet rs, int n) throws SQLException {
        String level = rs.getString("level");
        Timestamp handled = rs.getTimestamp("handled_at");
        return new Alarm(
                rs.getObject("id", UUID.class),
                rs.getObject("sensor_id", UUID.class),
                rs.getString("sensor_code"),
                rs.getString("sensor_name"),
                rs.getObject("point_id", UUID.class),
                rs.getString("point_name"),
                rs.getString("division_path"),
                rs.getString("kind"),
                level == null ? null : WarningLevel.valueOf(level),
                rs.getObject("value", Double.class),
                rs.getString("unit"),
                rs.getTimestamp("reading_at").toInstant(),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getString("status"),
                rs.getString("handled_by"),
                handled == null ? null : handled.toInstant(),
                rs.getString("note"),
                rs.getObject("warning_id", UUID.class),
                rs.getInt("version"));
    }

    // ---- warnings

    void insertWarning(Warning w, @Nullable String sourceXml) {
        jdbc.sql("""
                        insert into monitoring.warning (id, identifier, sender, sender_name, external, drill, status,
                            msg_type, level, event_type, category, title, content, measures, area_desc, division_codes,
                            division_paths, polygon, effective, expires, issued_at, updated_at, cancelled_at, alarm_id,
                            references_, cap_sent, source_xml)
                        values (:id, :identifier, :sender, :senderName, :external, :drill, :status, :msgType, :level,
                            :eventType, :category, :title, :content, :measures, :areaDesc, :codes, :paths, :polygon,
                            :effective, :expires, :issuedAt, :updatedAt, :cancelledAt, :alarmId, :refs, :capSent, :xml)
                        """)
                .param("id", w.id())
                .param("identifier", w.identifier())
                .param("sender", w.sender())
                .param("senderName", w.senderName())
                .param("external", w.external())
                .param("drill", w.drill())
                .param("status", w.status())
                .param("msgType", w.msgType())
                .param("level", w.level().name())
                .param("eventType", w.eventType())
                .param("category", w.category())
                .param("title", w.title())
                .param("content", w.content())
                .param("measures", w.measures())
                .param("areaDesc", w.areaDesc())
                .param("codes", w.divisionCodes().toArray(String[]::new))
                .param("paths", w.divisionPaths().toArray(String[]::new))
                .param("polygon", w.polygon())
                .param("effective", Timestamp.from(w.effective()))
                .param("expires", w.expires() == null ? null : Timestamp.from(w.expires()))
                .param("issuedAt", Timestamp.from(w.issuedAt()))
                .param("updatedAt", Timestamp.from(w.updatedAt()))
                .param("cancelledAt", w.cancelledAt() == null ? null : Timestamp.from(w.cancelledAt()))
                .param("alarmId", w.alarmId())
                .param("refs", w.references())
                .param("capSent", Timestamp.from(w.capSent()))
                .param("xml", sourceXml)
                .update();
    }

    int updateWarning(Warning w, int expectedVersion) {
        return jdbc.sql("""
                        update monitoring.warning set status = :status, msg_type = :msgType, level = :level,
                            title = :title, content = :content, measures = :measures, area_desc = :areaDesc,
                            division_codes = :codes, division_paths = :paths, polygon = :polygon,
                            effective = :effective, expires = :expires, updated_at = :updatedAt,
                            cancelled_at = :cancelledAt, references_ = :refs, cap_sent = :capSent,
                            version = version + 1
                        where id = :id and version = :v
                        """)
                .param("id", w.id())
                .param("v", expectedVersion)
                .param("status", w.status())
                .param("msgType", w.msgType())
                .param("level", w.level().name())
                .param("title", w.title())
                .param("content", w.content())
                .param("measures", w.measures())
                .param("areaDesc", w.areaDesc())
                .param("codes", w.divisionCodes().toArray(String[]::new))
                .param("paths", w.divisionPaths().toArray(String[]::new))
                .param("polygon", w.polygon())
                .param("effective", Timestamp.from(w.effective()))
                .param("expires", w.expires() == null ? null : Timestamp.from(w.expires()))
                .param("updatedAt", Timestamp.from(w.updatedAt()))
                .param("cancelledAt", w.cancelledAt() == null ? null : Timestamp.from(w.cancelledAt()))
                .param("refs", w.references())
                .param("capSent", Timestamp.from(w.capSent()))
                .update();
    }

    boolean identifierTaken(String identifier) {
        return jdbc.sql("select count(*) from monitoring.warning where identifier = :i")
                        .param("i", identifier)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Warning> warning(UUID id) {
        return jdbc.sql("select * from monitoring.warning where id = :id")
                .param("id", id)
                .query(JdbcMonitoringStore::warning)
                .optional();
    }

    Optional<Warning> warningByIdentifier(String sender, String identifier) {
        return jdbc.sql("select * from monitoring.warning where sender = :s and identifier = :i")
                .param("s", sender)
                .param("i", identifier)
                .query(JdbcMonitoringStore::warning)
                .optional();
    }

    /**
     * Warnings visible to a caller whose view scopes are {@code scopes} (null: everything): those covering a
     * division inside a scope, or covering a scope's ancestor (a city-wide warning concerns every township).
     */
    List<Warning> warnings(
            @Nullable List<String> scopes,
            @Nullable String status,
            @Nullable WarningLevel level,
            @Nullable Boolean external,
            @Nullable String q,
            int limit) {
        return jdbc.sql("""
                        select * from monitoring.warning w
                        where (cast(:all as boolean) or exists (
                                select 1 from unnest(w.division_paths) dp, unnest(cast(:s as text[])) sc
                                where starts_with(dp, sc) or starts_with(sc, dp)))
                          and (cast(:st as text) is null or w.status = :st)
                          and (cast(:lv as text) is null or w.level = :lv)
                          and (cast(:ext as boolean) is null or w.external = :ext)
                          and (cast(:q as text) is null or w.title ilike '%' || :q || '%'
                               or w.area_desc ilike '%' || :q || '%')
                        order by w.issued_at desc limit :l
                        """)
                .param("all", scopes == null)
                .param("s", scopes == null ? new String[0] : scopes.toArray(String[]::new))
                .param("st", status)
                .param("lv", level == null ? null : level.name())
                .param("ext", external)
                .param("q", q == null || q.isBlank() ? null : q.trim())
                .param("l", limit)
                .query(JdbcMonitoringStore::warning)
                .list();
    }

    private static Warning warning(ResultSet rs, int n) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires");
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        return new Warning(
                rs.getObject("id", UUID.class),
                rs.getString("identifier"),
                rs.getString("sender"),
                rs.getString("sender_name"),
                rs.getBoolean("external"),
                rs.getBoolean("drill"),
                rs.getString("status"),
                rs.getString("msg_type"),
                WarningLevel.valueOf(rs.getString("level")),
                rs.getString("event_type"),
                rs.getString("category"),
                rs.getString("title"),
                rs.getString("content"),
                rs.getString("measures"),
                rs.getString("area_desc"),
                strings(rs.getArray("division_codes")),
                strings(rs.getArray("division_paths")),
                rs.getString("polygon"),
                rs.getTimestamp("effective").toInstant(),
                expires == null ? null : expires.toInstant(),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                cancelled == null ? null : cancelled.toInstant(),
                rs.getObject("alarm_id", UUID.class),
                rs.getString("references_"),
                rs.getTimestamp("cap_sent").toInstant(),
                rs.getInt("version"));
    }

    private static List<String> strings(@Nullable Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) a.getArray()));
    }
}
