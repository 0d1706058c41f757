package cn.yingji.callout.internal;

import cn.yingji.YingjiApplication;
import cn.yingji.callout.CalloutPolicy;
import cn.yingji.callout.PolicyTier;
import cn.yingji.callout.StartCampaign;
import cn.yingji.callout.TierLevel;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.PositionKinds;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.notify.Channel;
import cn.yingji.notify.SmsVoiceGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Load scenario of the 叫应 chain (issue 7): the whole application on its embedded PostgreSQL with the demo city and
 * {@code persons} extra persons (each with a mobile number), then
 *
 * <ol>
 *   <li>baseline: the raw batched-JDBC insert rate of the same rows a campaign writes (one call, one timer, one
 *       message per person) into look-alike tables;
 *   <li>fan-out: one campaign to all of them, timed until every first attempt has been handed to the SMS gateway (a
 *       counting gateway that accepts and reports nothing, so receipts do not compete);
 *   <li>escalation lateness: with every call of the campaign still open, 2,000 timers brought due 5 ms apart;
 *       lateness = when the poller fired each, minus when it was due;
 *   <li>answers: 2,000 "received" answers one transaction each from 16 threads (the single path), then
 *       {@code answers} through the {@link AnswerAbsorber} from 400 waiting callers, beside a raw batched UPDATE of
 *       the same rows.
 * </ol>
 *
 * Prints a Markdown table. Run: {@code ./mvnw -B -Pjmh -Dbuild.dir=/tmp/build-load -DskipTests
 * -Dspotless.check.skip=true compile exec:exec@callout-load} (arguments: {@code -Dload.events} persons,
 * {@code -Dload.rate} answers).
 */
public final class CalloutLoadScenario {

    private CalloutLoadScenario() {}

    /** Counts submissions; delivers nothing. */
    static final class CountingGateway implements SmsVoiceGateway {
        final AtomicInteger submitted = new AtomicInteger();
        final AtomicLong lastAt = new AtomicLong();

