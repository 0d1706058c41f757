package cn.yingji.stats.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes stats' own fact tables and keeps the daily rollups in step: every change of a fact takes its old
 * contribution out of the rollup and puts the new one in, in the caller's transaction.
 */
@Repository
class FactStore {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One accident (or other event) as stats keeps it. */
    record AccidentFact(
            UUID incidentId,
            String category,
            String typeCode,
            boolean productionSafety,
            @Nullable String grade,
            String divisionPath,
            Instant occurredAt,
            int deaths,
            int missing,
            int injured,
            BigDecimal directLoss) {

        AccidentFact withGrade(@Nullable String g) {
            return new AccidentFact(
                    incidentId,
                    category,
                    typeCode,
                    productionSafety,
                    g,
                    divisionPath,
                    occurredAt,
                    deaths,
                    missing,
                    injured,
                    directLoss);
        }

        AccidentFact withCasualties(int d, int m, int i, BigDecimal loss) {
            return new AccidentFact(
                    incidentId, category, typeCode, productionSafety, grade, divisionPath, occurredAt, d, m, i, loss);
        }
    }

    Optional<AccidentFact> accident(UUID id) {
        return jdbc.sql("select * from stats.accident_fact where incident_id = :id for update")
                .param("id", id)
                .query((rs, n) -> new AccidentFact(
                        rs.getObject("incident_id", UUID.class),
                        rs.getString("category"),
                        rs.getString("type_code"),
                        rs.getBoolean("production_safety"),
                        rs.getString("grade"),
                        rs.getString("division_path"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getInt("deaths"),
                        rs.getInt("missing"),
                        rs.getInt("injured"),
                        rs.getBigDecimal("direct_loss")))
                .optional();
    }

    /** Inserts a new fact (ignored when already there) and counts it in the rollup. */
    void insertAccident(AccidentFact f) {
        int n = jdbc.sql("""
                        insert into stats.accident_fact (incident_id, category, type_code, production_safety, grade,
                            division_path, occurred_at, deaths, missing, injured, direct_loss)
                        values (:id, :category, :type, :ps, :grade, :path, :at, :deaths, :missing, :injured, :loss)
                        on conflict (incident_id) do nothing""")
                .param("id", f.incidentId())
                .param("category", f.category())
                .param("type", f.typeCode())
                .param("ps", f.productionSafety())
                .param("grade", f.grade())
                .param("path", f.divisionPath())
                .param("at", Timestamp.from(f.occurredAt()))
                .param("deaths", f.deaths())
                .param("missing", f.missing())
                .param("injured", f.injured())
                .param("loss", f.directLoss())
                .update();
        if (n == 1) {
            roll(f, 1);
        }
    }

    /** Replaces a fact by its new state, moving its contribution in the rollup. */
    void updateAccident(AccidentFact old, AccidentFact now) {
        jdbc.sql("""
                        update stats.accident_fact set grade = :grade, deaths = :deaths, missing = :missing,
                            injured = :injured, direct_loss = :loss where incident_id = :id""")
                .param("id", now.incidentId())
                .param("grade", now.grade())
                .param("deaths", now.deaths())
                .param("missing", now.missing())
                .param("injured", now.injured())
                .param("loss", now.directLoss())
                .update();
        roll(old, -1);
        roll(now, 1);
    }

    private void roll(AccidentFact f, int sign) {
        LocalDate day = LocalDate.ofInstant(f.occurredAt(), ZONE);
        for (String table : new String[] {"stats.accident_rollup", "stats.accident_month"}) {
            LocalDate d = table.endsWith("month") ? day.withDayOfMonth(1) : day;
            for (String path : ancestors(f.divisionPath())) {
                jdbc.sql("insert into " + table
                                + " (day, division_path, category, type_code, production_safety, grade, events, deaths)"
                                + " values (:day, :path, :category, :type, :ps, :grade, :events, :deaths)"
                                + " on conflict (day, division_path, type_code, grade, category, production_safety)"
                                + " do update set events = " + table + ".events + excluded.events,"
                                + " deaths = " + table + ".deaths + excluded.deaths")
                        .param("day", d)
                        .param("path", path)
                        .param("category", f.category())
                        .param("type", f.typeCode())
                        .param("ps", f.productionSafety())
                        .param("grade", f.grade() == null ? "" : f.grade())
                        .param("events", sign)
                        .param("deaths", sign * f.deaths())
                        .update();
            }
        }
    }

    /** Every ancestor path of a materialised path, itself included: {@code /a/b/} gives {@code /a/}, {@code /a/b/}. */
    static List<String> ancestors(String path) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                out.add(path.substring(0, i + 1));
            }
        }
        return out;
    }

    // ---- hazards ----

    /** A newly reported hazard: counted as found on its day. */
    void hazardFound(UUID id, String path, String industry, String grade, String state, Instant at) {
        int n = jdbc.sql("""
                        insert into stats.hazard_fact (hazard_id, division_path, industry, grade, state, reported_at)
                        values (:id, :path, :industry, :grade, :state, :at) on conflict (hazard_id) do nothing""")
                .param("id", id)
                .param("path", path)
                .param("industry", industry)
                .param("grade", grade)
                .param("state", state)
                .param("at", Timestamp.from(at))
                .update();
        if (n == 1) {
            hazardRoll(at, path, industry, grade, 1, 0, 0);
        }
    }

    /** A hazard's state moved; closing counts it as closed on that day (once). */
    void hazardState(UUID id, String state, boolean closed, Instant at) {
        jdbc.sql("update stats.hazard_fact set state = :state where hazard_id = :id")
                .param("id", id)
                .param("state", state)
                .update();
        if (closed) {
            jdbc.sql("""
                            update stats.hazard_fact set closed_at = :at where hazard_id = :id and closed_at is null
                            returning division_path, industry, grade""")
                    .param("id", id)
                    .param("at", Timestamp.from(at))
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .list()
                    .forEach(r -> hazardRoll(at, r[0], r[1], r[2], 0, 1, 0));
        }
    }

    /** A hazard went overdue (yellow/red card); counted once per hazard. */
    void hazardOverdue(UUID id, Instant at) {
        jdbc.sql("""
                        update stats.hazard_fact set overdue_at = :at where hazard_id = :id and overdue_at is null
                        returning division_path, industry, grade""")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .forEach(r -> hazardRoll(at, r[0], r[1], r[2], 0, 0, 1));
    }

    private void hazardRoll(Instant at, String path, String industry, String grade, int found, int closed, int od) {
        LocalDate day = LocalDate.ofInstant(at, ZONE);
        for (String table : new String[] {"stats.hazard_rollup", "stats.hazard_month"}) {
            LocalDate d = table.endsWith("month") ? day.withDayOfMonth(1) : day;
            for (String p : ancestors(path)) {
                jdbc.sql("insert into " + table + " (day, division_path, industry, grade, found, closed, overdue)"
                                + " values (:day, :path, :industry, :grade, :found, :closed, :overdue)"
                                + " on conflict (day, division_path, industry, grade)"
                                + " do update set found = " + table + ".found + excluded.found,"
                                + " closed = " + table + ".closed + excluded.closed,"
                                + " overdue = " + table + ".overdue + excluded.overdue")
                        .param("day", d)
                        .param("path", p)
                        .param("industry", industry)
                        .param("grade", grade)
                        .param("found", found)
                        .param("closed", closed)
                        .param("overdue", od)
                        .update();
            }
        }
    }

    // ---- warnings and 叫应 ----

    void warningIssued(UUID id, List<String> paths, String level, String eventType, Instant at) {
        for (String p : paths) {
            jdbc.sql("""
                            insert into stats.warning_fact (warning_id, division_path, level, event_type, issued_at)
                            values (:id, :path, :level, :type, :at) on conflict do nothing""")
                    .param("id", id)
                    .param("path", p)
                    .param("level", level)
                    .param("type", eventType)
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    void warningCancelled(UUID id, Instant at) {
        jdbc.sql("update stats.warning_fact set cancelled_at = :at where warning_id = :id and cancelled_at is null")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    void campaignClosed(
            UUID id,
            @Nullable UUID warning,
            String path,
            int persons,
            int reached,
            int answered,
            int onPost,
            int escalated,
            int failed,
            Instant startedAt,
            Instant closedAt) {
        jdbc.sql("""
                        insert into stats.callout_fact (campaign_id, warning_id, division_path, persons, reached,
                            answered, on_post, escalated, failed, started_at, closed_at)
                        values (:id, :warning, :path, :persons, :reached, :answered, :onPost, :escalated, :failed,
                            :started, :closed) on conflict (campaign_id) do nothing""")
                .param("id", id)
                .param("warning", warning)
                .param("path", path)
                .param("persons", persons)
                .param("reached", reached)
                .param("answered", answered)
                .param("onPost", onPost)
                .param("escalated", escalated)
                .param("failed", failed)
                .param("started", Timestamp.from(startedAt))
                .param("closed", Timestamp.from(closedAt))
                .update();
    }

    boolean accidentsEmpty() {
        return jdbc.sql("select not exists (select 1 from stats.accident_fact)")
                .query(Boolean.class)
                .single();
    }

    boolean hazardsEmpty() {
        return jdbc.sql("select not exists (select 1 from stats.hazard_fact)")
                .query(Boolean.class)
                .single();
    }
}
