package cn.yingji.stats.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures: every query reads stats' own rollups (never another module's tables), inside the caller's view
 * scope and below the requested division. A division outside the scope answers 404.
 */
@Service
@Transactional(readOnly = true)
class StatsService {

    static final List<String> EVERYTHING = List.of("/%");

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final CurrentUser currentUser;
    private final cn.yingji.incident.Incidents incidents;
    private final FactStore facts;

    StatsService(
            JdbcClient jdbc,
            Divisions divisions,
            CurrentUser currentUser,
            cn.yingji.incident.Incidents incidents,
            FactStore facts) {
        this.incidents = incidents;
        this.facts = facts;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.currentUser = currentUser;
    }

    /** The division figures are asked for, and the caller's view patterns. */
    record Scope(String code, String name, String path, List<String> patterns, List<String> anchors) {}

    /**
     * The rollup rows that make up {@code path} for the caller: the path itself when the caller sees all of it,
     * else the caller's view scopes below it (rollups are kept at every ancestor level, so no LIKE is needed).
     */
    List<String> anchors(String path) {
        var account = currentUser.get();
        if (account.isEmpty() || account.get().jurisdiction().canView(path)) {
            return List.of(path);
        }
        List<String> below = account.get().jurisdiction().view().stream()
                .filter(v -> v.startsWith(path))
                .toList();
        return below.isEmpty() ? List.of("\u0000") : below;
    }

    /** The month rollup when the range is whole months, else the day rollup. */
    static String table(String base, @Nullable LocalDate from, @Nullable LocalDate to) {
        boolean months = (from == null || from.getDayOfMonth() == 1)
                && (to == null || to.equals(to.withDayOfMonth(to.lengthOfMonth())));
        return "stats." + base + (months ? "_month" : "_rollup");
    }

    /**
     * The division to count under: the one asked for (404 when outside the caller's view), else the caller's own
     * single view scope, else the root.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    Scope scope(@Nullable String divisionCode) {
        // every figure is read after a scope is taken: fold the queued rollup changes first, so a reader sees
        // every committed fact (outside the read-only transaction, which cannot write)
        facts.fold();
        var account = currentUser.get();
        List<String> patterns =
                account.map(a -> a.jurisdiction().viewPatterns()).orElse(EVERYTHING);
        Division d;
        if (divisionCode != null && !divisionCode.isBlank()) {
            d = divisions
                    .find(new DivisionCode(divisionCode.trim()))
                    .orElseThrow(() -> new NotFoundException("division", divisionCode));
            if (account.isPresent() && !account.get().jurisdiction().canView(d.path())) {
                throw new NotFoundException("division", divisionCode);
            }
        } else {
            Jurisdiction j = account.map(CurrentUser.Account::jurisdiction).orElse(null);
            d = null;
            if (j != null && j.view().size() == 1) {
                d = divisions.byPath(j.view().get(0)).orElse(null);
            }
            if (d == null) {
                d = divisions.root().orElseThrow(() -> new NotFoundException("division", "root"));
            }
        }
        return new Scope(d.code().value(), d.name(), d.path(), patterns, anchors(d.path()));
    }

    /** Accident-query filters; dates inclusive. */
    record AccidentQuery(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String type,
            @Nullable String grade,
            boolean productionSafetyOnly) {}

    /** One year of production-safety accidents with the derived indicators. */
    record YearRow(
            int year,
            long accidents,
            long deaths,
            long extraordinary,
            @Nullable BigDecimal accidentsChange,
            @Nullable BigDecimal deathsChange,
            boolean doubleDecrease,
            int doubleDecreaseYears,
            int yearsWithoutExtraordinary,
            boolean historical) {}

    /** Raw yearly figures before the indicators are derived. */
    record YearFigures(int year, long accidents, long deaths, long extraordinary, boolean historical) {}

