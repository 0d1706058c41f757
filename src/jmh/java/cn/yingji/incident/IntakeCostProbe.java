package cn.yingji.incident;

import cn.yingji.YingjiApplication;
import cn.yingji.bench.LoadSupport.Session;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Diagnostic: closed-loop intake capacity at a fixed concurrency, with the machine's CPU per request. */
public final class IntakeCostProbe {
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        boolean hazard = args.length > 2 && args[2].equals("hazard");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path data = Files.createTempDirectory("yingji-probe");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YingjiApplication.class)
                .run(
                        "--server.port=0",
                        "--yingji.db.embedded.data-dir=" + data,
                        "--yingji.db.embedded.port=0",
                        "--yingji.db.embedded.clean=true",
                        "--logging.level.root=WARN",
                        "--yingji.security.throttle.enabled=false")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            List<double[]> points = jdbc.sql("select (@@ outline)[0], (@@ outline)[1] from geo.grids order by code")
                    .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                    .list();
            Session session = Session.signIn("http://localhost:" + port, "duty", "Demo!2026yj");
            byte[] jpeg = new byte[20 * 1024];
            new Random(7).nextBytes(jpeg);
            jpeg[0] = (byte) 0xff;
            jpeg[1] = (byte) 0xd8;
            jpeg[2] = (byte) 0xff;
            cn.yingji.geo.Divisions divisions = app.getBean(cn.yingji.geo.Divisions.class);
            List<double[]> inside = points.stream()
                    .filter(p -> divisions.locate(p[0], p[1]).isPresent())
                    .toList();
            for (int round = 0; round < rounds; round++) {
                run(session, inside, threads, round == 0 ? 10 : seconds, hazard ? jpeg : null);
            }
        }
    }

    static void run(Session session, List<double[]> points, int threads, int seconds, byte[] jpeg) throws Exception {
        AtomicLong ok = new AtomicLong();
        cn.yingji.bench.RawHttp raw = session.raw();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long cpu0 = machineBusy();
        long p0 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            Random random = new Random(t);
            ts[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    double[] p = points.get(random.nextInt(points.size()));
                    String json = """
                            {"typeCode":"INDUSTRIAL_TRADE","occurredAt":"%s","lon":%s,"lat":%s,"channel":"PHONE",
                             "casualties":{"deaths":%d,"missing":0,"seriouslyInjured":%d,"trapped":0,"minorInjuries":0,
                             "directLoss":0},"description":"负载测试","drill":false}""".formatted(
                            java.time.Instant.now().minusSeconds(60), p[0], p[1], random.nextInt(3), random.nextInt(5));
                    try {
                        if (jpeg != null) {
                            cn.yingji.hazard.HazardLoadScenario.report(raw, p, jpeg);
                            ok.incrementAndGet();
                            continue;
                        }
                        var r = raw.post(
                                "/api/v1/incidents",
                                json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                "Content-Type",
                                "application/json",
                                "Idempotency-Key",
                                cn.yingji.shared.Uuids.timeOrdered().toString());
                        if (r.status() == 201) ok.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        long cpu1 = machineBusy();
        long p1 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        double rate = ok.get() / (double) seconds;
        System.out.printf(
                "threads %d: %.0f intakes/s; machine CPU %.2f ms/intake, this JVM %.2f ms/intake%n",
                threads, rate, (cpu1 - cpu0) * 10.0 / ok.get(), (p1 - p0) / 1e6 / ok.get());
    }

    /** Busy jiffies of all CPUs (user+nice+system+irq+softirq), 1 jiffy = 10 ms. */
    static long machineBusy() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return Long.parseLong(f[1])
                + Long.parseLong(f[2])
                + Long.parseLong(f[3])
                + Long.parseLong(f[6])
                + Long.parseLong(f[7]);
    }
}
