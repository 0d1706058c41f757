package cn.yingji.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the load scenarios share: a signed-in HTTP session, an open-loop load generator and percentiles. */
public final class LoadSupport {

    private LoadSupport() {}

    /**
     * Starts the whole application as the load scenarios run it: a fresh embedded PostgreSQL in a temporary
     * directory, free ports, warnings only in the log, no sign-in throttle (one client signs in for thousands of
     * requests); {@code extra} arguments are added.
     */
    public static org.springframework.context.ConfigurableApplicationContext start(String name, String... extra)
            throws java.io.IOException {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("yingji-" + name);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--yingji.db.embedded.data-dir=" + data,
                "--yingji.db.embedded.port=0",
                "--yingji.db.embedded.clean=true",
                "--logging.level.root=WARN",
                "--yingji.security.throttle.enabled=false"));
        args.addAll(List.of(extra));
        return new org.springframework.boot.builder.SpringApplicationBuilder(cn.yingji.YingjiApplication.class)
                .run(args.toArray(String[]::new));
    }

    /** The HTTP port of an application from {@link #start}. */
    public static int port(org.springframework.context.ConfigurableApplicationContext app) {
        return ((org.springframework.boot.web.server.context.WebServerApplicationContext) app)
                .getWebServer()
                .getPort();
    }

    /** The centres of the demo city's grids that lie inside a division (a concave grid's centroid may not). */
    public static List<double[]> gridCentresInside(org.springframework.context.ConfigurableApplicationContext app) {
        return gridCentresInside(
                app.getBean(cn.yingji.geo.Divisions.class),
                org.springframework.jdbc.core.simple.JdbcClient.create(app.getBean(javax.sql.DataSource.class)));
    }

    /** As {@link #gridCentresInside(org.springframework.context.ConfigurableApplicationContext)}. */
    public static List<double[]> gridCentresInside(
            cn.yingji.geo.Divisions divisions, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return jdbc
                .sql("select (@@ outline)[0], (@@ outline)[1] from geo.grids order by code")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list()
                .stream()
                .filter(p -> divisions.locate(p[0], p[1]).isPresent())
                .toList();
    }

    /** {@code bytes} of deterministic noise behind a JPEG signature: a photo as far as the upload check goes. */
    public static byte[] jpeg(int bytes) {
        byte[] jpeg = new byte[bytes];
        new java.util.Random(7).nextBytes(jpeg);
        jpeg[0] = (byte) 0xff;
        jpeg[1] = (byte) 0xd8;
        jpeg[2] = (byte) 0xff;
        return jpeg;
    }

    /** One call of a load: {@code i} is its index. */
    public interface Call {
        void run(int i) throws Exception;
    }

    /** The {@code p}-th percentile (nearest rank) of sorted values; NaN when there are none. */
    public static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    /**
     * Runs {@code rate × seconds} calls at fixed start times (open loop: a slow server does not slow the arrivals)
     * from 64 threads; returns each latency in ms from the call's scheduled start, negative when it failed.
     */
    public static double[] openLoop(int rate, int seconds, Call call) throws InterruptedException {
        int total = rate * seconds;
        double[] latencies = new double[total];
        ExecutorService pool = OPEN_LOOP;
        long start = System.nanoTime() + 50_000_000L;
        long intervalNs = 1_000_000_000L / rate;
        List<CompletableFuture<Void>> all = new ArrayList<>(total);
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNs;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            all.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            call.run(n);
                            latencies[n] = (System.nanoTime() - scheduled) / 1e6;
                        } catch (Exception e) {
                            latencies[n] = -1;
                            if (failures.incrementAndGet() <= 3) {
                                System.err.println("call failed: " + e.getMessage());
                            }
                        }
                    },
                    pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return latencies;
    }

    /**
     * The arrival pattern itself at {@code rate}, unmeasured, so that a measured phase after it starts in its steady
     * state: up to 64 requests in flight instead of a warm-up's 8 take paths the warm-up did not (pool waits,
     * hand-offs between threads), and the JIT recompiles them for tens of seconds on two cores (seen with
     * {@code -Xlog:jit+compilation}: Hikari's borrow and Tomcat's worker loop were recompiled 30 s into the load).
     */
    public static void steady(int rate, int seconds, Call call) throws InterruptedException {
        openLoop(rate, seconds, call);
        System.out.printf("then %d s at %d/s, not measured%n", seconds, rate);
    }

    /**
     * The open loops' threads, shared by every phase of a run: each keeps its keep-alive connection (and session),
     * so a measured phase does not begin by opening 64 new connections to the server — which a fresh pool per phase
     * did, and which showed as a stall in the measured phase's first second.
     */
    private static final ExecutorService OPEN_LOOP = Executors.newFixedThreadPool(64, r -> {
        Thread t = new Thread(r, "open-loop");
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs {@code call} back to back from {@code threads} threads for {@code seconds}; returns how many calls
     * succeeded. The scenarios warm the server up with it: on two cores the JIT compilers keep one core busy for
     * minutes of load, and a server that answers the duty desk runs for weeks, so a cold JVM is not what is measured.
     */
    public static long closedLoop(int threads, int seconds, Call call) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.concurrent.atomic.AtomicLong ok = new java.util.concurrent.atomic.AtomicLong();
        AtomicInteger index = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        call.run(index.getAndIncrement());
                        ok.incrementAndGet();
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("call failed: " + e.getMessage());
                        }
                    }
                }
            });
            thread.start();
            all.add(thread);
        }
        for (Thread t : all) {
            t.join();
        }
        return ok.get();
    }

    /**
     * Prints the seconds of an open-loop run whose slowest call took over {@code slowMs}: when the tail comes from a
     * few stalls rather than a steady queue, it shows here (call {@code i} was scheduled at {@code i / rate} s).
     */
    public static void slowSeconds(double[] latencies, int rate, double slowMs) {
        int seconds = (latencies.length + rate - 1) / rate;
        StringBuilder out = new StringBuilder();
        for (int sec = 0; sec < seconds; sec++) {
            double max = 0;
            int slow = 0;
            for (int i = sec * rate; i < Math.min(latencies.length, (sec + 1) * rate); i++) {
                max = Math.max(max, latencies[i]);
                slow += latencies[i] > slowMs ? 1 : 0;
            }
            if (max > slowMs) {
                out.append(String.format(" s%d: %d over, max %.0f ms;", sec, slow, max));
            }
        }
        System.out.println("seconds with calls over " + slowMs + " ms:" + (out.isEmpty() ? " none" : out));
    }

    /**
     * Ends a warm-up the way a maintained database looks: statistics fresh and dead rows gone in every table (so
     * autovacuum does not start on the warm-up's rows mid-measurement), then a checkpoint (so the warm-up's dirty
     * pages are not written during it).
     */
    public static void settle(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        jdbc.sql("vacuum analyze").update();
        jdbc.sql("checkpoint").update();
    }

    /**
     * WAL position, checkpoint count and WAL counters ({@code pg_stat_wal}: records, full-page images, flushes), to
     * report what a measured phase wrote and how many times it waited for the disk.
     */
    public record PgMark(String lsn, long checkpoints, long records, long fpi, long syncs) {

        public static PgMark now(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            return jdbc.sql("""
                            select pg_current_wal_lsn()::text,
                                   (select num_timed + num_requested from pg_stat_checkpointer),
                                   wal_records, wal_fpi, wal_sync
                            from pg_stat_wal""")
                    .query((rs, n) ->
                            new PgMark(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                    .single();
        }

        /** One line: WAL and checkpoints since this mark, and the settings that govern them. */
        public String since(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            PgMark end = now(jdbc);
            double mb = jdbc.sql("select cast(:b as pg_lsn) - cast(:a as pg_lsn)")
                            .param("a", lsn)
                            .param("b", end.lsn)
                            .query(Double.class)
                            .single()
                    / 1e6;
            return String.format(
                    "WAL written: %.0f MB in %,d records, %,d full-page images, %,d flushes to disk; checkpoints: %d"
                            + " (shared_buffers %s, max_wal_size %s, commit_delay %s)",
                    mb,
                    end.records - records,
                    end.fpi - fpi,
                    end.syncs - syncs,
                    end.checkpoints - checkpoints,
                    setting(jdbc, "shared_buffers"),
                    setting(jdbc, "max_wal_size"),
                    setting(jdbc, "commit_delay"));
        }

        private static String setting(org.springframework.jdbc.core.simple.JdbcClient jdbc, String name) {
            return jdbc.sql("select current_setting(:n)")
                    .param("n", name)
                    .query(String.class)
                    .single();
        }
    }

    /**
     * Per-statement cost of a measured phase from {@code pg_stat_statements}, when PostgreSQL was started with it
     * preloaded ({@code -Dyingji.db.embedded.settings[shared_preload_libraries]=pg_stat_statements}); otherwise
     * {@link #reset} and {@link #print} say so and do nothing. Times include waiting for a CPU on a busy machine, so
     * they rank statements rather than give their cost alone.
     */
    public static final class StatementStats {

        private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
        private final boolean available;

        public StatementStats(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            this.jdbc = jdbc;
            boolean loaded = jdbc.sql("select current_setting('shared_preload_libraries') like '%pg_stat_statements%'")
                    .query(Boolean.class)
                    .single();
            if (loaded) {
                jdbc.sql("create extension if not exists pg_stat_statements").update();
            }
            this.available = loaded;
        }

        public void reset() {
            if (available) {
                jdbc.sql("select pg_stat_statements_reset()")
                        .query((rs, n) -> 1)
                        .list();
            }
        }

        /** The {@code top} statements by total execution time since {@link #reset}, as a Markdown table. */
        public void print(int top) {
            // standard output, like the rest of a scenario's report (the application logs at WARN only)
            if (!available) {
                System.out.println("(per-statement figures: start with"
                        + " -Dyingji.db.embedded.settings[shared_preload_libraries]=pg_stat_statements)");
                return;
            }
            System.out.println("| statement | calls | total ms | mean ms | rows | shared blocks hit/read/dirtied |");
            System.out.println("|---|---|---|---|---|---|");
            jdbc.sql("""
                            select left(regexp_replace(query, '\\s+', ' ', 'g'), 110), calls, total_exec_time,
                                   mean_exec_time, rows, shared_blks_hit, shared_blks_read, shared_blks_dirtied
                            from pg_stat_statements
                            order by total_exec_time desc limit :top""")
                    .param("top", top)
                    .query((rs, n) -> String.format(
                            "| %s | %,d | %.0f | %.3f | %,d | %,d / %,d / %,d |",
                            rs.getString(1).replace("|", "\\|"),
                            rs.getLong(2),
                            rs.getDouble(3),
                            rs.getDouble(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(8)))
                    .list()
                    .forEach(System.out::println);
        }
    }

    /** The first group of {@code regex} in {@code text}; fails when it does not occur. */
    public static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + regex);
        }
        return m.group(1);
    }

    /** A signed-in browser-like session: cookie jar plus the CSRF token the pages carry. */
    public record Session(HttpClient http, String base, String csrfHeader, String csrfToken) {

        public static Session signIn(String base, String user, String password) throws Exception {
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String login = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String token = find(login, "name=\"_csrf\" value=\"([^\"]+)\"");
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String home = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return new Session(
                    http,
                    base,
                    find(home, "name=\"_csrf_header\" content=\"([^\"]+)\""),
                    find(home, "name=\"_csrf\" content=\"([^\"]+)\""));
        }

        /**
         * The same signed-in session over {@link RawHttp}: its cookies and CSRF header on every request. The load
         * phases of the intake scenarios use it so that the generator leaves the two cores to the server.
         */
        public RawHttp raw() {
            String cookies = http.cookieHandler()
                    .map(h -> ((CookieManager) h)
                            .getCookieStore().getCookies().stream()
                                    .map(c -> c.getName() + "=" + c.getValue())
                                    .collect(java.util.stream.Collectors.joining("; ")))
                    .orElse("");
            return new RawHttp(base, "Cookie", cookies, csrfHeader, csrfToken);
        }

        /** GETs {@code path}; fails unless the answer is 200. */
        public String get(String path) throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " " + path + " " + r.body());
            }
            return r.body();
        }

        /** POSTs {@code body} to {@code path} with the CSRF header and the given headers (name, value, …). */
        public HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, String... headers)
                throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header(csrfHeader, csrfToken)
                    .POST(body);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
