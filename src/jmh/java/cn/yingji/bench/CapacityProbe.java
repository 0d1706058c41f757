package cn.yingji.bench;

import cn.yingji.bench.LoadSupport.Session;
import cn.yingji.hazard.HazardLoadScenario;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How much intake the machine takes, and what one intake costs: the whole application on an empty embedded database
 * with the demo city, then rounds of back-to-back requests from {@code threads} threads (closed loop), each round
 * printing the rate and the machine's CPU time per request (all processes: server, PostgreSQL, this generator) and
 * this JVM's. Consecutive rounds show how long the JIT needs on this machine before the figures settle, which is
 * how the warm-up of the load scenarios was chosen.
 *
 * <p>Run: {@code ./mvnw -B -Pjmh -Dbuild.dir=/tmp/build-load -DskipTests -Dspotless.check.skip=true compile
 * exec:exec@capacity-probe} with {@code -Dprobe.kind=incident|hazard -Dprobe.threads=8 -Dprobe.seconds=30
 * -Dprobe.rounds=8}.
 */
public final class CapacityProbe {

    private CapacityProbe() {}

    public static void main(String[] args) throws Exception {
        boolean hazard = args[0].equals("hazard");
        int threads = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        try (ConfigurableApplicationContext app = LoadSupport.start("probe")) {
            int port = LoadSupport.port(app);
            List<double[]> points = LoadSupport.gridCentresInside(app);
            byte[] jpeg = LoadSupport.jpeg(20 * 1024);
            RawHttp http = Session.signIn("http://localhost:" + port, hazard ? "admin" : "duty", "Demo!2026yj")
                    .raw();
            Random random = new Random(42);
            LoadSupport.Call call = hazard
                    ? i -> HazardLoadScenario.report(http, points.get(random.nextInt(points.size())), jpeg)
                    : i -> incident(http, points.get(random.nextInt(points.size())), random);
            System.out.printf("| round | s | %s/s | machine CPU ms each | this JVM's CPU ms each |%n", args[0]);
            System.out.println("|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                long machine0 = machineBusyMs();
                long jvm0 = jvmCpuNs();
                long ok = LoadSupport.closedLoop(threads, seconds, call);
                System.out.printf(
                        "| %d | %d | %.0f | %.2f | %.2f |%n",
                        round,
                        seconds,
                        ok / (double) seconds,
                        (machineBusyMs() - machine0) / (double) ok,
                        (jvmCpuNs() - jvm0) / 1e6 / ok);
            }
        }
    }

    private static void incident(RawHttp http, double[] p, Random random) throws Exception {
        String json = """
                {"typeCode":"INDUSTRIAL_TRADE","occurredAt":"%s","lon":%s,"lat":%s,"channel":"PHONE",
                 "casualties":{"deaths":%d,"missing":0,"seriouslyInjured":%d,"trapped":0,"minorInjuries":0,
                 "directLoss":0},"description":"负载测试","drill":false}""".formatted(
                        java.time.Instant.now().minusSeconds(60), p[0], p[1], random.nextInt(3), random.nextInt(5));
        RawHttp.Response r = http.post(
                "/api/v1/incidents",
                json.getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                cn.yingji.shared.Uuids.timeOrdered().toString());
        if (r.status() != 201) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
    }

    private static long jvmCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Busy time of all CPUs from /proc/stat (user, nice, system, irq, softirq) in ms; a tick is 10 ms. */
    private static long machineBusyMs() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return 10
                * (Long.parseLong(f[1])
                        + Long.parseLong(f[2])
                        + Long.parseLong(f[3])
                        + Long.parseLong(f[6])
                        + Long.parseLong(f[7]));
    }
}
