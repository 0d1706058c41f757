package cn.yingji.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.yingji.exchange.ExchangeAdministration.NewApiClient;
import cn.yingji.exchange.ExchangeAdministration.NewSubscription;
import cn.yingji.support.YingjiTest;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load scenario (not part of the normal build): sync throughput through the open API beside the same keyset query in
 * plain SQL, and webhook delivery rate beside plain signed HTTP posts without the queue, in the same run. Run with
 * {@code ./mvnw -B -o -Dbuild.dir=$BUILD -Dspotless.check.skip=true test -Dtest=ExchangeLoadScenario
 * -Dexchange.bench=true}; results go to standard output (lines starting with {@code BENCH}).
 */
@YingjiTest
@EnabledIfSystemProperty(named = "exchange.bench", matches = "true")
class ExchangeLoadScenario {

    static final int CHANGES = Integer.getInteger("exchange.bench.changes", 100_000);
    static final int DELIVERIES = Integer.getInteger("exchange.bench.deliveries", 5_000);
    static final int PAGE = 1000;

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ExchangeAdministration admin;
    private final Webhooks webhooks;

    ExchangeLoadScenario(
            MockMvc mvc, JdbcClient jdbc, JsonMapper json, ExchangeAdministration admin, Webhooks webhooks) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.json = json;
        this.admin = admin;
        this.webhooks = webhooks;
    }

    /** Prints why the line is printed: these are the benchmark's results, read by a person into benchmarks.md. */
    private static void report(String format, Object... args) {
        System.out.println("BENCH " + String.format(java.util.Locale.ROOT, format, args));
    }

    private static long p(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    @Test
    void syncThroughputBesidePlainSql() throws Exception {
        SecurityContextHolder.clearContext();
        // half in 瑶海区 (the client's), half in 庐阳区 (filtered out)
        jdbc.sql("""
                        insert into exchange.change_log (resource, entity_id, change, division_path, division_paths,
                                                         lon, lat, snapshot)
                        select 'teams', gen_random_uuid(), 'TeamStatusChanged', x.p, array[x.p], 117.3, 31.85,
                               jsonb_build_object('name', '压测队伍 ' || g, 'kind', 'FIRE', 'divisionPath', x.p,
                                                  'status', 'STANDBY', 'headcount', 20, 'readiness', 90,
                                                  'capabilities', jsonb_build_array('FIRE', 'RESCUE'))
                        from generate_series(1, :n) g,
                             lateral (select case when g % 2 = 0 then '/340100000000/340102000000/340102001000/'
                                                  else '/340100000000/340103000000/340103001000/' end as p) x
                        """).param("n", CHANGES).update();
        jdbc.sql("analyze exchange.change_log").update();
        var key = admin.createClient(new NewApiClient(
                "压测部门", "sync " + UUID.randomUUID(), Set.of(SharedResource.TEAMS), List.of("340102000000"), 100_000));
        for (int round = 0; round < 2; round++) { // round 0 warms up
            // open API, full stack (key filter, rate limit, usage log, JSON) through MockMvc
            List<Long> pageNanos = new ArrayList<>();
            long rows = 0;
            String cursor = "0.0";
            long start = System.nanoTime();
            while (true) {
                long t = System.nanoTime();
                MockHttpServletResponse res = mvc.perform(
                                get("/api/open/v1/teams/changes?limit=" + PAGE + "&cursor=" + cursor)
                                        .header("X-Api-Key", key.key()))
                        .andReturn()
                        .getResponse();
                pageNanos.add(System.nanoTime() - t);
                JsonNode page = json.readTree(res.getContentAsString(StandardCharsets.UTF_8));
                rows += page.get("items").size();
                cursor = page.get("nextCursor").asString();
                if (!page.get("hasMore").asBoolean()) {
                    break;
                }
            }
            double apiSeconds = (System.nanoTime() - start) / 1e9;
            long[] sorted =
                    pageNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            // plain SQL: the same keyset query, rows read as text, nothing else
            List<Long> sqlNanos = new ArrayList<>();
            long sqlRows = 0;
            String tx = "0";
            long seq = 0;
            long sqlStart = System.nanoTime();
            while (true) {
                long t = System.nanoTime();
                List<String[]> got = jdbc.sql("select tx_id::text, seq, snapshot::text from exchange.change_log"
                                + " where resource = 'teams' and (tx_id, seq) > (cast(:tx as xid8), :seq)"
                                + " and tx_id < pg_snapshot_xmin(pg_current_snapshot())"
                                + " and exists (select 1 from unnest(division_paths) p where p like any (array[:pat]))"
                                + " order by tx_id, seq limit :l")
                        .param("tx", tx)
                        .param("seq", seq)
                        .param("pat", List.of("/340100000000/340102000000/%"))
                        .param("l", PAGE)
                        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        .list();
                sqlNanos.add(System.nanoTime() - t);
                sqlRows += got.size();
                if (got.size() < PAGE) {
                    break;
                }
                tx = got.get(got.size() - 1)[0];
                seq = Long.parseLong(got.get(got.size() - 1)[1]);
            }
            double sqlSeconds = (System.nanoTime() - sqlStart) / 1e9;
            long[] sqlSorted =
                    sqlNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (round == 1) {
                assertThat(rows).isEqualTo(sqlRows).isGreaterThanOrEqualTo(CHANGES / 2);
                report(
                        "sync open-api rows=%d pages=%d seconds=%.2f rows/s=%.0f page p50=%.1fms p95=%.1fms max=%.1fms",
                        rows,
                        sorted.length,
                        apiSeconds,
                        rows / apiSeconds,
                        p(sorted, .5) / 1e6,
                        p(sorted, .95) / 1e6,
                        sorted[sorted.length - 1] / 1e6);
                report(
                        "sync plain-sql rows=%d pages=%d seconds=%.2f rows/s=%.0f page p50=%.1fms p95=%.1fms max=%.1fms",
                        sqlRows,
                        sqlSorted.length,
                        sqlSeconds,
                        sqlRows / sqlSeconds,
                        p(sqlSorted, .5) / 1e6,
                        p(sqlSorted, .95) / 1e6,
                        sqlSorted[sqlSorted.length - 1] / 1e6);
            }
        }
    }

    @Test
    void webhookDeliveryRateBesidePlainHttp() throws Exception {
        SecurityContextHolder.clearContext();
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", ex -> {
            ex.getRequestBody().readAllBytes();
            hits.incrementAndGet();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            UUID sub = admin.subscribe(new NewSubscription(
                    null,
                    "压测接收方",
                    url,
                    "benchmark-secret-123456",
                    Set.of(WebhookEvent.TEAM_STATUS_CHANGED),
                    List.of("340102000000")));
            String payload = "{\"type\":\"team.status-changed\",\"data\":{\"name\":\"压测队伍\",\"status\":\"STANDBY\"}}";
            jdbc.sql("""
                            insert into exchange.webhook_deliveries (id, subscription_id, event_type, division_path,
                                                                     payload, state, next_attempt_at)
                            select gen_random_uuid(), :s, 'team.status-changed', '/340100000000/340102000000/',
                                   :p, 'PENDING', now() - interval '1 second'
                            from generate_series(1, :n)
                            """)
                    .param("s", sub)
                    .param("p", payload)
                    .param("n", DELIVERIES)
                    .update();
            long start = System.nanoTime();
            while (jdbc.sql("select count(*) from exchange.webhook_deliveries where subscription_id = :s"
                                    + " and state = 'PENDING'")
                            .param("s", sub)
                            .query(Long.class)
                            .single()
                    > 0) {
                webhooks.deliverDue(Instant.now());
            }
            double queueSeconds = (System.nanoTime() - start) / 1e9;
            long delivered = jdbc.sql("select count(*) from exchange.webhook_deliveries where subscription_id = :s"
                            + " and state = 'DELIVERED'")
                    .param("s", sub)
                    .query(Long.class)
                    .single();
            assertThat(delivered).isEqualTo(DELIVERIES);
            report(
                    "webhook queue deliveries=%d seconds=%.2f deliveries/s=%.0f (claim SKIP LOCKED, sign, POST, attempt log, update)",
                    delivered, queueSeconds, delivered / queueSeconds);
            // baseline: the same signed POSTs in batches of 50, no database
            HttpClient http = HttpClient.newHttpClient();
            byte[] body = payload.getBytes(StandardCharsets.UTF_8);
            int before = hits.get();
            long plainStart = System.nanoTime();
            for (int sent = 0; sent < DELIVERIES; sent += 50) {
                CompletableFuture<?>[] batch = new CompletableFuture<?>[Math.min(50, DELIVERIES - sent)];
                for (int i = 0; i < batch.length; i++) {
                    long ts = Instant.now().getEpochSecond();
                    batch[i] = http.sendAsync(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                                    .header(
                                            WebhookSignature.SIGNATURE_HEADER,
                                            WebhookSignature.sign("benchmark-secret-123456", ts, body))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                CompletableFuture.allOf(batch).join();
            }
            double plainSeconds = (System.nanoTime() - plainStart) / 1e9;
            report(
                    "webhook plain-http posts=%d seconds=%.2f posts/s=%.0f (same signing, batches of 50, no queue)",
                    hits.get() - before, plainSeconds, (hits.get() - before) / plainSeconds);
            report(
                    "machine cores=%d %s",
                    Runtime.getRuntime().availableProcessors(),
                    Arrays.toString(new String[] {System.getProperty("java.version")}));
        } finally {
            server.stop(0);
        }
    }
}
