package cn.yingji.incident.internal;

import cn.yingji.incident.Attachment;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.EventCategory;
import cn.yingji.incident.EventType;
import cn.yingji.incident.Grade;
import cn.yingji.incident.GradeChange;
import cn.yingji.incident.GradingDimension;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentFilter;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentState;
import cn.yingji.incident.Instruction;
import cn.yingji.incident.Obligation;
import cn.yingji.incident.Recipient;
import cn.yingji.incident.Report;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportKind;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.incident.TimelineEntry;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import cn.yingji.shared.Uuids;
import cn.yingji.shared.db.AfterTransaction;
import cn.yingji.shared.db.PathScope;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-written SQL for the {@code incident} schema. Scoping patterns are passed in by the callers. */
@Repository
class JdbcIncidentStore {

    static final String COLUMNS = """
            id, number, category, type_code, title, description, occurred_at, reported_at, received_level, lon, lat,
            division_code, division_path, grid_code, address, reporter_name, reporter_phone, channel, enterprise_name,
            enterprise_org_id, deaths, missing, seriously_injured, trapped, minor_injuries, direct_loss,
            forest_area_ha, grade, grade_dimension, investigation_level, state, drill, created_by, version
            """;

    private final JdbcClient jdbc;

    JdbcIncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- configuration ------------------------------------------------------------------------

    /** Bumped by every write to the configuration tables, so this node's caches reload at once. */
    private final java.util.concurrent.atomic.AtomicLong configGeneration =
            new java.util.concurrent.atomic.AtomicLong();

    long configGeneration() {
        return configGeneration.get();
    }

    /**
     * Counts a change of reference data, once now and once when the transaction ends: a reader that reloaded in
     * between saw the rows before the commit and must reload again.
     */
    private void configChanged() {
        configGeneration.incrementAndGet();
        AfterTransaction.completion(configGeneration::incrementAndGet);
    }

    List<EventType> eventTypes() {
        return jdbc.sql("""
                        select code, category, name_zh, name_en, grading_scheme, reporting_chain, regrade_window_days,
                               production_safety, active
                        from incident.event_types order by active desc, sort, code
                        """)
                .query((rs, n) -> new EventType(
                        rs.getString("code"),
                        EventCategory.valueOf(rs.getString("category")),
                        rs.getString("name_zh"),
                        rs.getString("name_en"),
                        rs.getString("grading_scheme"),
                        rs.getString("reporting_chain"),
                        rs.getInt("regrade_window_days"),
                        rs.getBoolean("production_safety"),
                        rs.getBoolean("active")))
                .list();
    }

