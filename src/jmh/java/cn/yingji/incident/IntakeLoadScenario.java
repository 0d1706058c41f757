package cn.yingji.incident;

import static cn.yingji.bench.LoadSupport.closedLoop;
import static cn.yingji.bench.LoadSupport.openLoop;
import static cn.yingji.bench.LoadSupport.pct;
import static cn.yingji.bench.LoadSupport.settle;

import cn.yingji.bench.LoadSupport;
import cn.yingji.bench.LoadSupport.PgMark;
import cn.yingji.bench.LoadSupport.Session;
import cn.yingji.bench.RawHttp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load scenario for duty-desk intake (issue 3): the whole application on its embedded PostgreSQL with the demo city
 * and {@code events} past events, then an open-loop load of {@code rate} intake requests per second over HTTP for
 * {@code seconds}, latencies measured from each request's scheduled start (so a stall counts against every request
 * queued behind it). Beside it, in the same run and at the same rate, the baseline: bare single-row INSERTs over
 * JDBC. Last, the command centre's situation query. Prints a Markdown table.
 *
 * <p>Run: {@code ./mvnw -B -Pjmh -Dbuild.dir=/tmp/build-load -DskipTests -Dspotless.check.skip=true compile
 * exec:exec@intake-load} (arguments: {@code -Dload.events -Dload.rate -Dload.seconds -Dload.warmup -Dload.steady}).
 */
public final class IntakeLoadScenario {

