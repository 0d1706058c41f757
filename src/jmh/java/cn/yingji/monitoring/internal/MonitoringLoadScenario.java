package cn.yingji.monitoring.internal;

import static cn.yingji.bench.LoadSupport.pct;

import cn.yingji.bench.LoadSupport;
import cn.yingji.bench.LoadSupport.Session;
import cn.yingji.geo.Divisions;
import cn.yingji.monitoring.Direction;
import cn.yingji.monitoring.LinkKind;
import cn.yingji.monitoring.MonitoringAdministration;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.NewPoint;
import cn.yingji.monitoring.NewSensor;
import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.SensorKind;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Load scenario of monitoring ingestion (issue 6), the whole application on its embedded PostgreSQL:
 *
 * <ol>
 *   <li>sustained HTTP batch ingest: signed-in {@code POST /api/v1/monitoring/readings} with JSON batches of
 *       {@code batch} readings over {@code sensors} sensors, two clients, for {@code seconds}; readings/s including
 *       parsing, validation, COPY into the partitioned table, rule evaluation and the audit entry;
 *   <li>alarm latency: small batches at a steady pace where every reading crosses a threshold (normal → red →
 *       normal …), latency from sending the request to the alarm event reaching the in-process alarm hub;
 *   <li>MQTT: four publishers, one reading per message (QoS 0), to the embedded broker; messages/s until all are in
 *       committed batches. Twice: with Paho clients (whose per-message hand-over to their sender thread costs about
 *       as much CPU as the broker's side, on the same two cores), and with light publishers that write pre-encoded
 *       MQTT 3.1.1 PUBLISH packets to plain sockets, as load tools such as emqtt-bench do;
 *   <li>beside each, raw PostgreSQL COPY of the same number of rows into the same table in the same run.
 * </ol>
 *
 * <p>Run: {@code ./mvnw -B -Pjmh -Dbuild.dir=/tmp/build-load -DskipTests -Dspotless.check.skip=true compile
 * exec:exec@monitoring-load} (arguments: {@code -Dload.events} = readings per HTTP batch, {@code -Dload.rate} = MQTT
 * messages, {@code -Dload.seconds}).
 */
public final class MonitoringLoadScenario {

    private MonitoringLoadScenario() {}

    public static void main(String[] args) throws Exception {
        int batch = args.length > 0 ? Math.min(100_000, Integer.parseInt(args[0])) : 10_000;
        int mqttMessages = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int sensorCount = 1000;
        try (ConfigurableApplicationContext app = LoadSupport.start(
                "monitoring-load",
                "--yingji.monitoring.sweep-enabled=false",
                "--yingji.monitoring.mqtt.port=0",
                "--yingji.monitoring.mqtt.host=127.0.0.1",
                "--yingji.hazard.sweep-enabled=false")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            DataSource ds = app.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(ds);
            MonitoringAdministration admin = app.getBean(MonitoringAdministration.class);
            Divisions divisions = app.getBean(Divisions.class);
            AlarmHub hub = app.getBean(AlarmHub.class);
            MqttIngest mqtt = app.getBean(MqttIngest.class);
            ReadingWriter writer = app.getBean(ReadingWriter.class);

            List<Sensor> sensors = sensors(admin, divisions, jdbc, sensorCount);
            System.out.printf("registered %d sensors%n", sensors.size());
            Session session = Session.signIn("http://localhost:" + port, "admin", "Demo!2026yj");

            // 1. sustained HTTP batch ingest (values below every threshold: full evaluation, no alarms)
            AtomicLong clock =
                    new AtomicLong(Instant.now().minus(Duration.ofHours(20)).toEpochMilli());
            runHttp(session, sensors, batch, 5, clock); // warm-up
            long before = count(jdbc);
            double[] http = runHttp(session, sensors, batch, seconds, clock);
            long stored = count(jdbc) - before;
            // baseline: raw COPY of the same number of rows (fresh timestamps, same sensors)
            double[] copy = rawCopy(ds, writer, sensors, (int) stored, batch, clock);

            // 2. alarm latency: every reading crosses a threshold
            double[] latency = alarmLatency(session, hub, sensors, seconds, clock);

            // 3. MQTT
            double[] mq = runMqtt(mqtt, jdbc, sensors, mqttMessages, false);
            double[] mqRaw = runMqtt(mqtt, jdbc, sensors, mqttMessages, true);
            double[] mqCopy = rawCopy(ds, writer, sensors, mqttMessages, 2000, clock);

            System.out.println();
            System.out.println("| what | rows | seconds | rows/s |");
            System.out.println("|---|---|---|---|");
            System.out.printf(
                    "| HTTP JSON batches of %,d (2 clients, parse+validate+COPY+rules+audit) | %,d | %.1f | %,.0f |%n",
                    batch, (long) http[0], http[1], http[0] / http[1]);
            System.out.printf(
                    "| baseline: raw COPY, same rows, batches of %,d | %,d | %.1f | %,.0f |%n",
                    batch, (long) copy[0], copy[1], copy[0] / copy[1]);
            System.out.printf(
                    "| MQTT, 1 reading per message, QoS 0, 4 publishers, until stored | %,d | %.1f | %,.0f |%n",
                    (long) mq[0], mq[1], mq[0] / mq[1]);
            System.out.printf(
                    "| MQTT, same, 4 light publishers (pre-encoded PUBLISH packets over plain sockets) | %,d | %.1f | %,.0f |%n",
                    (long) mqRaw[0], mqRaw[1], mqRaw[0] / mqRaw[1]);
            System.out.printf(
                    "| baseline: raw COPY, same rows, batches of 2,000 | %,d | %.1f | %,.0f |%n",
                    (long) mqCopy[0], mqCopy[1], mqCopy[0] / mqCopy[1]);
            double[] sorted = Arrays.stream(latency).sorted().toArray();
            System.out.println();
            System.out.printf(
                    "alarm latency (request sent → alarm event), %d alarms: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    sorted.length,
                    pct(sorted, 50),
                    pct(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
            System.out.printf("readings in the database after the run: %,d%n", count(jdbc));
        }
    }

    static long count(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from monitoring.reading")
                .query(Long.class)
                .single();
    }

    static List<Sensor> sensors(MonitoringAdministration admin, Divisions divisions, JdbcClient jdbc, int n) {
        SecurityContextHolder.clearContext();
        List<double[]> places = cn.yingji.bench.LoadSupport.gridCentresInside(divisions, jdbc);
        List<Sensor> out = new ArrayList<>();
        MonitoringPoint point = null;
        for (int i = 0; i < n; i++) {
            if (i % 10 == 0) {
                double[] p = places.get((i / 10) % places.size());
                point = admin.createPoint(
                        new NewPoint("LOAD-MP-" + i, "负载测试点" + i, LinkKind.PLACE, null, null, p[0], p[1]));
            }
            out.add(admin.addSensor(
                    point.id(),
                    new NewSensor(
                            "LOAD-S-" + i,
                            "负载传感器" + i,
                            SensorKind.FLAMMABLE_GAS,
                            "%LEL",
                            60,
                            Direction.ABOVE,
                            10.0,
                            20.0,
                            30.0,
                            40.0,
                            1.0,
                            100.0,
                            0)));
        }
        return out;
    }

    /** JSON body of {@code size} readings, round-robin over the sensors, one timestamp per sweep of them. */
    static byte[] body(List<Sensor> sensors, int size, AtomicLong clock, double value) {
        StringBuilder sb = new StringBuilder(size * 80).append("{\"readings\":[");
        long t = clock.get();
        for (int i = 0; i < size; i++) {
            if (i > 0 && i % sensors.size() == 0) {
                t += 1000;
            }
            Sensor s = sensors.get(i % sensors.size());
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"sensor\":\"")
                    .append(s.code())
                    .append("\",\"at\":")
                    .append(t)
                    .append(",\"value\":")
                    .append(value + (i % 7) * 0.1)
                    .append('}');
        }
        clock.set(t + 1000);
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static double[] runHttp(Session session, List<Sensor> sensors, int batch, int seconds, AtomicLong clock)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong rows = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            fs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    byte[] b;
                    synchronized (clock) {
                        b = body(sensors, batch, clock, 3.0);
                    }
                    int status = post(session, "/api/v1/monitoring/readings", b);
                    if (status != 200) {
                        throw new IllegalStateException("HTTP " + status);
                    }
                    rows.addAndGet(batch);
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return new double[] {rows.get(), (System.nanoTime() - start) / 1e9};
    }

    static double[] rawCopy(
            DataSource ds, ReadingWriter writer, List<Sensor> sensors, int rows, int batch, AtomicLong clock)
            throws Exception {
        long start = System.nanoTime();
        int done = 0;
        while (done < rows) {
            int n = Math.min(batch, rows - done);
            UUID[] ids = new UUID[n];
            long[] at = new long[n];
            double[] v = new double[n];
            long t = clock.get();
            for (int i = 0; i < n; i++) {
                if (i > 0 && i % sensors.size() == 0) {
                    t += 1000;
                }
                ids[i] = sensors.get(i % sensors.size()).id();
                at[i] = t * 1000;
                v[i] = 3.0;
            }
            clock.set(t + 1000);
            try (Connection con = ds.getConnection()) {
                con.setAutoCommit(false);
                writer.copyRaw(con, new ReadingWriter.Rows(ids, at, v, n), Instant.now());
                con.commit();
            }
            done += n;
        }
        return new double[] {rows, (System.nanoTime() - start) / 1e9};
    }

    static double[] alarmLatency(Session session, AlarmHub hub, List<Sensor> sensors, int seconds, AtomicLong clock)
            throws Exception {
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> latencies = new CopyOnWriteArrayList<>();
        Object key = new Object();
        hub.listen(key, a -> {
            Long sent = sentAt.get(a.readingAt().toEpochMilli());
            if (sent != null && "THRESHOLD".equals(a.kind())) {
                latencies.add((System.nanoTime() - sent) / 1e6);
            }
        });
        try {
            List<Sensor> few = sensors.subList(0, 20);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            boolean high = true;
            while (System.nanoTime() < end) {
                long t;
                byte[] b;
                synchronized (clock) {
                    t = clock.get();
                    b = body(few, few.size(), clock, high ? 45.0 : 1.0);
                }
                sentAt.put(t, System.nanoTime());
                post(session, "/api/v1/monitoring/readings", b);
                high = !high;
                Thread.sleep(100);
            }
            Thread.sleep(500);
        } finally {
            hub.unlisten(key);
        }
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] runMqtt(MqttIngest mqtt, JdbcClient jdbc, List<Sensor> sensors, int messages, boolean light)
            throws Exception {
        long before = count(jdbc);
        long writtenBefore = mqtt.written();
        int publishers = 4;
        List<MqttClient> clients = new ArrayList<>();
        for (int c = 0; c < publishers && !light; c++) {
            MqttClient client = new MqttClient("tcp://127.0.0.1:" + mqtt.port(), "load-" + c, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            o.setMaxInflight(65_535);
            client.connect(o);
            clients.add(client);
        }
        long base = Instant.now().minus(Duration.ofHours(2)).toEpochMilli();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < publishers; c++) {
            int id = c;
            fs.add(pool.submit(() -> {
                if (light) {
                    lightPublisher(mqtt.port(), id, publishers, messages, sensors, base);
                    return null;
                }
                MqttClient client = clients.get(id);
                for (int i = id; i < messages; i += publishers) {
                    Sensor s = sensors.get(i % sensors.size());
                    long t = base + (i / sensors.size()) * 10L + id;
                    byte[] payload =
                            ("{\"at\":" + t + ",\"value\":2." + (i % 10) + "}").getBytes(StandardCharsets.UTF_8);
                    MqttMessage m = new MqttMessage(payload);
                    m.setQos(0);
                    client.publish("yingji/readings/" + s.code(), m);
                }
                return null;
            }));
        }
        // the ingest's own counter is watched beside the publishers (not the table, so the measurement does not
        // compete with ingestion for the database): the time of its last progress, until all are written or nothing
        // has moved for 3 s after the publishers finished (QoS 0 may drop)
        long last = mqtt.written();
        long lastProgress = System.nanoTime();
        long published = 0;
        while (last - writtenBefore < messages
                && (published == 0 || System.nanoTime() - lastProgress < 3_000_000_000L)) {
            Thread.sleep(2);
            if (published == 0 && fs.stream().allMatch(Future::isDone)) {
                published = System.nanoTime();
            }
            long c = mqtt.written();
            if (c != last) {
                last = c;
                lastProgress = System.nanoTime();
            }
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        double secs = (lastProgress - start) / 1e9;
        long stored = count(jdbc) - before;
        System.out.printf(
                "MQTT: %,d written after %.2f s (publishers done after %s)%n",
                last - writtenBefore,
                secs,
                published == 0 ? "the last write" : String.format("%.2f s", (published - start) / 1e9));
        for (MqttClient c : clients) {
            c.disconnect();
            c.close();
        }
        System.out.printf(
                "MQTT: %,d published, %,d received by the platform, %,d stored%n", messages, mqtt.received(), stored);
        return new double[] {stored, secs};
    }

    /**
     * One MQTT 3.1.1 connection that writes its share of the messages as QoS 0 PUBLISH packets through a buffered
     * socket (no per-message thread hand-over), then waits before closing so the broker reads everything.
     */
    static void lightPublisher(int port, int id, int publishers, int messages, List<Sensor> sensors, long base)
            throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            java.io.OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            byte[] clientId = ("light-" + id + "-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream connect = new java.io.ByteArrayOutputStream();
            connect.write(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 60});
            connect.write(clientId.length >> 8);
            connect.write(clientId.length & 0xff);
            connect.write(clientId);
            out.write(0x10);
            writeLength(out, connect.size());
            connect.writeTo(out);
            out.flush();
            byte[] connack = socket.getInputStream().readNBytes(4);
            if (connack.length != 4 || connack[0] != 0x20 || connack[3] != 0) {
                throw new IllegalStateException("MQTT connection refused");
            }
            for (int i = id; i < messages; i += publishers) {
                Sensor s = sensors.get(i % sensors.size());
                long t = base + (i / sensors.size()) * 10L + id;
                byte[] topic = ("yingji/readings/" + s.code()).getBytes(StandardCharsets.UTF_8);
                byte[] payload = ("{\"at\":" + t + ",\"value\":2." + (i % 10) + "}").getBytes(StandardCharsets.UTF_8);
                out.write(0x30);
                writeLength(out, 2 + topic.length + payload.length);
                out.write(topic.length >> 8);
                out.write(topic.length & 0xff);
                out.write(topic);
                out.write(payload);
            }
            out.flush();
            // QoS 0 has no acknowledgement to wait for: a DISCONNECT right after the last PUBLISH lets the broker
            // close the connection with publishes still unread in its socket buffer, so give it time to read them.
            Thread.sleep(3_000);
            out.write(new byte[] {(byte) 0xE0, 0});
            out.flush();
        }
    }

    private static void writeLength(java.io.OutputStream out, int length) throws java.io.IOException {
        do {
            int b = length % 128;
            length /= 128;
            out.write(length > 0 ? b | 0x80 : b);
        } while (length > 0);
    }

    private static int post(Session session, String path, byte[] body) throws Exception {
        HttpResponse<String> r =
                session.post(path, HttpRequest.BodyPublishers.ofByteArray(body), "Content-Type", "application/json");
        if (r.statusCode() != 200) {
            System.out.println(r.body()); // a refused batch: show why beside the figures
        }
        return r.statusCode();
    }
}