    Optional<EventType> eventType(String code) {
        return eventTypes().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    Optional<GradingScheme> scheme(String code) {
        List<GradingScheme.Threshold> thresholds = jdbc.sql("""
                        select dimension, grade, min_value from incident.grading_thresholds
                        where scheme_code = :code order by dimension, min_value
                        """)
                .param("code", code)
                .query((rs, n) -> new GradingScheme.Threshold(
                        GradingDimension.valueOf(rs.getString("dimension")),
                        Grade.valueOf(rs.getString("grade")),
                        rs.getBigDecimal("min_value")))
                .list();
        return jdbc.sql("select base_grade, count_missing_as_deaths from incident.grading_schemes where code = :code")
                .param("code", code)
                .query((rs, n) -> new GradingScheme(
                        code, grade(rs.getString("base_grade")), rs.getBoolean("count_missing_as_deaths"), thresholds))
                .optional();
    }

    List<SchemeRow> schemes() {
        return jdbc.sql("""
                        select code, name_zh, name_en, base_grade, count_missing_as_deaths, legal_basis, tag, version
                        from incident.grading_schemes order by code
                        """)
                .query((rs, n) -> new SchemeRow(
                        rs.getString("code"),
                        rs.getString("name_zh"),
                        rs.getString("name_en"),
                        grade(rs.getString("base_grade")),
                        rs.getBoolean("count_missing_as_deaths"),
                        rs.getString("legal_basis"),
                        rs.getString("tag"),
                        rs.getInt("version")))
                .list();
    }

    List<ThresholdRow> thresholds() {
        return jdbc.sql("""
                        select scheme_code, dimension, grade, min_value, tag from incident.grading_thresholds
                        order by scheme_code, dimension, min_value
                        """)
                .query((rs, n) -> new ThresholdRow(
                        rs.getString("scheme_code"),
                        GradingDimension.valueOf(rs.getString("dimension")),
                        Grade.valueOf(rs.getString("grade")),
                        rs.getBigDecimal("min_value"),
                        rs.getString("tag")))
                .list();
    }

    /** Sets (inserts or updates) one threshold; a null value deletes it. */
    void putThreshold(String scheme, GradingDimension dimension, Grade grade, @Nullable BigDecimal value) {
        configChanged();
        if (value == null) {
            jdbc.sql("""
                            delete from incident.grading_thresholds
                            where scheme_code = :s and dimension = :d and grade = :g
                            """)
                    .param("s", scheme)
                    .param("d", dimension.name())
                    .param("g", grade.name())
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into incident.grading_thresholds (scheme_code, dimension, grade, min_value, tag)
                        values (:s, :d, :g, :v, 'L')
                        on conflict (scheme_code, dimension, grade) do update
                            set min_value = excluded.min_value,
                                tag = case when incident.grading_thresholds.min_value = excluded.min_value
                                           then incident.grading_thresholds.tag else 'L' end
                        """)
                .param("s", scheme)
                .param("d", dimension.name())
                .param("g", grade.name())
                .param("v", value)
                .update();
    }

    void setCountMissing(String scheme, boolean countMissing) {
        configChanged();
        jdbc.sql("""
                        update incident.grading_schemes set count_missing_as_deaths = :c, version = version + 1
                        where code = :s
                        """).param("s", scheme).param("c", countMissing).update();
    }

    List<ReportingRule> rules(@Nullable String chain) {
        return jdbc.sql("""
                        select id, chain, from_level, recipient, min_grade, deadline_minutes, enabled, legal_basis,
                               tag, version
                        from incident.reporting_rules
                        where (cast(:chain as text) is null or chain = :chain)
                        order by chain, from_level, id
                        """)
                .param("chain", chain)
                .query((rs, n) -> new ReportingRule(
                        rs.getInt("id"),
                        rs.getString("chain"),
                        ReportingLevel.valueOf(rs.getString("from_level")),
                        Recipient.valueOf(rs.getString("recipient")),
                        grade(rs.getString("min_grade")),
                        rs.getInt("deadline_minutes"),
                        rs.getBoolean("enabled"),
                        rs.getString("legal_basis"),
                        rs.getString("tag"),
                        rs.getInt("version")))
                .list();
    }

    Optional<ReportingRule> rule(int id) {
        return rules(null).stream().filter(r -> r.id() == id).findFirst();
    }

    void updateRule(int id, int deadlineMinutes, @Nullable Grade minGrade, boolean enabled) {
        configChanged();
        jdbc.sql("""
                        update incident.reporting_rules
                        set deadline_minutes = :m, min_grade = :g, enabled = :e, version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("m", deadlineMinutes)
                .param("g", minGrade == null ? null : minGrade.name())
                .param("e", enabled)
                .update();
    }

    void updateWindow(String typeCode, int days) {
        configChanged();
        jdbc.sql("update incident.event_types set regrade_window_days = :d, version = version + 1 where code = :c")
                .param("c", typeCode)
                .param("d", days)
                .update();
    }

    record SchemeRow(
            String code,
            String nameZh,
            String nameEn,
            @Nullable Grade baseGrade,
            boolean countMissingAsDeaths,
            String legalBasis,
            String tag,
            int version) {}

    record ThresholdRow(String scheme, GradingDimension dimension, Grade grade, BigDecimal minValue, String tag) {}

    // ---- incidents --------------------------------------------------------------------------------

    /** {@code numberPrefix}: the day part of the event number; the INSERT appends the sequence. */
    record NewRow(
            UUID id,
            String numberPrefix,
            EventCategory category,
            String typeCode,
            String title,
            @Nullable String description,
            Instant occurredAt,
            Instant reportedAt,
            ReportingLevel receivedLevel,
            double lon,
            double lat,
            String divisionCode,
            String divisionPath,
            @Nullable String gridCode,
            @Nullable String address,
            @Nullable String reporterName,
            @Nullable String reporterPhone,
            ReportChannel channel,
            @Nullable String enterpriseName,
            @Nullable UUID enterpriseOrgId,
            Casualties casualties,
            GradingScheme.Result grade,
            boolean drill,
            @Nullable String idempotencyKey,
            @Nullable String idempotencyHash,
            String createdBy) {}

    /** The day part of an event number, {@code yyyyMMdd-}; the sequence part comes from the INSERT. */
    static String numberPrefix(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().toString().replace("-", "") + "-";
    }

    /**
     * What a fresh event starts with, written by {@link #insert} in the event's own statement: its first grade change
     * (null when ungraded), its timeline entries (an argument {@link TimelineRow#NUMBER} becomes the event's number)
     * and its reporting obligations, {@code met} already met.
     */
    record Opening(
            @Nullable GradeChange gradeChange,
            List<TimelineRow> timeline,
            List<ReportingPlanner.Planned> obligations,
            @Nullable Met met) {}

    /**
     * Inserts the row with its {@link Opening} and reads it back, all in one statement (data-modifying CTEs, whose
     * foreign keys are checked at its end); empty, and nothing written, when the user already used the key.
     */
    Optional<Incident> insert(NewRow r, Opening opening) {
        Map<String, Object> params = new java.util.HashMap<>();
        StringBuilder sql = new StringBuilder("with inc as (\n");
        sql.append("""
                        insert into incident.incidents (id, number, category, type_code, title, description,
                            occurred_at, reported_at, received_level, lon, lat, division_code, division_path,
                            grid_code, address, reporter_name, reporter_phone, channel, enterprise_name,
                            enterprise_org_id, deaths, missing, seriously_injured, trapped, minor_injuries,
                            direct_loss, forest_area_ha, grade, grade_dimension, investigation_level, drill,
                            idempotency_key, idempotency_hash, created_by)
                        values (:id, (select :prefix || lpad(v::text, greatest(6, length(v::text)), '0')
                                      from nextval('incident.incident_number_seq') v), :category, :type, :title, :description, :occurred, :reported,
                            :received, :lon, :lat, :divisionCode, :path, :grid, :address, :reporterName,
                            :reporterPhone, :channel, :enterpriseName, :enterpriseOrgId, :deaths, :missing,
                            :serious, :trapped, :minor, :loss, :area, :grade, :dimension, :investigation, :drill,
                            :key, :hash, :createdBy)
                        on conflict (created_by, idempotency_key) where idempotency_key is not null do nothing
                        returning\s""").append(COLUMNS).append(")\n");
        if (opening.gradeChange() != null) {
            sql.append("""
                    , grade_change as (
                        insert into incident.grade_changes (incident_id, at, actor, old_grade, new_grade,
                            deciding_dimension, deciding_value, old_investigation, new_investigation,
                            investigation_changed, reason)
                        select inc.id, cast(:gAt as timestamptz), :gActor, :gOld, :gNew, :gDim, :gValue, :gOldInv,
                            :gNewInv, :gChanged, :gReason
                        from inc)
                    """);
            gradeChangeParams(params, opening.gradeChange());
        }
        if (!opening.timeline().isEmpty()) {
            sql.append(", timeline as (insert into incident.timeline (incident_id, at, kind, actor, args, ref_id)\n")
                    .append("  select inc.id, v.at, v.kind, v.actor, array_replace(v.args, :numberArg, inc.number),")
                    .append(" v.ref from inc cross join (values ");
            params.put("numberArg", TimelineRow.NUMBER);
            timelineValues(sql, params, opening.timeline());
            sql.append(") as v(at, kind, actor, args, ref))\n");
        }
        if (!opening.obligations().isEmpty()) {
            // a new event has no obligations yet, so no conflict clause
            sql.append(", obligations as (")
                    .append(INSERT_OBLIGATIONS.formatted("inc.id").strip())
                    .append(" cross join inc)\n");
            obligationParams(params, opening.obligations(), r.divisionPath(), r.drill(), opening.met());
        }
        sql.append("select ").append(COLUMNS).append(" from inc");
        return jdbc.sql(sql.toString())
                .params(params)
                .param("id", r.id())
                .param("prefix", r.numberPrefix())
                .param("category", r.category().name())
                .param("type", r.typeCode())
                .param("title", r.title())
                .param("description", r.description())
                .param("occurred", Timestamp.from(r.occurredAt()))
                .param("reported", Timestamp.from(r.reportedAt()))
                .param("received", r.receivedLevel().name())
                .param("lon", r.lon())
                .param("lat", r.lat())
                .param("divisionCode", r.divisionCode())
                .param("path", r.divisionPath())
                .param("grid", r.gridCode())
                .param("address", r.address())
                .param("reporterName", r.reporterName())
                .param("reporterPhone", r.reporterPhone())
                .param("channel", r.channel().name())
                .param("enterpriseName", r.enterpriseName())
                .param("enterpriseOrgId", r.enterpriseOrgId())
                .param("deaths", r.casualties().deaths())
                .param("missing", r.casualties().missing())
                .param("serious", r.casualties().seriouslyInjured())
                .param("trapped", r.casualties().trapped())
                .param("minor", r.casualties().minorInjuries())
                .param("loss", r.casualties().directLoss())
                .param("area", r.casualties().forestArea())
                .param("grade", name(r.grade().grade()))
                .param("dimension", name(r.grade().dimension()))
                .param(
                        "investigation",
                        r.grade().grade() == null
                                ? null
                                : r.grade().grade().investigator().name())
                .param("drill", r.drill())
                .param("key", r.idempotencyKey())
                .param("hash", r.idempotencyHash())
                .param("createdBy", r.createdBy())
                .query((rs, n) -> incident(rs))
                .optional();
    }

    /** The event created earlier with this key, with the hash of its request. */
    Optional<Map.Entry<Incident, String>> byIdempotencyKey(String createdBy, String key) {
        return jdbc.sql("select " + COLUMNS + ", idempotency_hash from incident.incidents "
                        + "where created_by = :u and idempotency_key = :k")
                .param("u", createdBy)
                .param("k", key)
                .query((rs, n) -> Map.entry(incident(rs), rs.getString("idempotency_hash")))
                .optional();
    }

    Optional<Incident> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from incident.incidents where id = :id")
                .param("id", id)
                .query((rs, n) -> incident(rs))
                .optional();
    }

    /** Locks the row for an update in the current transaction. */
    Optional<Incident> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from incident.incidents where id = :id for update")
                .param("id", id)
                .query((rs, n) -> incident(rs))
                .optional();
    }

