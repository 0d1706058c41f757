package cn.yingji.hazard;

import static cn.yingji.bench.LoadSupport.closedLoop;
import static cn.yingji.bench.LoadSupport.openLoop;
import static cn.yingji.bench.LoadSupport.pct;

import cn.yingji.bench.LoadSupport;
import cn.yingji.bench.LoadSupport.Call;
import cn.yingji.bench.LoadSupport.Session;
import cn.yingji.bench.RawHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load scenario for hidden-hazard intake (issue 5): the whole application on its embedded PostgreSQL with the demo
 * city and {@code hazards} past hazards (with photos of their own), then an open-loop load of {@code rate} reports
 * per second over HTTP for {@code seconds}: a signed-in field report ({@code POST /api/v1/hazards}, multipart with
 * a 20 KB JPEG and an Idempotency-Key), latencies measured from each request's scheduled start. Beside it, at the
 * same rate, the baseline of bare single-row INSERTs over JDBC; last, the ledger's first page and the counts, as
 * a city officer sees them. Prints a Markdown table.
 *
 * <p>Run: {@code ./mvnw -B -Pjmh -Dbuild.dir=/tmp/build-load -DskipTests -Dspotless.check.skip=true compile
 * exec:exec@hazard-load} (arguments: {@code -Dload.events -Dload.rate -Dload.seconds -Dload.warmup -Dload.steady}; the first is the number of
 * past hazards).
 */
public final class HazardLoadScenario {

    private HazardLoadScenario() {}

    public static void main(String[] args) throws Exception {
        int hazards = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 180;
        int steady = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        try (ConfigurableApplicationContext app =
                LoadSupport.start("hazard-load", "--yingji.hazard.sweep-enabled=false")) {
            int port = LoadSupport.port(app);
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            long t0 = System.nanoTime();
            seed(jdbc, hazards);
            System.out.printf("seeded %,d past hazards in %.1f s%n", hazards, (System.nanoTime() - t0) / 1e9);
            List<double[]> points = LoadSupport.gridCentresInside(app);
            byte[] jpeg = LoadSupport.jpeg(20 * 1024);

            Session session = Session.signIn("http://localhost:" + port, "admin", "Demo!2026yj");
            RawHttp raw = session.raw();
            Random random = new Random(42);
            // Warm-up: the JIT and the connection pool, not measured.
            long warm = closedLoop(8, warmup, i -> report(raw, points.get(random.nextInt(points.size())), jpeg));
            System.out.printf("warm-up: %,d reports in %d s from 8 threads back to back%n", warm, warmup);
            LoadSupport.settle(jdbc);
            LoadSupport.steady(rate, steady, i -> report(raw, points.get(random.nextInt(points.size())), jpeg));
            LoadSupport.PgMark mark = LoadSupport.PgMark.now(jdbc);
            LoadSupport.StatementStats statements = new LoadSupport.StatementStats(jdbc);
            statements.reset();
            java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
            double[] intake = openLoop(
                    rate, seconds, i -> acknowledged.add(report(raw, points.get(random.nextInt(points.size())), jpeg)));
            LoadSupport.slowSeconds(intake, rate, 50);
            System.out.println("during the measured phase: " + mark.since(jdbc));
            statements.print(20);

            jdbc.sql("create table if not exists public.bench_baseline (id uuid primary key, payload text,"
                            + " created_at timestamptz not null default now())")
                    .update();
            DataSource ds = app.getBean(DataSource.class);
            openLoop(rate, 5, i -> insertBaseline(ds));
            double[] baseline = openLoop(rate, seconds, i -> insertBaseline(ds));

            double[] ledger = sequential(30, i -> session.get("/api/v1/hazards?size=20"));
            double[] counts = sequential(30, i -> session.get("/api/v1/hazards/counts"));
            // One district (瑶海区) as its district officer, and the same two questions asked plainly of PostgreSQL.
            Session district = Session.signIn("http://localhost:" + port, "district.yaohai", "Demo!2026yj");
            double[] districtLedger = sequential(50, i -> district.get("/api/v1/hazards?size=20"));
            double[] districtFilter =
                    sequential(50, i -> district.get("/api/v1/hazards?size=20&state=RECTIFYING&industry=FIRE"));
            double[] districtCounts = sequential(50, i -> district.get("/api/v1/hazards/counts"));
            String yaohai = "/340100000000/340102000000/%";
            double[] sqlLedger = sequential(
                    50,
                    i -> jdbc.sql("select * from hazard.hazards where division_path like"
                                    + " :p order by reported_at desc limit 20")
                            .param("p", yaohai)
                            .query()
                            .listOfRows());
            double[] sqlCounts = sequential(
                    50,
                    i -> jdbc.sql(
                                    "select state, count(*) from hazard.hazards where division_path like :p group by state")
                            .param("p", yaohai)
                            .query()
                            .listOfRows());
            long inDistrict = jdbc.sql("select count(*) from hazard.hazards where division_path like :p")
                    .param("p", yaohai)
                    .query(Long.class)
                    .single();
            long missing = jdbc.sql("select count(*) from unnest(cast(:ids as uuid[])) a(id)"
                            + " where not exists (select 1 from hazard.hazards h where h.id = a.id)")
                    .param("ids", acknowledged.toArray(String[]::new))
                    .query(Long.class)
                    .single();

            // the scenario's report is a Markdown table on stdout, pasted into docs/benchmarks.md
            System.out.println();
            System.out.printf("| what | requests | ok | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|---|%n");
            row("hazard report POST /api/v1/hazards (multipart, 20 KB photo) at " + rate + "/s", intake);
            row("baseline: bare single-row INSERT at " + rate + "/s", baseline);
            row("ledger GET /api/v1/hazards?size=20 (city scope), sequential", ledger);
            row("counts GET /api/v1/hazards/counts (city scope), sequential", counts);
            row(
                    "ledger GET /api/v1/hazards?size=20 as district.yaohai (" + inDistrict + " rows in scope)",
                    districtLedger);
            row("ledger filtered by state and industry as district.yaohai", districtFilter);
            row("counts GET /api/v1/hazards/counts as district.yaohai", districtCounts);
            row("baseline: plain SQL first page of the district (LIKE on division_path, by time)", sqlLedger);
            row("baseline: plain SQL counts by state of the district", sqlCounts);
            System.out.printf(
                    "acknowledged reports: %,d; acknowledged but missing from the database: %,d%n",
                    acknowledged.size(), missing);
            System.out.printf(
                    "hazards in the database after the run: %,d%n",
                    jdbc.sql("select count(*) from hazard.hazards")
                            .query(Long.class)
                            .single());
        }
    }

