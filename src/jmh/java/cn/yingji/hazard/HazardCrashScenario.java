package cn.yingji.hazard;

import cn.yingji.bench.LoadSupport.Session;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hidden-hazard intake survives a kill -9 of the server: the platform runs as a child process on its embedded
 * PostgreSQL; field reports are sent at a fixed rate; half-way the server process is killed with SIGKILL, and with
 * it (by default) the PostgreSQL postmaster and every backend, so that nothing is flushed in an orderly way; it is
 * started again on the same data directory (PostgreSQL recovers from its WAL); then every report the server had
 * acknowledged (201 with an id) must be in {@code hazard.hazards}. Prints the counts.
 *
 * <p>Run: {@code ./mvnw -B -Pjmh -Dbuild.dir=/tmp/build-load -DskipTests -Dspotless.check.skip=true compile
 * exec:exec@hazard-crash} (arguments {@code -Dload.rate -Dload.seconds}; a third argument {@code jvm} kills only
 * the JVM, {@code async} kills both but runs PostgreSQL with {@code synchronous_commit=off}, the setting zonky
 * starts it with, to show what the platform's durable setting prevents).
 */
public final class HazardCrashScenario {

    private HazardCrashScenario() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String mode = args.length > 2 ? args[2] : "all";
        boolean killPostgres = !mode.equals("jvm");
        List<String> extra =
                mode.equals("async") ? List.of("--yingji.db.embedded.settings[synchronous_commit]=off") : List.of();
        System.out.printf(
                "mode %s: kill -9 of the JVM%s%s%n",
                mode,
                killPostgres ? " and of PostgreSQL" : "",
                extra.isEmpty() ? "" : ", PostgreSQL with synchronous_commit=off");
        Path data = Files.createTempDirectory("yingji-hazard-crash");
        int port = 18000 + new Random().nextInt(1000);
        int pgPort = 25000 + new Random().nextInt(1000);
        String base = "http://localhost:" + port;

        Process server = start(data, port, pgPort, "server-1.log", extra);
        waitUp(base, server);
        Session session = signIn(base);
        cn.yingji.bench.RawHttp raw = session.raw();
        byte[] jpeg = new byte[20 * 1024];
        new Random(7).nextBytes(jpeg);
        jpeg[0] = (byte) 0xff;
        jpeg[1] = (byte) 0xd8;
        jpeg[2] = (byte) 0xff;
        // a point inside 瑶海区
        double[] point = {117.32, 31.87};

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        // The demo city loads after the server starts listening: wait until a report is taken.
        long ready = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            try {
                acknowledged.add(HazardLoadScenario.report(raw, point, jpeg));
                break;
            } catch (Exception e) {
                if (System.nanoTime() > ready) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (i == total / 2) {
                // the postmaster's pid, read before the kill (the file stays behind, as after a power cut)
                long postmaster = Long.parseLong(
                        Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"))
                                .get(0)
                                .trim());
                server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no orderly close of anything
                if (killPostgres) {
                    // the backends are listed before the kill: once the postmaster is gone they are no longer its
                    // children
                    ProcessHandle.of(postmaster).ifPresent(pm -> {
                        List<ProcessHandle> backends = pm.descendants().toList();
                        pm.destroyForcibly();
                        backends.forEach(ProcessHandle::destroyForcibly);
                    });
                }
                killed.set(true);
                System.out.printf("killed the server (kill -9) after %d reports were sent%n", i);
            }
            pool.execute(() -> {
                try {
                    acknowledged.add(HazardLoadScenario.report(raw, point, jpeg));
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 3) {
                        System.out.println(
                                "report failed (" + (killed.get() ? "after" : "before") + " the kill): " + e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        server.waitFor();
        System.out.printf(
                "sent %,d; acknowledged %,d; refused or cut off %,d%n", total, acknowledged.size(), failed.get());

        Process again = start(data, port, pgPort, "server-2.log", extra);
        try {
            waitUp(base, again);
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + pgPort + "/yingji", "postgres", "");
                    PreparedStatement st = c.prepareStatement("select count(*) from unnest(cast(? as uuid[])) a(id)"
                            + " where not exists (select 1 from hazard.hazards h where h.id = a.id)")) {
                st.setArray(1, c.createArrayOf("uuid", acknowledged.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    long missing = rs.getLong(1);
                    try (ResultSet setting = c.createStatement()
                            .executeQuery("select current_setting('synchronous_commit'), current_setting('fsync')")) {
                        setting.next();
                        System.out.printf(
                                "after the restart (synchronous_commit %s, fsync %s): acknowledged %,d, missing %,d%n",
                                setting.getString(1), setting.getString(2), acknowledged.size(), missing);
                    }
                }
            }
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Signs in once the demo accounts exist (they are created after the server starts listening). */
    private static Session signIn(String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            try {
                Session s = Session.signIn(base, "admin", "Demo!2026yj");
                s.get("/api/v1/hazards?size=1");
                return s;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static Process start(Path data, int port, int pgPort, String log, List<String> extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "-Xmx2g",
                "-cp",
                System.getProperty("java.class.path"),
                "cn.yingji.YingjiApplication",
                "--server.port=" + port,
                "--yingji.db.embedded.data-dir=" + data.resolve("postgres"),
                "--yingji.db.embedded.port=" + pgPort,
                "--logging.level.root=WARN",
                "--yingji.security.throttle.enabled=false"));
        command.addAll(extra);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File(data.toFile(), log))
                .start();
    }

    private static void waitUp(String base, Process server) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited; see its log in " + base);
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not come up in 5 minutes");
    }
}