    void updateCasualties(UUID id, Casualties c, GradingScheme.@Nullable Result grade) {
        jdbc.sql("""
                        update incident.incidents
                        set deaths = :deaths, missing = :missing, seriously_injured = :serious, trapped = :trapped,
                            minor_injuries = :minor, direct_loss = :loss, forest_area_ha = :area,
                            grade = case when :regrade then :grade else grade end,
                            grade_dimension = case when :regrade then :dimension else grade_dimension end,
                            investigation_level = case when :regrade then :investigation else investigation_level end,
                            updated_at = now(), version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("deaths", c.deaths())
                .param("missing", c.missing())
                .param("serious", c.seriouslyInjured())
                .param("trapped", c.trapped())
                .param("minor", c.minorInjuries())
                .param("loss", c.directLoss())
                .param("area", c.forestArea())
                .param("regrade", grade != null)
                .param("grade", grade == null ? null : name(grade.grade()))
                .param("dimension", grade == null ? null : name(grade.dimension()))
                .param(
                        "investigation",
                        grade == null || grade.grade() == null
                                ? null
                                : grade.grade().investigator().name())
                .update();
    }

    void updateState(UUID id, IncidentState state) {
        jdbc.sql("update incident.incidents set state = :s, updated_at = now(), version = version + 1 where id = :id")
                .param("id", id)
                .param("s", state.name())
                .update();
    }

    PageResult<Incident> list(IncidentFilter f, List<String> patterns, PageQuery page, ZoneId zone) {
        Where w = where(f, patterns, zone);
        long total = w.bind(jdbc.sql("select count(*) from incident.incidents i where " + w.sql))
                .query(Long.class)
                .single();
        List<Incident> items = w.bind(jdbc.sql("select " + COLUMNS + " from incident.incidents i where " + w.sql
                        + " order by occurred_at desc, number desc limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> incident(rs))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    long count(IncidentFilter f, List<String> patterns, ZoneId zone) {
        Where w = where(f, patterns, zone);
        return w.bind(jdbc.sql("select count(*) from incident.incidents i where " + w.sql))
                .query(Long.class)
                .single();
    }

    /** Streams every matching event in list order (for exports), without loading them all at once. */
    void forEach(IncidentFilter f, List<String> patterns, ZoneId zone, Consumer<Incident> sink) {
        Where w = where(f, patterns, zone);
        w.bind(jdbc.sql("select " + COLUMNS + " from incident.incidents i where " + w.sql
                        + " order by occurred_at desc, number desc"))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(incident(rs)));
    }

    private static final class Where {
        final String sql;
        final Map<String, @Nullable Object> params;

        Where(String sql, Map<String, @Nullable Object> params) {
            this.sql = sql;
            this.params = params;
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    private static Where where(IncidentFilter f, @Nullable List<String> patterns, ZoneId zone) {
        StringBuilder sql = new StringBuilder("true");
        Map<String, @Nullable Object> p = new HashMap<>();
        if (patterns != null) {
            sql.append(" and ").append(PathScope.predicate("i.division_path", patterns, "scope", p));
        }
        if (f.typeCode() != null && !f.typeCode().isBlank()) {
            sql.append(" and i.type_code = :type");
            p.put("type", f.typeCode());
        }
        if (f.category() != null) {
            sql.append(" and i.category = :category");
            p.put("category", f.category().name());
        }
        if (f.grade() != null) {
            sql.append(" and i.grade = :grade");
            p.put("grade", f.grade().name());
        }
        if (f.state() != null) {
            sql.append(" and i.state = :state");
            p.put("state", f.state().name());
            if (f.state() != IncidentState.CLOSED) {
                // spelled out so the planner can use the partial index of open events (V40_3) in generic plans too
                sql.append(" and i.state <> 'CLOSED'");
            }
        }
        if (f.from() != null) {
            sql.append(" and i.occurred_at >= :from");
            p.put("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" and i.occurred_at < :to");
            p.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (f.divisionPath() != null && !f.divisionPath().isBlank()) {
            sql.append(" and i.division_path like :division");
            p.put("division", escapeLike(f.divisionPath()) + "%");
        }
        if (f.drill() != null) {
            sql.append(" and i.drill = :drill");
            p.put("drill", f.drill());
        }
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" and (i.title ilike :text or i.number ilike :text or i.address ilike :text"
                    + " or i.enterprise_name ilike :text)");
            p.put("text", "%" + escapeLike(f.text().trim()) + "%");
        }
        return new Where(sql.toString(), p);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        String orgId = rs.getString("enterprise_org_id");
        String inv = rs.getString("investigation_level");
        String dim = rs.getString("grade_dimension");
        return new Incident(
                new IncidentId(rs.getObject("id", UUID.class)),
                rs.getString("number"),
                EventCategory.valueOf(rs.getString("category")),
                rs.getString("type_code"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("reported_at").toInstant(),
                ReportingLevel.valueOf(rs.getString("received_level")),
                rs.getDouble("lon"),
                rs.getDouble("lat"),
                rs.getString("division_code"),
                rs.getString("division_path"),
                rs.getString("grid_code"),
                rs.getString("address"),
                rs.getString("reporter_name"),
                rs.getString("reporter_phone"),
                ReportChannel.valueOf(rs.getString("channel")),
                rs.getString("enterprise_name"),
                orgId == null ? null : UUID.fromString(orgId),
                new Casualties(
                        rs.getInt("deaths"),
                        rs.getInt("missing"),
                        rs.getInt("seriously_injured"),
                        rs.getInt("trapped"),
                        rs.getInt("minor_injuries"),
                        rs.getBigDecimal("direct_loss"),
                        rs.getBigDecimal("forest_area_ha").stripTrailingZeros()),
                grade(rs.getString("grade")),
                dim == null ? null : GradingDimension.valueOf(dim),
                inv == null ? null : Grade.GovernmentLevel.valueOf(inv),
                IncidentState.valueOf(rs.getString("state")),
                rs.getBoolean("drill"),
                rs.getString("created_by"),
                rs.getInt("version"));
    }

    // ---- grade history, casualty updates -------------------------------------------------------

    void insertGradeChange(UUID incident, GradeChange c) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("i", incident);
        gradeChangeParams(params, c);
        jdbc.sql(INSERT_GRADE_CHANGE).params(params).update();
    }

    /** One grade change of the event {@code :i}; its values are bound by {@link #gradeChangeParams}. */
    private static final String INSERT_GRADE_CHANGE = """
            insert into incident.grade_changes (incident_id, at, actor, old_grade, new_grade, deciding_dimension,
                deciding_value, old_investigation, new_investigation, investigation_changed, reason)
            values (:i, :gAt, :gActor, :gOld, :gNew, :gDim, :gValue, :gOldInv, :gNewInv, :gChanged, :gReason)
            """;

    private static void gradeChangeParams(Map<String, Object> params, GradeChange c) {
        params.put("gAt", Timestamp.from(c.at()));
        params.put("gActor", c.actor());
        params.put("gOld", name(c.oldGrade()));
        params.put("gNew", name(c.newGrade()));
        params.put("gDim", name(c.decidedBy()));
        params.put("gValue", c.decidingValue());
        params.put("gOldInv", name(c.oldInvestigator()));
        params.put("gNewInv", name(c.newInvestigator()));
        params.put("gChanged", c.investigatorChanged());
        params.put("gReason", c.reason());
    }

    List<GradeChange> gradeHistory(UUID incident) {
        return jdbc.sql("select * from incident.grade_changes where incident_id = :i order by at, id")
                .param("i", incident)
                .query((rs, n) -> {
                    String dim = rs.getString("deciding_dimension");
                    String oi = rs.getString("old_investigation");
                    String ni = rs.getString("new_investigation");
                    return new GradeChange(
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"),
                            grade(rs.getString("old_grade")),
                            grade(rs.getString("new_grade")),
                            dim == null ? null : GradingDimension.valueOf(dim),
                            rs.getBigDecimal("deciding_value"),
                            oi == null ? null : Grade.GovernmentLevel.valueOf(oi),
                            ni == null ? null : Grade.GovernmentLevel.valueOf(ni),
                            rs.getBoolean("investigation_changed"),
                            rs.getString("reason"));
                })
                .list();
    }

    void insertCasualtyUpdate(
            UUID incident,
            Instant at,
            String actor,
            Casualties c,
            boolean insideWindow,
            boolean regraded,
            @Nullable String note) {
        jdbc.sql("""
                        insert into incident.casualty_updates (incident_id, at, actor, deaths, missing,
                            seriously_injured, trapped, minor_injuries, direct_loss, forest_area_ha, inside_window,
                            regraded, note)
                        values (:i, :at, :actor, :deaths, :missing, :serious, :trapped, :minor, :loss, :area,
                            :inside, :regraded, :note)
                        """)
                .param("i", incident)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("deaths", c.deaths())
                .param("missing", c.missing())
                .param("serious", c.seriouslyInjured())
                .param("trapped", c.trapped())
                .param("minor", c.minorInjuries())
                .param("loss", c.directLoss())
                .param("area", c.forestArea())
                .param("inside", insideWindow)
                .param("regraded", regraded)
                .param("note", note)
                .update();
    }

    // ---- obligations ---------------------------------------------------------------------------------

    List<Obligation> obligations(UUID incident) {
        return jdbc.sql("""
                        select o.*, r.legal_basis from incident.obligations o
                        left join incident.reporting_rules r on r.id = o.rule_id
                        where o.incident_id = :i order by o.due_at, o.recipient
                        """)
                .param("i", incident)
                .query((rs, n) -> obligation(rs))
                .list();
    }

    /** Unmet, unwaived obligations of open events due before {@code dueBefore}, in one query (null = no scope). */
    List<Obligation> openObligations(@Nullable List<String> patterns, Instant dueBefore, int limit) {
        // From the open events (partial index) to their obligations: closed events keep the obligations never met,
        // so starting from the unmet obligations would walk the whole history.
        String scope = patterns == null ? "" : " and i.division_path like any (array[:patterns])";
        var spec = jdbc.sql("""
                        select o.*, r.legal_basis from incident.incidents i
                        join incident.obligations o on o.incident_id = i.id
                        left join incident.reporting_rules r on r.id = o.rule_id
                        where i.state <> 'CLOSED' and o.met_at is null and o.waived_at is null
                          and o.due_at < :before""" + scope + """
                        order by o.due_at, o.recipient limit :limit
                        """)
                .param("before", java.sql.Timestamp.from(dueBefore))
                .param("limit", limit);
        if (patterns != null) {
            spec = spec.param("patterns", patterns);
        }
        return spec.query((rs, n) -> obligation(rs)).list();
    }

    private static Obligation obligation(ResultSet rs) throws SQLException {
        String report = rs.getString("report_id");
        String basis = rs.getString("legal_basis");
        return new Obligation(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                ReportingLevel.valueOf(rs.getString("from_level")),
                Recipient.valueOf(rs.getString("recipient")),
                rs.getTimestamp("anchor_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(),
                instant(rs, "met_at"),
                report == null ? null : UUID.fromString(report),
                instant(rs, "overdue_at"),
                instant(rs, "waived_at"),
                basis == null ? "" : basis);
    }

    /** A duty met as a new event's obligations are written (saves the UPDATE of {@link #meet}). */
    record Met(ReportingLevel from, Recipient to, Instant at) {}

    /**
     * Inserts the planned obligations in one statement; a planned one that exists already is revived only when it
     * had been waived (a grade that falls and rises again).
     */
    void upsertObligations(UUID incident, List<ReportingPlanner.Planned> planned, String divisionPath, boolean drill) {
        if (planned.isEmpty()) {
            return;
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("i", incident);
        obligationParams(params, planned, divisionPath, drill, null);
        jdbc.sql(INSERT_OBLIGATIONS.formatted(":i") + """
                        on conflict (incident_id, from_level, recipient) do update
                            set rule_id = excluded.rule_id, anchor_at = excluded.anchor_at, due_at = excluded.due_at,
                                waived_at = null, overdue_at = null
                            where incident.obligations.waived_at is not null
                        """).params(params).update();
    }

    /**
     * Obligations from the arrays bound by {@link #obligationParams}, of the event named by the SQL expression that
     * replaces {@code %s} (a parameter, or the id from the event's own INSERT).
     */
    private static final String INSERT_OBLIGATIONS = """
            insert into incident.obligations (id, incident_id, rule_id, from_level, recipient, anchor_at,
                due_at, division_path, drill, met_at)
            select u.id, %s, u.rule, u.from_level, u.recipient, u.anchor, u.due, :path, :drill,
                   case when u.from_level = cast(:metFrom as text) and u.recipient = cast(:metTo as text)
                        then cast(:metAt as timestamptz) end
            from unnest(:ids, :rules, :froms, :tos, :anchors, :dues)
                as u(id, rule, from_level, recipient, anchor, due)
            """;

    private static void obligationParams(
            Map<String, Object> params,
            List<ReportingPlanner.Planned> planned,
            String divisionPath,
            boolean drill,
            @Nullable Met met) {
        int n = planned.size();
        UUID[] ids = new UUID[n];
        Integer[] rules = new Integer[n];
        String[] from = new String[n];
        String[] to = new String[n];
        Timestamp[] anchors = new Timestamp[n];
        Timestamp[] dues = new Timestamp[n];
        for (int k = 0; k < n; k++) {
            ReportingPlanner.Planned p = planned.get(k);
            ids[k] = Uuids.timeOrdered();
            rules[k] = p.rule().id();
            from[k] = p.rule().fromLevel().name();
            to[k] = p.rule().recipient().name();
            anchors[k] = Timestamp.from(p.anchor());
            dues[k] = Timestamp.from(p.due());
        }
        params.put("path", divisionPath);
        params.put("drill", drill);
        params.put("ids", ids);
        params.put("rules", rules);
        params.put("froms", from);
        params.put("tos", to);
        params.put("anchors", anchors);
        params.put("dues", dues);
        params.put("metFrom", met == null ? null : met.from().name());
        params.put("metTo", met == null ? null : met.to().name());
        params.put("metAt", met == null ? null : Timestamp.from(met.at()));
    }

    void waive(UUID obligation, Instant at) {
        jdbc.sql("update incident.obligations set waived_at = :at where id = :id and met_at is null")
                .param("id", obligation)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Marks the open obligation (from, to) met; returns true when one was open. */
    boolean meet(UUID incident, ReportingLevel from, Recipient to, Instant at, @Nullable UUID report) {
        return jdbc.sql("""
                                update incident.obligations set met_at = :at, report_id = :report
                                where incident_id = :i and from_level = :from and recipient = :to
                                  and met_at is null and waived_at is null
                                """)
                        .param("i", incident)
                        .param("from", from.name())
                        .param("to", to.name())
                        .param("at", Timestamp.from(at))
                        .param("report", report)
                        .update()
                == 1;
    }

    /** Flags every open obligation due before {@code now}; returns the flagged rows. Safe on several nodes. */
    List<Obligation> flagOverdue(Instant now) {
        return jdbc.sql("""
                        update incident.obligations o set overdue_at = :now
                        where met_at is null and waived_at is null and overdue_at is null and due_at < :now
                        returning o.*, (select legal_basis from incident.reporting_rules r where r.id = o.rule_id)
                                       as legal_basis
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> obligation(rs))
                .list();
    }