        @Override
        public void submit(GatewayMessage message) {
            submitted.incrementAndGet();
            lastAt.set(System.nanoTime());
        }
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int answers = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path data = Files.createTempDirectory("yingji-callout-load");
        CountingGateway gateway = new CountingGateway();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YingjiApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchGateway", gateway))
                .run(
                        "--server.port=0",
                        "--yingji.db.embedded.data-dir=" + data,
                        "--yingji.db.embedded.port=0",
                        "--yingji.db.embedded.clean=true",
                        "--logging.level.root=WARN",
                        "--yingji.notify.gateway=bench",
                        "--yingji.callout.timer-interval=PT0.2S",
                        "--yingji.hazard.sweep-enabled=false",
                        "--spring.datasource.hikari.maximum-pool-size=24")) {
            SecurityContextHolder.clearContext();
            DataSource ds = app.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(ds);
            CampaignEngine engine = app.getBean(CampaignEngine.class);
            String path = "/340100000000/340102000000/";
            long t = System.nanoTime();
            jdbc.sql("""
                            insert into directory.persons (id, name, division_path, title)
                            select md5('bench-' || g)::uuid, '压测责任人' || g, :p, '网格员' from generate_series(1, :n) g
                            """).param("p", path).param("n", persons).update();
            jdbc.sql("""
                            insert into directory.contact_channels (person_id, preference, type, value, verified)
                            select md5('bench-' || g)::uuid, 1, 'MOBILE', '138' || lpad(g::text, 8, '0'), true
                            from generate_series(1, :n) g
                            """).param("n", persons).update();
            System.out.printf("seeded %,d persons in %.1f s%n", persons, (System.nanoTime() - t) / 1e9);

            // 1. baseline: the same rows, batched raw INSERTs
            double baselineSeconds = baseline(ds, persons);

            // 2. fan-out
            PolicyTier tier = new PolicyTier(
                    "grid", "网格员", TierLevel.COUNTY, List.of(PositionKinds.GRID_WORKER), true, PolicyTier.DUTY_OFFICER);
            CalloutPolicy policy =
                    new CalloutPolicy(WarningLevel.RED, List.of(tier), List.of(Channel.SMS), Duration.ofMinutes(30), 2);
            List<CallListResolver.Entry> entries = new ArrayList<>(persons);
            for (int g = 1; g <= persons; g++) {
                PersonId p = new PersonId(md5Uuid("bench-" + g));
                entries.add(new CallListResolver.Entry(
                        0,
                        "grid",
                        null,
                        "压测岗位" + g,
                        PositionKinds.GRID_WORKER,
                        path,
                        p,
                        "压测责任人" + g,
                        List.of(Channel.SMS)));
            }
            long f0 = System.nanoTime();
            UUID campaign = engine.startWith(
                            new StartCampaign(WarningLevel.RED, "压测红色预警", "压测", List.of(path), true, null),
                            policy,
                            entries)
                    .value();
            long committed = System.nanoTime();
            while (gateway.submitted.get() < persons && System.nanoTime() - f0 < 120_000_000_000L) {
                Thread.sleep(20);
            }
            double fanOutSeconds = (gateway.lastAt.get() - f0) / 1e9;
            double commitSeconds = (committed - f0) / 1e9;
            System.out.printf(
                    "fan-out: %,d handed to the gateway in %.2f s (campaign committed after %.2f s)%n",
                    gateway.submitted.get(), fanOutSeconds, commitSeconds);

            // 3. escalation lateness with every call of the campaign open (before any is answered)
            int open = jdbc.sql("select count(*) from callout.call where campaign_id = :c and state = 'CALLING'")
                    .param("c", campaign)
                    .query(Integer.class)
                    .single();
            ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
            engine.latenessProbe(lateness::add);
            List<UUID> sample =
                    jdbc.sql("""
                            select call_id from callout.due d join callout.call k on k.id = d.call_id
                            where k.campaign_id = :c and d.state = 'PENDING' order by random() limit 2000
                            """).param("c", campaign).query(UUID.class).list();
            Instant base = Instant.now().plusSeconds(2);
            try (Connection c = ds.getConnection();
                    PreparedStatement st = c.prepareStatement(
                            "update callout.due set due_at = ? where call_id = ? and state = 'PENDING'")) {
                for (int i = 0; i < sample.size(); i++) {
                    st.setTimestamp(1, Timestamp.from(base.plusMillis(i * 5L)));
                    st.setObject(2, sample.get(i));
                    st.addBatch();
                }
                st.executeBatch();
            }
            long l0 = System.nanoTime();
            while (lateness.size() < sample.size() && System.nanoTime() - l0 < 60_000_000_000L) {
                Thread.sleep(100);
            }
            engine.latenessProbe(null);
            long[] late = lateness.stream().mapToLong(Long::longValue).sorted().toArray();

            // 4. answers (to calls still calling): (a) the single path for a same-run comparison, (b) through the
            // absorber, (c) raw baseline
            List<UUID> calls = jdbc.sql(
                            "select id from callout.call where campaign_id = :c and state = 'CALLING' order by id")
                    .param("c", campaign)
                    .query(UUID.class)
                    .list();
            int single = Math.min(2_000, calls.size() / 10);
            int absorbed = Math.min(answers, calls.size() - single);
            AtomicInteger singleOk = new AtomicInteger();
            double singleSeconds = answerFrom(16, calls.subList(0, single), c -> {
                engine.answer(c, CampaignEngine.Action.RECEIVED, null, null, "SMS");
                singleOk.incrementAndGet();
            });
            System.out.printf(
                    "answers, single path: %,d in %.2f s = %,.0f/s%n",
                    singleOk.get(), singleSeconds, singleOk.get() / singleSeconds);
            AnswerAbsorber absorber = app.getBean(AnswerAbsorber.class);
            AtomicInteger ok = new AtomicInteger();
            double answerSeconds = answerFrom(400, calls.subList(single, single + absorbed), c -> {
                absorber.answer(c, CampaignEngine.Action.RECEIVED, null, null, "SMS");
                ok.incrementAndGet();
            });
            System.out.printf(
                    "answers, absorber: %,d in %.2f s = %,.0f/s%n", ok.get(), answerSeconds, ok.get() / answerSeconds);
            int durable = jdbc.sql("select count(*) from callout.call where campaign_id = :c and state = 'ANSWERED'")
                    .param("c", campaign)
                    .query(Integer.class)
                    .single();
            double rawSeconds = rawAnswers(ds, absorbed);
            System.out.printf("answers, raw batched UPDATE: %,d in %.2f s%n", absorbed, rawSeconds);

            System.out.println();
            System.out.println("| what | n | result |");
            System.out.println("|---|---|---|");
            System.out.printf(
                    "| baseline: raw batched INSERT of the same rows (call + timer + message per person) | %,d | %.2f s (%,.0f persons/s) |%n",
                    persons, baselineSeconds, persons / baselineSeconds);
            System.out.printf(
                    "| fan-out: campaign start until every first attempt is handed to the gateway | %,d | %.2f s (%,.0f/s; committed after %.2f s) |%n",
                    persons, fanOutSeconds, persons / fanOutSeconds, commitSeconds);
            System.out.printf(
                    "| baseline: raw batched UPDATE of the same answer rows (call + timer cancel, 400 per transaction, 1 thread) | %,d | %,.0f/s |%n",
                    absorbed, absorbed / rawSeconds);
            System.out.printf(
                    "| answers \"received\" through the absorber (400 waiting callers, batches of up to 400 per transaction; %,d calls ANSWERED after) | %,d | %,.0f/s |%n",
                    durable, ok.get(), ok.get() / answerSeconds);
            System.out.printf(
                    "| answers \"received\" one transaction each (the old path), 16 threads | %,d | %,.0f/s |%n",
                    singleOk.get(), singleOk.get() / singleSeconds);
            System.out.printf(
                    "| escalation timers fired with %,d calls open: lateness p50 / p99 / max | %,d | %d / %d / %d ms |%n",
                    open, late.length, pct(late, 50), pct(late, 99), late.length == 0 ? 0 : late[late.length - 1]);
        }
        System.exit(0);
    }

    private static UUID md5Uuid(String s) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("MD5")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (d[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lo = (lo << 8) | (d[i] & 0xff);
        }
        return new UUID(hi, lo);
    }

    /** Answers the given calls from {@code threads} threads; returns the seconds taken. */
    private static double answerFrom(int threads, List<UUID> calls, java.util.function.Consumer<UUID> answer)
            throws InterruptedException {
        ConcurrentLinkedQueue<UUID> queue = new ConcurrentLinkedQueue<>(calls);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        long a0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                SecurityContextHolder.clearContext();
                UUID c;
                while ((c = queue.poll()) != null) {
                    try {
                        answer.accept(c);
                    } catch (RuntimeException e) {
                        // counted as not absorbed
                    }
                }
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - a0) / 1e9;
        pool.shutdown();
        return seconds;
    }

    /** The raw rate: the same answer rows updated by batched JDBC (call + timer cancel), 400 per transaction. */
    private static double rawAnswers(DataSource ds, int n) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("create unique index if not exists bench_call_id on bench.call (id)");
            c.createStatement()
                    .execute(
                            "create index if not exists bench_due_call on bench.due (call_id) where state = 'PENDING'");
            c.createStatement().execute("analyze bench.call");
            c.createStatement().execute("analyze bench.due");
            List<UUID> ids = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("select id from bench.call order by id limit " + n)) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement call = c.prepareStatement("""
                            update bench.call set state = 'ANSWERED', answered_at = coalesce(answered_at, ?),
                                reached_at = coalesce(reached_at, ?), updated_at = ? where id = ?
                            """);
                    PreparedStatement due = c.prepareStatement(
                            "update bench.due set state = 'CANCELLED' where call_id = ? and state = 'PENDING'")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < ids.size(); i++) {
                    call.setTimestamp(1, now);
                    call.setTimestamp(2, now);
                    call.setTimestamp(3, now);
                    call.setObject(4, ids.get(i));
                    call.addBatch();
                    due.setObject(1, ids.get(i));
                    due.addBatch();
                    if ((i + 1) % 400 == 0 || i == ids.size() - 1) {
                        call.executeBatch();
                        due.executeBatch();
                        c.commit();
                    }
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            c.setAutoCommit(true);
            return s;
        }
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double baseline(DataSource ds, int n) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("create schema if not exists bench");
            c.createStatement().execute("create table if not exists bench.call (like callout.call including defaults)");
            c.createStatement().execute("create table if not exists bench.due (like callout.due including defaults)");
            c.createStatement()
                    .execute("create table if not exists bench.message (like notify.message including defaults)");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement call = c.prepareStatement("""
                            insert into bench.call (id, campaign_id, tier_key, tier_index, position_name, position_kind,
                                division_path, person_id, person_name, state, attempts, reason, created_at, updated_at)
                            values (?, ?, 'grid', 0, ?, 'GRID_WORKER', '/340100000000/340102000000/', ?, ?, 'CALLING', 1,
                                'FIRST', ?, ?)
                            """);
                    PreparedStatement due = c.prepareStatement(
                            "insert into bench.due (id, call_id, kind, due_at, state) values (?, ?, 'RETRY', ?, 'PENDING')");
                    PreparedStatement msg = c.prepareStatement("""
                            insert into bench.message (id, person_id, person_name, division_path, channel, address, subject,
                                body, link, source, correlation, state, created_at)
                            values (?, ?, ?, '/340100000000/340102000000/', 'SMS', ?, '压测', '压测', '/ack/x', 'callout', ?,
                                'QUEUED', ?)
                            """)) {
                UUID campaign = UUID.randomUUID();
                for (int i = 1; i <= n; i++) {
                    UUID id = UUID.randomUUID();
                    UUID person = UUID.randomUUID();
                    call.setObject(1, id);
                    call.setObject(2, campaign);
                    call.setString(3, "压测岗位" + i);
                    call.setObject(4, person);
                    call.setString(5, "压测责任人" + i);
                    call.setTimestamp(6, now);
                    call.setTimestamp(7, now);
                    call.addBatch();
                    due.setLong(1, i);
                    due.setObject(2, id);
                    due.setTimestamp(3, now);
                    due.addBatch();
                    msg.setObject(1, UUID.randomUUID());
                    msg.setObject(2, person);
                    msg.setString(3, "压测责任人" + i);
                    msg.setString(4, "138" + i);
                    msg.setString(5, id.toString());
                    msg.setTimestamp(6, now);
                    msg.addBatch();
                    if (i % 1000 == 0 || i == n) {
                        call.executeBatch();
                        due.executeBatch();
                        msg.executeBatch();
                    }
                }
            }
            c.commit();
            double s = (System.nanoTime() - t0) / 1e9;
            c.setAutoCommit(true);
            return s;
        }
    }
}
