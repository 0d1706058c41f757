package cn.yingji.stats.internal;

import cn.yingji.shared.db.CommitWrites;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes stats' own fact tables and keeps the rollups in step: every change of a fact queues its old contribution
 * out and its new one in ({@code stats.*_delta}, in the caller's transaction, so a fact and its rollup change commit
 * together), and {@link #fold()} moves the queue into the day and month rollups at every ancestor level.
 */
@Repository
class FactStore {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Advisory-lock key that serialises folds (any constant unique to this use). */
    private static final long FOLD_LOCK = 0x5354_4154_53L;

    private final JdbcClient jdbc;
    private final CommitWrites writes;
    private final TransactionTemplate folding;

    FactStore(JdbcClient jdbc, CommitWrites writes, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.folding = new TransactionTemplate(transactions);
        this.folding.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A statement that sees the facts this transaction queued: the queue is sent first. */
    private JdbcClient.StatementSpec sql(String sql) {
        writes.flush();
        return jdbc.sql(sql);
    }

    /** Folds every second, so that the rollups never lag far behind the facts even when nobody reads. */
    @Scheduled(
            fixedDelayString = "${yingji.stats.fold-interval:1s}",
            initialDelayString = "${yingji.stats.fold-interval:1s}")
    void foldRegularly() {
        fold();
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
        return sql("select * from stats.accident_fact where incident_id = :id for update")
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

    /** Inserts a new fact (ignored when already there) and counts it in the rollup, with the commit. */
    void insertAccident(AccidentFact f) {
        // The fact and its rollup delta in one statement, queued for the commit with the transaction's other log
        // rows (every other statement here flushes the queue first); no delta on a repeat.
        Map<String, @Nullable Object> params = accidentDeltaParams(f, 1);
        params.put("id", f.incidentId());
        params.put("grade", f.grade());
        params.put("at", Timestamp.from(f.occurredAt()));
        params.put("missing", f.missing());
        params.put("injured", f.injured());
        params.put("loss", f.directLoss());
        writes.add("""
                with fact as (
                    insert into stats.accident_fact (incident_id, category, type_code, production_safety, grade,
                        division_path, occurred_at, deaths, missing, injured, direct_loss)
                    values (:id, :category, :type, :ps, :grade, :path, :at, :deaths, :missing, :injured, :loss)
                    on conflict (incident_id) do nothing
                    returning 1)
                """ + ACCIDENT_DELTA + " from fact", params);
    }

    /** Replaces a fact by its new state, moving its contribution in the rollup. */
    void updateAccident(AccidentFact old, AccidentFact now) {
        sql("""
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
        accidentDelta(sql(ACCIDENT_DELTA), f, sign).update();
    }

    /** One row of rollup change; alone it inserts one row, after a CTE with {@code from} one row per CTE row. */
    private static final String ACCIDENT_DELTA = """
            insert into stats.accident_delta (day, division_path, category, type_code, production_safety, grade,
                events, deaths)
            select :day, :path, :category, :type, :ps, :deltaGrade, :events, :deaths""";

    /** Binds {@link #ACCIDENT_DELTA}: the fact's contribution, added ({@code sign} 1) or taken back (-1). */
    private static JdbcClient.StatementSpec accidentDelta(JdbcClient.StatementSpec spec, AccidentFact f, int sign) {
        return spec.params(accidentDeltaParams(f, sign));
    }

    private static Map<String, @Nullable Object> accidentDeltaParams(AccidentFact f, int sign) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("day", LocalDate.ofInstant(f.occurredAt(), ZONE));
        params.put("path", f.divisionPath());
        params.put("category", f.category());
        params.put("type", f.typeCode());
        params.put("ps", f.productionSafety());
        params.put("deltaGrade", f.grade() == null ? "" : f.grade());
        params.put("events", sign);
        params.put("deaths", sign * f.deaths());
        return params;
    }

    /**
     * Moves the queued rollup changes into the day and month rollups at every ancestor level, in a transaction of
     * its own and one folder at a time (concurrent folds would upsert the same rows in different orders).
     */
    void fold() {
        folding.executeWithoutResult(status -> {
            sql("select pg_advisory_xact_lock(:k)")
                    .param("k", FOLD_LOCK)
                    .query((rs, n) -> 1)
                    .list();
            sql("""
                            with d as (delete from stats.accident_delta returning *),
                            a as (select d.day, anc as division_path, d.category, d.type_code, d.production_safety,
                                         d.grade, sum(d.events)::int as events, sum(d.deaths)::int as deaths
                                  from d cross join lateral stats.ancestors(d.division_path) anc
                                  group by 1, 2, 3, 4, 5, 6),
                            r as (insert into stats.accident_rollup (day, division_path, category, type_code,
                                      production_safety, grade, events, deaths)
                                  select * from a
                                  on conflict (day, division_path, type_code, grade, category, production_safety)
                                  do update set events = stats.accident_rollup.events + excluded.events,
                                                deaths = stats.accident_rollup.deaths + excluded.deaths)
                            insert into stats.accident_month (day, division_path, category, type_code,
                                production_safety, grade, events, deaths)
                            select date_trunc('month', day)::date, division_path, category, type_code,
                                   production_safety, grade, sum(events), sum(deaths)
                            from a group by 1, 2, 3, 4, 5, 6
                            on conflict (day, division_path, type_code, grade, category, production_safety)
                            do update set events = stats.accident_month.events + excluded.events,
                                          deaths = stats.accident_month.deaths + excluded.deaths""").update();
            sql("""
                            with d as (delete from stats.hazard_delta returning *),
                            a as (select d.day, anc as division_path, d.industry, d.grade, sum(d.found)::int as found,
                                         sum(d.closed)::int as closed, sum(d.overdue)::int as overdue
                                  from d cross join lateral stats.ancestors(d.division_path) anc
                                  group by 1, 2, 3, 4),
                            r as (insert into stats.hazard_rollup (day, division_path, industry, grade, found, closed,
                                      overdue)
                                  select * from a
                                  on conflict (day, division_path, industry, grade)
                                  do update set found = stats.hazard_rollup.found + excluded.found,
                                                closed = stats.hazard_rollup.closed + excluded.closed,
                                                overdue = stats.hazard_rollup.overdue + excluded.overdue)
                            insert into stats.hazard_month (day, division_path, industry, grade, found, closed, overdue)
                            select date_trunc('month', day)::date, division_path, industry, grade, sum(found),
                                   sum(closed), sum(overdue)
                            from a group by 1, 2, 3, 4
                            on conflict (day, division_path, industry, grade)
                            do update set found = stats.hazard_month.found + excluded.found,
                                          closed = stats.hazard_month.closed + excluded.closed,
                                          overdue = stats.hazard_month.overdue + excluded.overdue""").update();
        });
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

    /** A newly reported hazard: counted as found on its day, with the commit (as {@link #insertAccident}). */
    void hazardFound(UUID id, String path, String industry, String grade, String state, Instant at) {
        Map<String, @Nullable Object> params = hazardDeltaParams(at, path, industry, grade, 1, 0, 0);
        params.put("id", id);
        params.put("state", state);
        params.put("at", Timestamp.from(at));
        writes.add("""
                with fact as (
                    insert into stats.hazard_fact (hazard_id, division_path, industry, grade, state, reported_at)
                    values (:id, :path, :industry, :grade, :state, :at)
                    on conflict (hazard_id) do nothing
                    returning 1)
                """ + HAZARD_DELTA + " from fact", params);
    }

    /** A hazard's state moved; closing counts it as closed on that day (once). */
    void hazardState(UUID id, String state, boolean closed, Instant at) {
        sql("update stats.hazard_fact set state = :state where hazard_id = :id")
                .param("id", id)
                .param("state", state)
                .update();
        if (closed) {
            sql("""
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
        sql("""
                        update stats.hazard_fact set overdue_at = :at where hazard_id = :id and overdue_at is null
                        returning division_path, industry, grade""")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .forEach(r -> hazardRoll(at, r[0], r[1], r[2], 0, 0, 1));
    }

    private void hazardRoll(Instant at, String path, String industry, String grade, int found, int closed, int od) {
        hazardDelta(sql(HAZARD_DELTA), at, path, industry, grade, found, closed, od)
                .update();
    }

    /** One row of hazard rollup change, as {@link #ACCIDENT_DELTA}. */
    private static final String HAZARD_DELTA = """
            insert into stats.hazard_delta (day, division_path, industry, grade, found, closed, overdue)
            select :day, :path, :industry, :grade, :found, :closed, :overdue""";

    private static JdbcClient.StatementSpec hazardDelta(
            JdbcClient.StatementSpec spec,
            Instant at,
            String path,
            String industry,
            String grade,
            int found,
            int closed,
            int od) {
        return spec.params(hazardDeltaParams(at, path, industry, grade, found, closed, od));
    }

    private static Map<String, @Nullable Object> hazardDeltaParams(
            Instant at, String path, String industry, String grade, int found, int closed, int od) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("day", LocalDate.ofInstant(at, ZONE));
        params.put("path", path);
        params.put("industry", industry);
        params.put("grade", grade);
        params.put("found", found);
        params.put("closed", closed);
        params.put("overdue", od);
        return params;
    }

    // ---- warnings and 叫应 ----

    void warningIssued(UUID id, List<String> paths, String level, String eventType, Instant at) {
        for (String p : paths) {
            sql("""
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
        sql("update stats.warning_fact set cancelled_at = :at where warning_id = :id and cancelled_at is null")
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
        sql("""
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
        return sql("select not exists (select 1 from stats.accident_fact)")
                .query(Boolean.class)
                .single();
    }

    boolean hazardsEmpty() {
        return sql("select not exists (select 1 from stats.hazard_fact)")
                .query(Boolean.class)
                .single();
    }
}