    /** Open obligations inside the scope, soonest due first (for dashboards). */
    List<Obligation> openObligations(@Nullable List<String> patterns, int limit) {
        return jdbc.sql("""
                        select o.*, r.legal_basis from incident.obligations o
                        left join incident.reporting_rules r on r.id = o.rule_id
                        where o.met_at is null and o.waived_at is null
                          and (cast(:all as boolean) or o.division_path like any (array[:patterns]))
                        order by o.due_at limit :limit
                        """)
                .param("all", patterns == null)
                .param("patterns", patterns == null ? List.of("\u0000") : patterns)
                .param("limit", limit)
                .query((rs, n) -> obligation(rs))
                .list();
    }

    // ---- reports --------------------------------------------------------------------------------------

    void insertReport(Report r, String divisionPath) {
        jdbc.sql("""
                        insert into incident.reports (id, incident_id, kind, from_level, recipients, sent_at,
                            unit_overview, time_place, course, casualties_text, measures, other, grade, deaths,
                            missing, seriously_injured, direct_loss, author, division_path)
                        values (:id, :i, :kind, :from, cast(:recipients as text[]), :sent, :unit, :timePlace, :course,
                            :casualties, :measures, :other, :grade, :deaths, :missing, :serious, :loss, :author,
                            :path)
                        """)
                .param("id", r.id())
                .param("i", r.incidentId().value())
                .param("kind", r.kind().name())
                .param("from", r.fromLevel().name())
                .param(
                        "recipients",
                        "{"
                                + String.join(
                                        ",",
                                        r.recipients().stream().map(Enum::name).toList()) + "}")
                .param("sent", Timestamp.from(r.sentAt()))
                .param("unit", r.unitOverview())
                .param("timePlace", r.timePlace())
                .param("course", r.course())
                .param("casualties", r.casualtiesText())
                .param("measures", r.measures())
                .param("other", r.other())
                .param("grade", name(r.grade()))
                .param("deaths", r.deaths())
                .param("missing", r.missing())
                .param("serious", r.seriouslyInjured())
                .param("loss", r.directLoss())
                .param("author", r.author())
                .param("path", divisionPath)
                .update();
    }