    private static void row(String what, double[] latencies) {
        double[] ok = Arrays.stream(latencies).filter(v -> v >= 0).sorted().toArray();
        System.out.printf(
                "| %s | %d | %d | %.1f | %.1f | %.1f |%n",
                what, latencies.length, ok.length, pct(ok, 50), pct(ok, 99), ok.length == 0 ? 0 : ok[ok.length - 1]);
    }

    private static void seed(JdbcClient jdbc, int hazards) {
        int batch = 100_000;
        for (int from = 1; from <= hazards; from += batch) {
            int to = Math.min(hazards, from + batch - 1);
            jdbc.sql("""
                            insert into hazard.hazards (id, number, title, description, grade, industry, source, state,
                                division_path, grid_code, lon, lat, reported_by, reported_at, updated_at)
                            select gen_random_uuid(), 'H' || lpad(g::text, 8, '0'), '历史隐患 ' || g, '历史隐患',
                                   case when g % 50 = 0 then 'MAJOR' else 'GENERAL' end, 'FIRE', 'GRID_WORKER',
                                   (array['REPORTED','VERIFIED','ASSIGNED','RECTIFYING','CLOSED','CLOSED'])[1 + g % 6],
                                   gr.path, gr.code, (@@ gr.outline)[0], (@@ gr.outline)[1], 'history',
                                   now() - make_interval(mins => g), now() - make_interval(mins => g)
                            from generate_series(:from, :to) g
                            join (select row_number() over (order by code) - 1 as rn, code, path, outline
                                  from geo.grids) gr on gr.rn = g % (select count(*) from geo.grids)
                            """).param("from", from).param("to", to).update();
        }
        jdbc.sql("analyze hazard.hazards").update();
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

    private static double[] sequential(int n, Call call) throws Exception {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            call.run(i);
            out[i] = (System.nanoTime() - s) / 1e6;
        }
        return out;
    }

    /** Sends one report; answers the id the server acknowledged. */
    public static String report(RawHttp http, double[] point, byte[] photo) throws Exception {
        String boundary = "----yingji" + cn.yingji.shared.Uuids.timeOrdered();
        ByteArrayOutputStream body = new ByteArrayOutputStream(photo.length + 1024);
        field(body, boundary, "description", "负载测试：消防通道堵塞");
        field(body, boundary, "industry", "FIRE");
        field(body, boundary, "lon", String.valueOf(point[0]));
        field(body, boundary, "lat", String.valueOf(point[1]));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(photo);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        RawHttp.Response res = http.post(
                "/api/v1/hazards",
                body.toByteArray(),
                "Content-Type",
                "multipart/form-data; boundary=" + boundary,
                "Accept",
                "application/json",
                "Idempotency-Key",
                cn.yingji.shared.Uuids.timeOrdered().toString());
        if (res.status() != 201 && res.status() != 200) {
            throw new IllegalStateException(res.status() + " " + res.body());
        }
        return LoadSupport.find(res.body(), "\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