    /**
     * Production-safety accidents per year from {@code fromYear} to {@code toYear}, with year-on-year change, 双下降
     * and the runs (counted over every year with figures, imported history included).
     */
    List<YearRow> years(Scope s, int fromYear, int toYear) {
        if (toYear < fromYear || toYear - fromYear > 50) {
            throw InvalidInputException.field("to", "stats.error.yearRange");
        }
        TreeMap<Integer, long[]> byYear = new TreeMap<>();
        TreeMap<Integer, Boolean> hist = new TreeMap<>();
        jdbc.sql("""
                        select extract(year from day)::int y, sum(events) e, sum(deaths) d,
                               sum(events) filter (where grade = 'EXTRAORDINARY') x
                        from stats.accident_month
                        where production_safety and division_path in (:anchors) and day <= :to
                        group by 1""")
                .param("anchors", s.anchors())
                .param("to", LocalDate.of(toYear, 12, 31))
                .query((rs, n) -> new long[] {rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .list()
                .forEach(r -> byYear.merge((int) r[0], new long[] {r[1], r[2], r[3]}, StatsService::add));
        jdbc.sql("""
                        select year, sum(accidents), sum(deaths), sum(extraordinary) from stats.accident_history
                        where division_path like :under and division_path like any (array[:patterns]) and year <= :to
                        group by 1""")
                .param("under", like(s.path()))
                .param("patterns", s.patterns())
                .param("to", toYear)
                .query((rs, n) -> new long[] {rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .list()
                .forEach(r -> {
                    byYear.merge((int) r[0], new long[] {r[1], r[2], r[3]}, StatsService::add);
                    hist.put((int) r[0], true);
                });
        List<YearFigures> figures = new ArrayList<>();
        int first = byYear.isEmpty() ? fromYear : Math.min(fromYear, byYear.firstKey());
        for (int y = first; y <= toYear; y++) {
            long[] v = byYear.getOrDefault(y, new long[3]);
            figures.add(new YearFigures(y, v[0], v[1], v[2], hist.getOrDefault(y, false)));
        }
        return indicators(figures).stream().filter(r -> r.year() >= fromYear).toList();
    }

    private static long[] add(long[] a, long[] b) {
        return new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    /**
     * Derives year-on-year change, 双下降 (both the count and the deaths lower than the year before) and the runs
     * ending at each year: consecutive 双下降 years, and consecutive years without a 特别重大 accident. Years must be
     * consecutive and ascending; the first year has no previous year, so no 双下降.
     */
    static List<YearRow> indicators(List<YearFigures> years) {
        List<YearRow> out = new ArrayList<>();
        YearFigures prev = null;
        int dd = 0;
        int clean = 0;
        for (YearFigures y : years) {
            boolean down = prev != null && y.accidents() < prev.accidents() && y.deaths() < prev.deaths();
            dd = down ? dd + 1 : 0;
            clean = y.extraordinary() == 0 ? clean + 1 : 0;
            out.add(new YearRow(
                    y.year(),
                    y.accidents(),
                    y.deaths(),
                    y.extraordinary(),
                    prev == null ? null : change(prev.accidents(), y.accidents()),
                    prev == null ? null : change(prev.deaths(), y.deaths()),
                    down,
                    dd,
                    clean,
                    y.historical()));
            prev = y;
        }
        return out;
    }

    /** Percentage change from {@code before} to {@code now}, one decimal; null when before is zero. */
    static @Nullable BigDecimal change(long before, long now) {
        if (before == 0) {
            return null;
        }
        return BigDecimal.valueOf((now - before) * 100.0 / before).setScale(1, RoundingMode.HALF_UP);
    }

    /** One slice of a breakdown. */
    record Slice(String key, String label, long events, long deaths) {}

    /** Events and deaths by {@code by} = division (the children of the scope), type, grade or month. */
    List<Slice> accidents(Scope s, AccidentQuery q, String by) {
        String table = table("accident", q.from(), q.to());
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where r.division_path in (:anchors)");
        filters(q, where, params);
        if ("division".equals(by)) {
            Map<String, String> owner = new LinkedHashMap<>();
            List<Division> children = children(s);
            for (Division c : children) {
                for (String a : anchors(c.path())) {
                    owner.put(a, c.code().value());
                }
            }
            params.put("anchors", List.copyOf(owner.keySet()));
            Map<String, long[]> sums = new LinkedHashMap<>();
            bind(
                            jdbc.sql("select r.division_path, sum(r.events), sum(r.deaths) from " + table + " r" + where
                                    + " group by 1"),
                            params)
                    .query((rs, n) ->
                            sums.merge(owner.get(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3)}, (a, b) ->
                                    new long[] {a[0] + b[0], a[1] + b[1]}))
                    .list();
            List<Slice> out = new ArrayList<>();
            for (Division c : children) {
                long[] v = sums.getOrDefault(c.code().value(), new long[2]);
                out.add(new Slice(c.code().value(), c.name(), v[0], v[1]));
            }
            return out;
        }
        params.put("anchors", s.anchors());
        String sql = switch (by) {
            case "type" ->
                "select r.type_code k, sum(r.events) e, sum(r.deaths) d from " + table + " r" + where
                        + " group by 1 order by 2 desc";
            case "grade" ->
                "select r.grade k, sum(r.events) e, sum(r.deaths) d from " + table + " r" + where
                        + " group by 1 order by 1";
            case "month" ->
                "select to_char(r.day, 'YYYY-MM') k, sum(r.events) e, sum(r.deaths) d from " + table + " r" + where
                        + " group by 1 order by 1";
            default -> throw InvalidInputException.field("by", "stats.error.by");
        };
        List<Slice> rows = bind(jdbc.sql(sql), params)
                .query((rs, n) -> new Slice(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
        if ("type".equals(by)) {
            java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
            return rows.stream()
                    .map(r -> new Slice(
                            r.key(),
                            incidents
                                    .eventType(r.key())
                                    .map(t -> t.name(locale))
                                    .orElse(r.key()),
                            r.events(),
                            r.deaths()))
                    .toList();
        }
        return rows;
    }

    private List<Division> children(Scope s) {
        List<Division> children = divisions.children(new DivisionCode(s.code()));
        return children.isEmpty()
                ? List.of(divisions.find(new DivisionCode(s.code())).orElseThrow())
                : children;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    private static void filters(AccidentQuery q, StringBuilder where, Map<String, Object> params) {
        if (q.productionSafetyOnly()) {
            where.append(" and r.production_safety");
        }
        if (q.from() != null) {
            where.append(" and r.day >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and r.day <= :to");
            params.put("to", q.to());
        }
        if (q.type() != null && !q.type().isBlank()) {
            where.append(" and r.type_code = :type");
            params.put("type", q.type());
        }
        if (q.grade() != null && !q.grade().isBlank()) {
            where.append(" and r.grade = :grade");
            params.put("grade", "NONE".equals(q.grade()) ? "" : q.grade());
        }
    }

    /** Hazards found, closed and overdue in a period. */
    record HazardTotals(long found, long closed, long overdue) {}

    /** One slice of hazards. */
    record HazardSlice(String key, String label, long found, long closed, long overdue) {}

    HazardTotals hazards(Scope s, @Nullable LocalDate from, @Nullable LocalDate to) {
        return jdbc.sql("select coalesce(sum(found),0), coalesce(sum(closed),0), coalesce(sum(overdue),0) from "
                        + table("hazard", from, to)
                        + " where division_path in (:anchors) and day >= :from and day <= :to")
                .param("anchors", s.anchors())
                .param("from", from == null ? LocalDate.of(1900, 1, 1) : from)
                .param("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .query((rs, n) -> new HazardTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Hazards by industry or by child division. */
    List<HazardSlice> hazardsBy(Scope s, @Nullable LocalDate from, @Nullable LocalDate to, String by) {
        LocalDate f = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate t = to == null ? LocalDate.of(9999, 12, 31) : to;
        String table = table("hazard", from, to);
        String where = " where r.division_path in (:anchors) and r.day >= :from and r.day <= :to";
        if ("industry".equals(by) || "grade".equals(by)) {
            String col = "industry".equals(by) ? "r.industry" : "r.grade";
            return jdbc.sql("select " + col + ", sum(found), sum(closed), sum(overdue) from " + table + " r" + where
                            + " group by 1 order by 2 desc")
                    .param("anchors", s.anchors())
                    .param("from", f)
                    .param("to", t)
                    .query((rs, n) -> new HazardSlice(
                            rs.getString(1), rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                    .list();
        }
        if (!"division".equals(by)) {
            throw InvalidInputException.field("by", "stats.error.by");
        }
        List<Division> children = children(s);
        Map<String, String> owner = new LinkedHashMap<>();
        for (Division c : children) {
            for (String a : anchors(c.path())) {
                owner.put(a, c.code().value());
            }
        }
        Map<String, long[]> sums = new LinkedHashMap<>();
        jdbc.sql("select r.division_path, sum(found), sum(closed), sum(overdue) from " + table + " r" + where
                        + " group by 1")
                .param("anchors", List.copyOf(owner.keySet()))
                .param("from", f)
                .param("to", t)
                .query((rs, n) -> sums.merge(
                        owner.get(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}, (a, b) ->
                                new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}))
                .list();
        List<HazardSlice> out = new ArrayList<>();
        for (Division c : children) {
            long[] v = sums.getOrDefault(c.code().value(), new long[3]);
            out.add(new HazardSlice(c.code().value(), c.name(), v[0], v[1], v[2]));
        }
        return out;
    }

    /** Warnings issued and cancelled by level, and the 叫应 reach of the closed campaigns. */
    record WarningTotals(
            Map<String, Long> issuedByLevel,
            long issued,
            long cancelled,
            long campaigns,
            long persons,
            long reached,
            long answered,
            long onPost,
            @Nullable BigDecimal reachRate) {}

    WarningTotals warnings(Scope s, @Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate f = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate t = (to == null ? LocalDate.of(9999, 12, 30) : to).plusDays(1);
        Map<String, Long> byLevel = new LinkedHashMap<>();
        for (String l : List.of("BLUE", "YELLOW", "ORANGE", "RED")) {
            byLevel.put(l, 0L);
        }
        long[] total = new long[2];
        jdbc.sql("""
                        select level, count(distinct warning_id),
                               count(distinct warning_id) filter (where cancelled_at is not null)
                        from stats.warning_fact
                        where division_path like :under and division_path like any (array[:patterns])
                          and issued_at >= :from::date at time zone 'Asia/Shanghai'
                          and issued_at < :to::date at time zone 'Asia/Shanghai'
                        group by 1""")
                .param("under", like(s.path()))
                .param("patterns", s.patterns())
                .param("from", f)
                .param("to", t)
                .query((rs, n) -> {
                    byLevel.put(rs.getString(1), rs.getLong(2));
                    total[0] += rs.getLong(2);
                    total[1] += rs.getLong(3);
                    return 0;
                })
                .list();
        long[] c = jdbc.sql("""
                        select count(*), coalesce(sum(persons),0), coalesce(sum(reached),0),
                               coalesce(sum(answered),0), coalesce(sum(on_post),0)
                        from stats.callout_fact
                        where division_path like :under and division_path like any (array[:patterns])
                          and closed_at >= :from::date at time zone 'Asia/Shanghai'
                          and closed_at < :to::date at time zone 'Asia/Shanghai'""")
                .param("under", like(s.path()))
                .param("patterns", s.patterns())
                .param("from", f)
                .param("to", t)
                .query((rs, n) ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
        BigDecimal rate =
                c[1] == 0 ? null : BigDecimal.valueOf(c[2] * 100.0 / c[1]).setScale(1, RoundingMode.HALF_UP);
        return new WarningTotals(byLevel, total[0], total[1], c[0], c[1], c[2], c[3], c[4], rate);
    }

    /** {@code LIKE} pattern for everything at or below a path. */
    static String like(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