    List<Report> reports(UUID incident) {
        return jdbc.sql("select * from incident.reports where incident_id = :i order by sent_at, created_at")
                .param("i", incident)
                .query((rs, n) -> report(rs))
                .list();
    }

    private static Report report(ResultSet rs) throws SQLException {
        Array arr = rs.getArray("recipients");
        List<Recipient> recipients =
                Arrays.stream((String[]) arr.getArray()).map(Recipient::valueOf).toList();
        return new Report(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                ReportKind.valueOf(rs.getString("kind")),
                ReportingLevel.valueOf(rs.getString("from_level")),
                recipients,
                rs.getTimestamp("sent_at").toInstant(),
                rs.getString("unit_overview"),
                rs.getString("time_place"),
                rs.getString("course"),
                rs.getString("casualties_text"),
                rs.getString("measures"),
                rs.getString("other"),
                grade(rs.getString("grade")),
                rs.getInt("deaths"),
                rs.getInt("missing"),
                rs.getInt("seriously_injured"),
                rs.getBigDecimal("direct_loss"),
                rs.getString("author"));
    }

    // ---- instructions ---------------------------------------------------------------------------

    void insertInstruction(Instruction i, String divisionPath) {
        jdbc.sql("""
                        insert into incident.instructions (id, incident_id, author_name, author_title, text,
                            issued_at, addressee, addressee_user, recorded_by, division_path)
                        values (:id, :i, :name, :title, :text, :issued, :addressee, :user, :by, :path)
                        """)
                .param("id", i.id())
                .param("i", i.incidentId().value())
                .param("name", i.authorName())
                .param("title", i.authorTitle())
                .param("text", i.text())
                .param("issued", Timestamp.from(i.issuedAt()))
                .param("addressee", i.addressee())
                .param("user", i.addresseeUser())
                .param("by", i.recordedBy())
                .param("path", divisionPath)
                .update();
    }

