package cn.yingji.stats;

import static cn.yingji.bench.LoadSupport.find;
import static cn.yingji.bench.LoadSupport.pct;

import cn.yingji.YingjiApplication;
import cn.yingji.bench.LoadSupport.Session;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of the statistics (issue 9): the whole application on its embedded PostgreSQL, stats' fact tables
 * filled with {@code events} accidents and {@code hazards} hazards spread over ten years and every township, the
 * daily rollups built from them, then each dashboard query timed over HTTP as the city duty officer ({@code
 * iterations} runs after a warm-up). Beside it, in the same run, the baseline: the same figures computed plainly in
 * PostgreSQL from the raw fact rows (a naive table: no rollup, no path index). Last, an XLSX export of every
 * accident through the background SXSSF export, with the JVM's peak heap sampled while it runs. Prints Markdown.
 *
 * <p>Run: {@code ./mvnw -B -Pjmh -Dbuild.dir=/tmp/build-bench -DskipTests -Dspotless.check.skip=true compile
 * exec:exec@stats-bench} (arguments: {@code -Dbench.events -Dbench.hazards -Dbench.iterations}).
 */
public final class StatsBenchScenario {

    private StatsBenchScenario() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int hazards = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path data = Files.createTempDirectory("yingji-stats-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YingjiApplication.class)
                .run(
                        "--server.port=0",
                        "--yingji.db.embedded.data-dir=" + data,
                        "--yingji.db.embedded.port=0",
                        "--yingji.db.embedded.clean=true",
                        "--logging.level.root=WARN",
                        "--yingji.security.throttle.enabled=false",
                        "--yingji.stats.export-dir=" + data.resolve("exports"))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            long t0 = System.nanoTime();
            seed(jdbc, events, hazards);
            System.out.printf(
                    "seeded %,d accidents and %,d hazards (10 years) with rollups in %.1f s%n",
                    events, hazards, (System.nanoTime() - t0) / 1e9);
            long rollupRows = jdbc.sql("select count(*) from stats.accident_rollup")
                    .query(Long.class)
                    .single();
            long hazardRollupRows = jdbc.sql("select count(*) from stats.hazard_rollup")
                    .query(Long.class)
                    .single();
            System.out.printf("rollup rows: accidents %,d, hazards %,d%n", rollupRows, hazardRollupRows);

            Session s = Session.signIn("http://localhost:" + port, "duty", "Demo!2026yj");
            int year = java.time.LocalDate.now().getYear();
            String period = "&from=" + year + "-01-01&to=" + year + "-12-31";
            String[][] queries = {
                {
                    "accidents by day range (Mar 3 – Oct 17, day rollup)",
                    "/api/v1/stats/accidents?by=division&from=" + year + "-03-03&to=" + year + "-10-17"
                },
                {"accidents by year (10 years, 双下降)", "/api/v1/stats/accidents/years?from=" + (year - 9) + "&to=" + year
                },
                {"accidents by district (this year)", "/api/v1/stats/accidents?by=division" + period},
                {"accidents by type (10 years)", "/api/v1/stats/accidents?by=type"},
                {"accidents by month (10 years)", "/api/v1/stats/accidents?by=month"},
                {"hazards by district (10 years)", "/api/v1/stats/hazards?by=division"},
                {"drill-down: 瑶海区 by township", "/api/v1/stats/accidents?by=division&division=340102000000"}
            };
            String[][] baselines = {
                {
                    "accidents by year",
                    "select extract(year from occurred_at at time zone 'Asia/Shanghai'), count(*), sum(deaths),"
                            + " count(*) filter (where grade = 'EXTRAORDINARY') from stats.accident_fact"
                            + " where production_safety and division_path like '/340100000000/%' group by 1"
                },
                {
                    "accidents by district (this year)",
                    "select split_part(division_path, '/', 3), count(*), sum(deaths) from stats.accident_fact"
                            + " where production_safety and occurred_at >= date_trunc('year', now())"
                            + " group by 1"
                },
                {
                    "accidents by type",
                    "select type_code, count(*), sum(deaths) from stats.accident_fact where production_safety"
                            + " group by 1"
                },
                {
                    "accidents by month",
                    "select to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*), sum(deaths)"
                            + " from stats.accident_fact where production_safety group by 1"
                },
                {
                    "hazards by district",
                    "select split_part(division_path, '/', 3), count(*), count(closed_at), count(overdue_at)"
                            + " from stats.hazard_fact group by 1"
                }
            };
            System.out.println();
            System.out.printf(
                    "| query (rollups, over HTTP as duty) | n | p50 ms | p95 ms | max ms |%n|---|---|---|---|---|%n");
            for (String[] q : queries) {
                for (int i = 0; i < 5; i++) {
                    s.get(q[1]);
                }
                double[] lat = new double[iterations];
                for (int i = 0; i < iterations; i++) {
                    long a = System.nanoTime();
                    s.get(q[1]);
                    lat[i] = (System.nanoTime() - a) / 1e6;
                }
                row(q[0], lat);
            }
            System.out.println();
            System.out.printf(
                    "| baseline: same figure from raw facts (JDBC) | n | p50 ms | p95 ms | max ms |%n|---|---|---|---|---|%n");
            int bn = Math.max(5, iterations / 3);
            for (String[] b : baselines) {
                jdbc.sql(b[1]).query((rs, n) -> 0).list();
                double[] lat = new double[bn];
                for (int i = 0; i < bn; i++) {
                    long a = System.nanoTime();
                    jdbc.sql(b[1]).query((rs, n) -> 0).list();
                    lat[i] = (System.nanoTime() - a) / 1e6;
                }
                row(b[0], lat);
            }

            // export every accident: background job, SXSSF, heap sampled while it runs
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = mem.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(before);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long e0 = System.nanoTime();
            String job = post(s, "/api/v1/stats/exports?kind=accidents");
            String id = find(job, "\"id\":\"([^\"]+)\"");
            String status;
            String body;
            do {
                Thread.sleep(500);
                body = s.get("/api/v1/stats/exports/" + id);
                status = find(body, "\"status\":\"([A-Z]+)\"");
            } while (status.equals("QUEUED") || status.equals("RUNNING"));
            double secs = (System.nanoTime() - e0) / 1e9;
            sampler.interrupt();
            String rows = find(body, "\"rows\":(\\d+)");
            Path file = data.resolve("exports").resolve(id + ".xlsx");
            long max = Runtime.getRuntime().maxMemory();
            System.out.println();
            System.out.printf(
                    "export: status %s, %s rows, %.1f s, file %,d bytes; heap used before %,d MB, peak during export"
                            + " %,d MB (max heap %,d MB)%n",
                    status,
                    rows,
                    secs,
                    Files.exists(file) ? Files.size(file) : -1,
                    before >> 20,
                    peak.get() >> 20,
                    max >> 20);
        }
    }

    private static void seed(JdbcClient jdbc, int events, int hazards) {
        // start from empty fact and rollup tables (the demo city's few rows would be counted twice otherwise)
        jdbc.sql("truncate stats.accident_fact, stats.accident_rollup, stats.accident_month, stats.hazard_fact,"
                        + " stats.hazard_rollup, stats.hazard_month")
                .update();
        String paths =
                "(select array_agg(path order by code) p, count(*)::int n from geo.divisions where level = 'TOWNSHIP') d";
        jdbc.sql("insert into stats.accident_fact (incident_id, category, type_code, production_safety, grade,"
                        + " division_path, occurred_at, deaths, missing, injured, direct_loss)"
                        + " select gen_random_uuid(), 'ACCIDENT',"
                        + " (array['MINING','FIRE','CONSTRUCTION','ROAD_TRAFFIC','HAZARDOUS_CHEMICALS','SPECIAL_EQUIPMENT'])[1 + i % 6],"
                        + " true, (array['GENERAL','GENERAL','GENERAL','GENERAL','LARGER','LARGER','MAJOR'])[1 + (i * 7) % 7],"
                        + " d.p[1 + (i * 13) % d.n], now() - (i % 3650) * interval '1 day' - (i % 24) * interval '1 hour',"
                        + " i % 3, 0, i % 2, 0 from generate_series(1, " + events + ") i, " + paths)
                .update();
        // the rollups as the listeners keep them: every ancestor level, by day and by month
        jdbc.sql(
                        "insert into stats.accident_rollup (day, division_path, category, type_code, production_safety, grade,"
                                + " events, deaths) select (f.occurred_at at time zone 'Asia/Shanghai')::date, a, f.category,"
                                + " f.type_code, f.production_safety, coalesce(f.grade, ''), count(*), sum(f.deaths)"
                                + " from stats.accident_fact f cross join lateral stats.ancestors(f.division_path) a"
                                + " group by 1, 2, 3, 4, 5, 6"
                                + " on conflict (day, division_path, type_code, grade, category, production_safety) do update set"
                                + " events = excluded.events + stats.accident_rollup.events, deaths = excluded.deaths + stats.accident_rollup.deaths")
                .update();
        jdbc.sql(
                        "insert into stats.accident_month (day, division_path, category, type_code, production_safety, grade,"
                                + " events, deaths) select date_trunc('month', day)::date, division_path, category, type_code,"
                                + " production_safety, grade, sum(events), sum(deaths) from stats.accident_rollup"
                                + " group by 1, 2, 3, 4, 5, 6"
                                + " on conflict (day, division_path, type_code, grade, category, production_safety) do update set"
                                + " events = excluded.events + stats.accident_month.events, deaths = excluded.deaths + stats.accident_month.deaths")
                .update();
        jdbc.sql("insert into stats.hazard_fact (hazard_id, division_path, industry, grade, state, reported_at,"
                        + " closed_at, overdue_at) select gen_random_uuid(), d.p[1 + (i * 17) % d.n],"
                        + " (array['化工','建筑施工','交通运输','商贸','工贸','消防'])[1 + i % 6],"
                        + " case when i % 20 = 0 then 'MAJOR' else 'GENERAL' end, 'CLOSED',"
                        + " now() - (i % 3650) * interval '1 day',"
                        + " case when i % 5 <> 0 then now() - (i % 3650) * interval '1 day' + interval '10 days' end,"
                        + " case when i % 11 = 0 then now() - (i % 3650) * interval '1 day' + interval '30 days' end"
                        + " from generate_series(1, " + hazards + ") i, " + paths)
                .update();
        jdbc.sql(
                        "insert into stats.hazard_rollup (day, division_path, industry, grade, found, closed, overdue)"
                                + " select d, a, industry, grade, sum(found), sum(closed), sum(overdue) from ("
                                + " select (reported_at at time zone 'Asia/Shanghai')::date d, division_path, industry, grade,"
                                + " 1 found, 0 closed, 0 overdue from stats.hazard_fact union all"
                                + " select (closed_at at time zone 'Asia/Shanghai')::date, division_path, industry, grade, 0, 1, 0"
                                + " from stats.hazard_fact where closed_at is not null union all"
                                + " select (overdue_at at time zone 'Asia/Shanghai')::date, division_path, industry, grade, 0, 0, 1"
                                + " from stats.hazard_fact where overdue_at is not null) x"
                                + " cross join lateral stats.ancestors(x.division_path) a group by 1, 2, 3, 4"
                                + " on conflict (day, division_path, industry, grade) do update set found = excluded.found + stats.hazard_rollup.found,"
                                + " closed = excluded.closed + stats.hazard_rollup.closed, overdue = excluded.overdue + stats.hazard_rollup.overdue")
                .update();
        jdbc.sql(
                        "insert into stats.hazard_month (day, division_path, industry, grade, found, closed, overdue)"
                                + " select date_trunc('month', day)::date, division_path, industry, grade, sum(found),"
                                + " sum(closed), sum(overdue) from stats.hazard_rollup group by 1, 2, 3, 4"
                                + " on conflict (day, division_path, industry, grade) do update set found = excluded.found + stats.hazard_month.found,"
                                + " closed = excluded.closed + stats.hazard_month.closed, overdue = excluded.overdue + stats.hazard_month.overdue")
                .update();
        jdbc.sql("vacuum analyze stats.accident_fact").update();
        jdbc.sql("vacuum analyze stats.accident_rollup").update();
        jdbc.sql("vacuum analyze stats.hazard_fact").update();
        jdbc.sql("vacuum analyze stats.hazard_rollup").update();
        jdbc.sql("vacuum analyze stats.accident_month").update();
        jdbc.sql("vacuum analyze stats.hazard_month").update();
    }

    private static void row(String what, double[] latencies) {
        double[] s = latencies.clone();
        Arrays.sort(s);
        System.out.printf(
                "| %s | %d | %.1f | %.1f | %.1f |%n", what, s.length, pct(s, 50), pct(s, 95), s[s.length - 1]);
    }

    /** POSTs without a body; fails unless the export was accepted (202). */
    private static String post(Session session, String path) throws Exception {
        HttpResponse<String> r = session.post(path, HttpRequest.BodyPublishers.noBody());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(r.statusCode() + " " + path + " " + r.body());
        }
        return r.body();
    }
}