    private IntakeLoadScenario() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 180;
        int steady = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        try (ConfigurableApplicationContext app = LoadSupport.start("load")) {
            int port = LoadSupport.port(app);
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            long t0 = System.nanoTime();
            seed(jdbc, events);
            System.out.printf("seeded %,d past events in %.1f s%n", events, (System.nanoTime() - t0) / 1e9);
            List<double[]> points = LoadSupport.gridCentresInside(app);

            RawHttp session = Session.signIn("http://localhost:" + port, "duty", "Demo!2026yj")
                    .raw();
            Random random = new Random(42);
            // Warm-up, not measured: the JIT compilers, the connection pool, the caches.
            long warm = closedLoop(8, warmup, i -> intake(session, body(points, random)));
            System.out.printf("warm-up: %,d intakes in %d s from 8 threads back to back%n", warm, warmup);
            // The warm-up's events are closed (as past events are), so the command centre is measured over the
            // events of the measured phase only, as before the warm-up existed.
            jdbc.sql("update incident.incidents set state = 'CLOSED' where state <> 'CLOSED'")
                    .update();
            settle(jdbc);
            LoadSupport.steady(rate, steady, i -> intake(session, body(points, random)));
            PgMark mark = PgMark.now(jdbc);
            cn.yingji.bench.LoadSupport.StatementStats statements =
                    new cn.yingji.bench.LoadSupport.StatementStats(jdbc);
            statements.reset();
            // what PostgreSQL is busy with during the measured intake (sampled every 100 ms): where the time goes
            java.util.Map<String, Integer> busy = new java.util.concurrent.ConcurrentHashMap<>();
            // and, second by second, whatever else runs: background work of the platform or of PostgreSQL
            java.util.Map<Integer, java.util.Map<String, Integer>> other =
                    new java.util.concurrent.ConcurrentSkipListMap<>();
            java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
            long sampleStart = System.nanoTime();
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    try {
                        int second = (int) ((System.nanoTime() - sampleStart) / 1_000_000_000L);
                        jdbc.sql("""
                                        select backend_type, state || ' ' || coalesce(wait_event_type || ':' || wait_event, 'CPU')
                                               || '  ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 140)
                                        from pg_stat_activity
                                        where state <> 'idle' and pid <> pg_backend_pid()""")
                                .query((rs, n) -> {
                                    String q = rs.getString(2);
                                    if (q == null) {
                                        return null;
                                    }
                                    if (rs.getString(1).equals("client backend")) {
                                        busy.merge(q, 1, Integer::sum);
                                    }
                                    // the log rows sent with the commit arrive as one multi-statement string,
                                    // shown statement by statement with its leading whitespace
                                    String text =
                                            q.substring(q.indexOf("  ") + 2).strip();
                                    if (!rs.getString(1).equals("client backend")
                                            || !(q.startsWith("idle in transaction")
                                                    || text.startsWith("insert into incident.")
                                                    || text.startsWith("with inc as")
                                                    || text.startsWith("with grade_change")
                                                    || text.startsWith("with fact")
                                                    || text.startsWith("insert into identity.audit_log")
                                                    || text.startsWith("insert into exchange.change_log")
                                                    || text.startsWith("COMMIT"))) {
                                        other.computeIfAbsent(
                                                        second, k -> new java.util.concurrent.ConcurrentHashMap<>())
                                                .merge(rs.getString(1) + ": " + left(text, 90), 1, Integer::sum);
                                    }
                                    return q;
                                })
                                .list();
                        Thread.sleep(100);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sampler.start();
            // wall-clock start, so that server-side logs (PostgreSQL, GC) can be matched to the slow seconds below
            System.out.println("measured phase starts at " + java.time.Instant.now());
            double[] intake = openLoop(rate, seconds, i -> intake(session, body(points, random)));
            cn.yingji.bench.LoadSupport.slowSeconds(intake, rate, 50);
            System.out.println("during the measured phase: " + mark.since(jdbc));
            statements.print(20);
            System.out.println("other work in PostgreSQL, by second of the measured phase (samples):");
            other.forEach((sec, m) -> System.out.println("  s" + sec + ": " + m));
            System.out.println(
                    "PostgreSQL during the intake (backends not idle, sampled every 100 ms; for idle-in-transaction the last statement), top 12:");
            busy.entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Integer>comparingByValue()
                            .reversed())
                    .limit(12)
                    .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));

            jdbc.sql("create table if not exists public.bench_baseline (id uuid primary key, payload text,"
                            + " created_at timestamptz not null default now())")
                    .update();
            DataSource ds = app.getBean(DataSource.class);
            openLoop(rate, 5, i -> insertBaseline(ds));
            double[] baseline = openLoop(rate, seconds, i -> insertBaseline(ds));

            double[] situation = new double[50];
            for (int i = 0; i < situation.length; i++) {
                long s = System.nanoTime();
                if (session.get("/api/v1/centre/situation").status() != 200) {
                    throw new IllegalStateException("situation failed");
                }
                situation[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(situation);
            long active = jdbc.sql("select count(*) from incident.incidents where state <> 'CLOSED'")
                    .query(Long.class)
                    .single();

            System.out.println();
            System.out.printf("| what | requests | ok | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|---|%n");
            row("intake POST /api/v1/incidents at " + rate + "/s", intake);
            row("baseline: bare single-row INSERT at " + rate + "/s", baseline);
            System.out.printf(
                    "| command centre GET /api/v1/centre/situation (%d active events), sequential | %d | %d | %.1f | %.1f | %.1f |%n",
                    active,
                    situation.length,
                    situation.length,
                    pct(situation, 50),
                    pct(situation, 99),
                    situation[situation.length - 1]);
            System.out.printf(
                    "events in the database after the run: %,d%n",
                    jdbc.sql("select count(*) from incident.incidents")
                            .query(Long.class)
                            .single());
        }
    }

    private static String left(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static void row(String what, double[] latencies) {
        double[] ok = Arrays.stream(latencies).filter(v -> v >= 0).sorted().toArray();
        System.out.printf(
                "| %s | %d | %d | %.1f | %.1f | %.1f |%n",
                what, latencies.length, ok.length, pct(ok, 50), pct(ok, 99), ok.length == 0 ? 0 : ok[ok.length - 1]);
    }

    private static void seed(JdbcClient jdbc, int events) {
        int batch = 100_000;
        for (int from = 1; from <= events; from += batch) {
            int to = Math.min(events, from + batch - 1);
            jdbc.sql("""
                            insert into incident.incidents (id, number, category, type_code, title, occurred_at,
                                reported_at, received_level, lon, lat, division_code, division_path, grid_code,
                                channel, deaths, seriously_injured, grade, grade_dimension, investigation_level,
                                state, created_by)
                            select gen_random_uuid(), 'H' || lpad(g::text, 8, '0'), 'ACCIDENT', 'INDUSTRIAL_TRADE',
                                   '历史事件 ' || g, now() - make_interval(mins => g), now() - make_interval(mins => g),
                                   'COUNTY', (@@ gr.outline)[0], (@@ gr.outline)[1], gr.village_code, gr.path, gr.code,
                                   'PHONE', g % 3, g % 5, 'GENERAL', 'DEATHS', 'COUNTY', 'CLOSED', 'history'
                            from generate_series(:from, :to) g
                            join (select row_number() over (order by code) - 1 as rn, code, village_code, path, outline
                                  from geo.grids) gr on gr.rn = g % (select count(*) from geo.grids)
                            """).param("from", from).param("to", to).update();
        }
        jdbc.sql("analyze incident.incidents").update();
    }

    private static String body(List<double[]> points, Random random) {
        double[] p = points.get(random.nextInt(points.size()));
        return """
                {"typeCode":"INDUSTRIAL_TRADE","occurredAt":"%s","lon":%s,"lat":%s,"channel":"PHONE",
                 "casualties":{"deaths":%d,"missing":0,"seriouslyInjured":%d,"trapped":0,"minorInjuries":0,
                 "directLoss":0},"description":"负载测试","drill":false}""".formatted(
                        java.time.Instant.now().minusSeconds(60), p[0], p[1], random.nextInt(3), random.nextInt(5));
    }

    private static void insertBaseline(DataSource ds) {
        try (Connection c = ds.getConnection();
                PreparedStatement st =
                        c.prepareStatement("insert into public.bench_baseline (id, payload) values (?, ?)")) {
            st.setObject(1, cn.yingji.shared.Uuids.timeOrdered());
            st.setString(2, "负载测试");
            st.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void intake(RawHttp session, String json) throws Exception {
        RawHttp.Response res = session.post(
                "/api/v1/incidents",
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                cn.yingji.shared.Uuids.timeOrdered().toString());
        if (res.status() != 201 && res.status() != 200) {
            throw new IllegalStateException(res.status() + " " + res.body());
        }
    }
}