    boolean acknowledge(UUID instruction, Instant at, String by) {
        return jdbc.sql("""
                                update incident.instructions set acknowledged_at = :at, acknowledged_by = :by
                                where id = :id and acknowledged_at is null
                                """)
                        .param("id", instruction)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    void insertNote(UUID instruction, Instant at, String author, String text) {
        jdbc.sql("insert into incident.instruction_notes (instruction_id, at, author, text) values (:i, :at, :a, :t)")
                .param("i", instruction)
                .param("at", Timestamp.from(at))
                .param("a", author)
                .param("t", text)
                .update();
    }

    List<Instruction> instructions(UUID incident) {
        Map<UUID, List<Instruction.Note>> notes = new HashMap<>();
        jdbc.sql("""
                        select n.instruction_id, n.at, n.author, n.text from incident.instruction_notes n
                        join incident.instructions i on i.id = n.instruction_id
                        where i.incident_id = :i order by n.at, n.id
                        """).param("i", incident).query((org.springframework.jdbc.core.RowCallbackHandler)
                rs -> notes.computeIfAbsent(rs.getObject("instruction_id", UUID.class), k -> new ArrayList<>())
                        .add(new Instruction.Note(
                                rs.getTimestamp("at").toInstant(), rs.getString("author"), rs.getString("text"))));
        return jdbc.sql("select * from incident.instructions where incident_id = :i order by issued_at, created_at")
                .param("i", incident)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Instruction(
                            id,
                            new IncidentId(incident),
                            rs.getString("author_name"),
                            rs.getString("author_title"),
                            rs.getString("text"),
                            rs.getTimestamp("issued_at").toInstant(),
                            rs.getString("addressee"),
                            rs.getString("addressee_user"),
                            instant(rs, "acknowledged_at"),
                            rs.getString("acknowledged_by"),
                            rs.getString("recorded_by"),
                            notes.getOrDefault(id, List.of()));
                })
                .list();
    }

    // ---- attachments ---------------------------------------------------------------------------------

    void insertAttachment(Attachment a, byte[] content) {
        jdbc.sql("""
                        insert into incident.attachments (id, incident_id, filename, content_type, size_bytes, sha256,
                            content, uploaded_by, uploaded_at)
                        values (:id, :i, :name, :type, :size, :sha, :content, :by, :at)
                        """)
                .param("id", a.id())
                .param("i", a.incidentId().value())
                .param("name", a.filename())
                .param("type", a.contentType())
                .param("size", (int) a.sizeBytes())
                .param("sha", a.sha256())
                .param("content", content)
                .param("by", a.uploadedBy())
                .param("at", Timestamp.from(a.uploadedAt()))
                .update();
    }

    List<Attachment> attachments(UUID incident) {
        return jdbc.sql("""
                        select id, incident_id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                        from incident.attachments where incident_id = :i order by uploaded_at, id
                        """)
                .param("i", incident)
                .query((rs, n) -> attachment(rs))
                .list();
    }

    Optional<Map.Entry<Attachment, byte[]>> attachment(UUID incident, UUID id) {
        return jdbc.sql("select * from incident.attachments where incident_id = :i and id = :id")
                .param("i", incident)
                .param("id", id)
                .query((rs, n) -> Map.entry(attachment(rs), rs.getBytes("content")))
                .optional();
    }

    private static Attachment attachment(ResultSet rs) throws SQLException {
        return new Attachment(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getInt("size_bytes"),
                rs.getString("sha256"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }

    // ---- timeline -----------------------------------------------------------------------------------

    void timeline(UUID incident, Instant at, String kind, String actor, @Nullable String ref, Object... args) {
        String[] texts = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        jdbc.sql("""
                        insert into incident.timeline (incident_id, at, kind, actor, args, ref_id)
                        values (:i, :at, :kind, :actor, :args, :ref)
                        """)
                .param("i", incident)
                .param("at", Timestamp.from(at))
                .param("kind", kind)
                .param("actor", actor)
                .param("args", texts)
                .param("ref", ref)
                .update();
    }

    /** One entry for {@link #timelines}. */
    record TimelineRow(
            Instant at, String kind, String actor, @Nullable String ref, List<String> args) {

        /** An argument that {@link #insert} replaces by the number the new event was given. */
        static final String NUMBER = "{number}";
    }

    /** {@code (at, kind, actor, args, ref)} rows for a VALUES list, typed so that they stand without a target. */
    private static void timelineValues(StringBuilder sql, Map<String, Object> params, List<TimelineRow> rows) {
        for (int k = 0; k < rows.size(); k++) {
            TimelineRow r = rows.get(k);
            sql.append(k == 0 ? "" : ", ")
                    .append("(cast(:at")
                    .append(k)
                    .append(" as timestamptz), cast(:kind")
                    .append(k)
                    .append(" as text), cast(:actor")
                    .append(k)
                    .append(" as text), cast(:args")
                    .append(k)
                    .append(" as text[]), cast(:ref")
                    .append(k)
                    .append(" as text))");
            params.put("at" + k, Timestamp.from(r.at()));
            params.put("kind" + k, r.kind());
            params.put("actor" + k, r.actor());
            params.put("args" + k, r.args().toArray(String[]::new));
            params.put("ref" + k, r.ref());
        }
    }

    /** Several entries of one event in one statement. */
    void timelines(UUID incident, List<TimelineRow> rows) {
        timelines(incident, null, rows);
    }

    /**
     * Writes timeline entries and, when given, the grade change they record, in one statement (one round trip on the
     * intake path).
     */
    void timelines(UUID incident, @Nullable GradeChange change, List<TimelineRow> rows) {
        if (rows.isEmpty()) {
            if (change != null) {
                insertGradeChange(incident, change);
            }
            return;
        }
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new java.util.HashMap<>();
        if (change != null) {
            sql.append("with grade_change as (").append(INSERT_GRADE_CHANGE).append(")\n");
            gradeChangeParams(params, change);
        }
        sql.append("insert into incident.timeline (incident_id, at, kind, actor, args, ref_id) select :i, v.* from")
                .append(" (values ");
        params.put("i", incident);
        timelineValues(sql, params, rows);
        sql.append(") as v(at, kind, actor, args, ref)");
        jdbc.sql(sql.toString()).params(params).update();
    }

    List<TimelineEntry> timeline(UUID incident) {
        return jdbc.sql("select * from incident.timeline where incident_id = :i order by at, id")
                .param("i", incident)
                .query((rs, n) -> {
                    String kind = rs.getString("kind");
                    return new TimelineEntry(
                            rs.getTimestamp("at").toInstant(),
                            kind,
                            rs.getString("actor"),
                            timelineKey(kind),
                            Arrays.asList((String[]) rs.getArray("args").getArray()),
                            rs.getString("ref_id"));
                })
                .list();
    }

    /** Own kinds render with {@code incident.timeline.<KIND>}, other modules' {@code <module>.<KIND>} with theirs. */
    static String timelineKey(String kind) {
        int dot = kind.indexOf('.');
        return dot < 0 ? "incident.timeline." + kind : kind.substring(0, dot) + ".timeline." + kind.substring(dot + 1);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Grade grade(@Nullable String s) {
        return s == null ? null : Grade.valueOf(s);
    }

    private static @Nullable String name(@Nullable Enum<?> e) {
        return e == null ? null : e.name();
    }
}
