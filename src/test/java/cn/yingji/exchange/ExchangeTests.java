package cn.yingji.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yingji.exchange.ExchangeAdministration.IssuedKey;
import cn.yingji.exchange.ExchangeAdministration.NewApiClient;
import cn.yingji.exchange.ExchangeAdministration.NewSubscription;
import cn.yingji.geo.Divisions;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.monitoring.WarningId;
import cn.yingji.monitoring.WarningIssued;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.monitoring.WarningUpdated;
import cn.yingji.resource.RegistryKind;
import cn.yingji.resource.ResourceRegistries;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The open API, the change feed, webhooks and the import centre, end to end against the demo city. */
@YingjiTest
class ExchangeTests {

    static final String YAOHAI = "/340100000000/340102000000/";
    static final String LUYANG = "/340100000000/340103000000/";

    private final MockMvc mvc;
    private final TestUsers users;
    private final ExchangeAdministration admin;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final IncidentManagement incidents;
    private final ResourceRegistries registries;
    private final RequestMappingHandlerMapping mappings;
    private final Webhooks webhooks;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    record Received(Map<String, String> headers, byte[] body) {}

    ExchangeTests(
            MockMvc mvc,
            TestUsers users,
            ExchangeAdministration admin,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            JsonMapper json,
            JdbcClient jdbc,
            Divisions divisions,
            IncidentManagement incidents,
            ResourceRegistries registries,
            Webhooks webhooks,
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                    RequestMappingHandlerMapping mappings) {
        this.mvc = mvc;
        this.users = users;
        this.admin = admin;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.incidents = incidents;
        this.registries = registries;
        this.webhooks = webhooks;
        this.mappings = mappings;
    }

    @BeforeEach
    void receiver() throws Exception {
        SecurityContextHolder.clearContext();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(headers, body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        SecurityContextHolder.clearContext();
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private IssuedKey client(String name, String divisionCode, int rate, SharedResource... scopes) {
        SecurityContextHolder.clearContext();
        return admin.createClient(new NewApiClient("测试部门", name, Set.of(scopes), List.of(divisionCode), rate));
    }

    private IssuedKey yaohaiClient() {
        return client("瑶海只读 " + UUID.randomUUID(), "340102000000", 10_000, SharedResource.values());
    }

    private WarningId warning(String path, String title) {
        WarningId id = new WarningId(UUID.randomUUID());
        String code = path.substring(path.length() - 13, path.length() - 1);
        tx.executeWithoutResult(s -> events.publishEvent(new WarningIssued(
                id,
                WarningLevel.ORANGE,
                "RAINSTORM",
                title,
                List.of(code),
                List.of(path),
                "合肥市气象局",
                true,
                false,
                Instant.now(),
                null,
                Instant.now())));
        return id;
    }

    private MockHttpServletResponse open(String url, String key) throws Exception {
        return mvc.perform(get(url).header("X-Api-Key", key)).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse res) throws Exception {
        return json.readTree(res.getContentAsString(StandardCharsets.UTF_8));
    }

    /** Pages through the whole feed from {@code cursor}; returns the items and the final cursor. */
    private record Drained(List<JsonNode> items, String cursor) {}

    private Drained drain(String resource, String key, String cursor, int limit) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        while (true) {
            JsonNode page =
                    body(open("/api/open/v1/" + resource + "/changes?limit=" + limit + "&cursor=" + cursor, key));
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").asString();
            if (!page.get("hasMore").asBoolean()) {
                return new Drained(items, cursor);
            }
        }
    }

    /** Runs the dispatcher until the test receiver has had a delivery (deliveries are sent in the background). */
    private void deliverUntilReceived() {
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> {
                    webhooks.deliverDue(Instant.now());
                    return !received.isEmpty();
                });
    }

    /**
     * The feed shows a row once every transaction that started before its own has ended; background jobs of the
     * test application may hold one open for a moment, so wait (bounded) until the row shows.
     */
    private Drained drainUntil(String resource, String key, String cursor, String wantedId) throws Exception {
        return Awaitility.await(wantedId + " never appeared in the " + resource + " feed")
                .atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(
                        () -> drain(resource, key, cursor, 500),
                        d -> d.items().stream()
                                .anyMatch(n -> n.get("id").asString().equals(wantedId)));
    }

    @Test
    void badOrMissingKeysAre401AndASessionWithoutKeyIs403() throws Exception {
        assertThat(mvc.perform(get("/api/open/v1/events/changes"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(open("/api/open/v1/events/changes", "yjk_00000000_" + "0".repeat(40))
                        .getStatus())
                .isEqualTo(401);
        assertThat(open("/api/open/v1/events/changes", "not-a-key").getStatus()).isEqualTo(401);
        IssuedKey key = yaohaiClient();
        assertThat(mvc.perform(get("/api/open/v1/events/changes").header("Authorization", "Bearer " + key.key()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        // rotation invalidates the old key at once; revocation the new one
        IssuedKey rotated = admin.rotateKey(key.clientId());
        assertThat(open("/api/open/v1/events/changes", key.key()).getStatus()).isEqualTo(401);
        assertThat(open("/api/open/v1/events/changes", rotated.key()).getStatus())
                .isEqualTo(200);
        admin.revoke(key.clientId());
        assertThat(open("/api/open/v1/events/changes", rotated.key()).getStatus())
                .isEqualTo(401);
        // a platform session is not an API key
        assertThat(mvc.perform(get("/api/open/v1/events/changes").with(users.as("admin")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isIn(401, 403);
    }

    @Test
    void geoJsonExportForUsersIsScopedToTheirJurisdiction() throws Exception {
        incidentIn("340103000000", "庐阳导出事故");
        for (String resource : List.of("events", "hazards", "teams")) {
            MockHttpServletResponse res = mvc.perform(
                            get("/api/v1/exchange/geojson?resource=" + resource).with(users.as("district.yaohai")))
                    .andReturn()
                    .getResponse();
            assertThat(res.getStatus()).as(resource).isEqualTo(200);
            assertThat(res.getContentType()).startsWith("application/geo+json");
            JsonNode fc = body(res);
            assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
            assertThat(fc.has("crs")).isFalse();
            String text = res.getContentAsString(StandardCharsets.UTF_8);
            assertThat(text).as(resource).doesNotContain("/340103000000/", "庐阳导出事故");
            fc.get("features").forEach(f -> {
                double lon = f.get("geometry").get("coordinates").get(0).asDouble();
                assertThat(lon).as("[lon, lat] order").isBetween(116.0, 118.5);
            });
        }
        assertThat(body(mvc.perform(get("/api/v1/exchange/geojson?resource=events")
                                        .with(users.as("duty")))
                                .andReturn()
                                .getResponse())
                        .get("features")
                        .size())
                .isPositive();
    }

    @Test
    void pagesRenderForAnAdministrator() throws Exception {
        IssuedKey key = yaohaiClient();
        for (String url : List.of(
                "/exchange/catalogue",
                "/exchange/clients",
                "/exchange/clients/" + key.clientId(),
                "/exchange/webhooks",
                "/exchange/import")) {
            MockHttpServletResponse res =
                    mvc.perform(get(url).with(users.as("admin"))).andReturn().getResponse();
            assertThat(res.getStatus()).as(url).isEqualTo(200);
            assertThat(res.getContentAsString(StandardCharsets.UTF_8)).as(url).doesNotContain("??exchange");
        }
        MockHttpServletResponse created = mvc.perform(post("/exchange/clients")
                        .with(users.as("admin"))
                        .with(csrf())
                        .param("department", "市气象局")
                        .param("name", "页面创建")
                        .param("scopes", "warnings")
                        .param("divisionCodes", "340102000000")
                        .param("ratePerMinute", "60"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(200);
        assertThat(created.getContentAsString(StandardCharsets.UTF_8)).contains("issued-key", "yjk_");
    }

    @Test
    void rateLimitAnswers429WithRetryAfterAndTheUsageLogRecordsIt() throws Exception {
        IssuedKey key = client("限速 " + UUID.randomUUID(), "340102000000", 3, SharedResource.EVENTS);
        for (int i = 0; i < 3; i++) {
            assertThat(open("/api/open/v1/events/changes", key.key()).getStatus())
                    .isEqualTo(200);
        }
        MockHttpServletResponse refused = open("/api/open/v1/events/changes", key.key());
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isPositive();
        List<Integer> statuses = jdbc.sql("select status from exchange.usage_log where client_id = :c order by id")
                .param("c", key.clientId())
                .query(Integer.class)
                .list();
        assertThat(statuses).containsExactly(200, 200, 200, 429);
    }

    @Test
    void scopesLimitTheResources() throws Exception {
        IssuedKey key = client("仅事件 " + UUID.randomUUID(), "340102000000", 1000, SharedResource.EVENTS);
        assertThat(open("/api/open/v1/events/changes", key.key()).getStatus()).isEqualTo(200);
        assertThat(open("/api/open/v1/hazards/changes", key.key()).getStatus()).isEqualTo(403);
        assertThat(open("/api/open/v1/warnings/geojson", key.key()).getStatus()).isEqualTo(403);
        assertThat(open("/api/open/v1/nonsense/changes", key.key()).getStatus()).isEqualTo(404);
    }

    @Test
    void syncCursorPagesInOrderWithoutGapsOrRepeats() throws Exception {
        IssuedKey key = yaohaiClient();
        WarningId first = warning(YAOHAI, "游标起点");
        String start =
                drainUntil("warnings", key.key(), "0.0", first.toString()).cursor();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(warning(YAOHAI + "340102001000/", "游标 " + i).toString());
        }
        drainUntil("warnings", key.key(), start, ids.get(4));
        // pages of two: 2 + 2 + 1, in publication order, each with the cursor of its last item
        JsonNode p1 = body(open("/api/open/v1/warnings/changes?limit=2&cursor=" + start, key.key()));
        assertThat(p1.get("items")).hasSize(2);
        assertThat(p1.get("hasMore").asBoolean()).isTrue();
        assertThat(p1.get("nextCursor").asString())
                .isEqualTo(p1.get("items").get(1).get("cursor").asString());
        Drained rest = drain("warnings", key.key(), p1.get("nextCursor").asString(), 2);
        List<String> seen = new ArrayList<>();
        p1.get("items").forEach(n -> seen.add(n.get("id").asString()));
        rest.items().forEach(n -> seen.add(n.get("id").asString()));
        assertThat(seen).containsExactlyElementsOf(ids);
        // an empty page keeps the cursor
        JsonNode empty = body(open("/api/open/v1/warnings/changes?cursor=" + rest.cursor(), key.key()));
        assertThat(empty.get("items")).isEmpty();
        assertThat(empty.get("nextCursor").asString()).isEqualTo(rest.cursor());
        // an update is a new change of the same warning, after the cursor, with the merged snapshot
        WarningId updated = new WarningId(UUID.fromString(ids.get(0)));
        tx.executeWithoutResult(s -> events.publishEvent(new WarningUpdated(
                updated,
                WarningLevel.ORANGE,
                WarningLevel.RED,
                List.of("340102001000"),
                List.of(YAOHAI + "340102001000/"),
                false,
                null,
                Instant.now())));
        Drained after = drainUntil("warnings", key.key(), rest.cursor(), ids.get(0));
        assertThat(after.items()).hasSize(1);
        assertThat(after.items().get(0).get("change").asString()).isEqualTo("WarningUpdated");
        assertThat(after.items().get(0).get("data").get("level").asString()).isEqualTo("RED");
        assertThat(after.items().get(0).get("data").get("title").asString()).isEqualTo("游标 0");
        // malformed cursors and page sizes are 400
        assertThat(open("/api/open/v1/warnings/changes?cursor=abc", key.key()).getStatus())
                .isEqualTo(400);
        assertThat(open("/api/open/v1/warnings/changes?limit=0", key.key()).getStatus())
                .isEqualTo(400);
    }

    /** A point inside the district, found from its grids and confirmed by the spatial index. */
    private double[] pointIn(String districtCode) {
        List<double[]> candidates = jdbc.sql(
                        "select (@@ outline)[0], (@@ outline)[1] from geo.grids where path like :p order by code limit 50")
                .param("p", "/340100000000/" + districtCode + "/%")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list();
        for (double[] c : candidates) {
            var loc = divisions.locate(c[0], c[1]);
            if (loc.isPresent() && loc.get().path().startsWith("/340100000000/" + districtCode + "/")) {
                return c;
            }
        }
        throw new AssertionError("no point inside " + districtCode);
    }

    private UUID incidentIn(String districtCode, String title) {
        double[] p = pointIn(districtCode);
        SecurityContextHolder.clearContext();
        return incidents
                .report(
                        new NewIncident(
                                "INDUSTRIAL_TRADE",
                                title,
                                Instant.now().minusSeconds(600),
                                null,
                                ReportingLevel.COUNTY,
                                p[0],
                                p[1],
                                "某路",
                                "王五",
                                "13800000000",
                                ReportChannel.PHONE,
                                null,
                                null,
                                new Casualties(0, 0, 1, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                                "开放接口测试",
                                false),
                        null)
                .incident()
                .id()
                .value();
    }

    @Test
    void aDistrictClientCannotReadAnotherDistrictThroughAnyOpenEndpoint() throws Exception {
        IssuedKey key = yaohaiClient();
        UUID own = incidentIn("340102000000", "瑶海开放接口事故");
        UUID foreign = incidentIn("340103000000", "庐阳开放接口事故");
        WarningId foreignWarning = warning(LUYANG, "庐阳预警");
        WarningId ownWarning = warning(YAOHAI, "瑶海预警");
        drainUntil("events", key.key(), "0.0", own.toString());
        drainUntil("warnings", key.key(), "0.0", ownWarning.toString());

        // every open endpoint of the application, so a new one must be added here
        Set<String> patterns = new java.util.TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            e.getKey().getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/open/"))
                    .forEach(patterns::add);
        }
        assertThat(patterns)
                .containsExactlyInAnyOrder(
                        "/api/open/v1/catalogue",
                        "/api/open/v1/{resource}/changes",
                        "/api/open/v1/{resource}/{id}",
                        "/api/open/v1/{resource}/geojson");

        Map<SharedResource, UUID> foreignIds = Map.of(
                SharedResource.EVENTS, foreign,
                SharedResource.WARNINGS, foreignWarning.value(),
                SharedResource.HAZARDS, UUID.randomUUID(),
                SharedResource.TEAMS, UUID.randomUUID());
        for (SharedResource r : SharedResource.values()) {
            String base = "/api/open/v1/" + r.slug();
            for (String url : List.of(base + "/changes?limit=1000", base + "/geojson")) {
                MockHttpServletResponse res = open(url, key.key());
                assertThat(res.getStatus()).as(url).isEqualTo(200);
                String text = res.getContentAsString(StandardCharsets.UTF_8);
                assertThat(text).as(url).doesNotContain("340103", "340104", "340111");
            }
            assertThat(open(base + "/" + foreignIds.get(r), key.key()).getStatus())
                    .as(r.slug())
                    .isEqualTo(404);
        }
        assertThat(open("/api/open/v1/catalogue", key.key()).getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("340103");
        // the own rows are there
        assertThat(open("/api/open/v1/events/" + own, key.key()).getStatus()).isEqualTo(200);
        JsonNode event = body(open("/api/open/v1/events/" + own, key.key()));
        assertThat(event.get("title").asString()).isEqualTo("瑶海开放接口事故");
        assertThat(event.has("reporterPhone")).as("no personal data").isFalse();
        assertThat(open("/api/open/v1/events/geojson", key.key()).getContentAsString(StandardCharsets.UTF_8))
                .contains(own.toString(), "\"FeatureCollection\"", "\"Point\"");
        assertThat(open("/api/open/v1/warnings/" + ownWarning, key.key()).getStatus())
                .isEqualTo(200);
        // and the other district's client sees the foreign ones
        IssuedKey luyang = client("庐阳 " + UUID.randomUUID(), "340103000000", 1000, SharedResource.values());
        assertThat(open("/api/open/v1/events/" + foreign, luyang.key()).getStatus())
                .isEqualTo(200);
        assertThat(open("/api/open/v1/events/" + own, luyang.key()).getStatus()).isEqualTo(404);
    }

    @Test
    void aReceiverGetsSignedDeliveriesOnlyFromItsJurisdiction() throws Exception {
        String secret = "s3cret-for-the-test-receiver";
        SecurityContextHolder.clearContext();
        UUID sub = admin.subscribe(new NewSubscription(
                null, "测试接收方", hookUrl(), secret, Set.of(WebhookEvent.WARNING_ISSUED), List.of("340102000000")));
        warning(LUYANG, "不应推送");
        WarningId own = warning(YAOHAI, "应推送");
        deliverUntilReceived();
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        JsonNode payload = json.readTree(r.body());
        assertThat(payload.get("type").asString()).isEqualTo("warning.issued");
        assertThat(payload.get("entityId").asString()).isEqualTo(own.toString());
        assertThat(r.headers().get("x-yingji-delivery"))
                .isEqualTo(payload.get("id").asString());
        String ts = r.headers().get("x-yingji-timestamp");
        String sig = r.headers().get("x-yingji-signature");
        assertThat(WebhookSignature.verify(secret, ts, r.body(), sig, Instant.now(), Duration.ofMinutes(5)))
                .isTrue();
        // tampering with the body, the timestamp or the secret breaks the signature
        byte[] tampered = new String(r.body(), StandardCharsets.UTF_8)
                .replace("应推送", "已篡改")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(secret, ts, tampered, sig, Instant.now(), Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        secret,
                        Long.toString(Long.parseLong(ts) + 1),
                        r.body(),
                        sig,
                        Instant.now(),
                        Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        "another-secret-1234", ts, r.body(), sig, Instant.now(), Duration.ofMinutes(5)))
                .isFalse();
        assertThat(jdbc.sql("select state from exchange.webhook_deliveries where subscription_id = :s")
                        .param("s", sub)
                        .query(String.class)
                        .list())
                .containsExactly("DELIVERED");
    }

    @Test
    void aReceiverLearnsOnlyItsOwnDistrictsOfAWarningOverSeveral() throws Exception {
        SecurityContextHolder.clearContext();
        admin.subscribe(new NewSubscription(
                null,
                "多区接收方",
                hookUrl(),
                "s3cret-for-the-test-receiver",
                Set.of(WebhookEvent.WARNING_ISSUED),
                List.of("340102000000")));
        WarningId id = new WarningId(UUID.randomUUID());
        tx.executeWithoutResult(s -> events.publishEvent(new WarningIssued(
                id,
                WarningLevel.ORANGE,
                "RAINSTORM",
                "两区暴雨预警",
                List.of("340102000000", "340103000000"),
                List.of(YAOHAI, LUYANG),
                "合肥市气象局",
                true,
                false,
                Instant.now(),
                null,
                Instant.now())));
        deliverUntilReceived();
        assertThat(received).hasSize(1);
        String body = new String(received.get(0).body(), StandardCharsets.UTF_8);
        assertThat(body).contains(id.toString(), YAOHAI).doesNotContain("340103");
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffThenDeadLetteredAndCanBeRedelivered() throws Exception {
        answer.set(500);
        SecurityContextHolder.clearContext();
        UUID sub = admin.subscribe(new NewSubscription(
                null,
                "失败的接收方",
                hookUrl(),
                "failing-receiver-secret",
                Set.of(WebhookEvent.WARNING_ISSUED),
                List.of("340102000000")));
        warning(YAOHAI, "会失败");
        UUID delivery = jdbc.sql("select id from exchange.webhook_deliveries where subscription_id = :s")
                .param("s", sub)
                .query(UUID.class)
                .single();
        int max = webhooks.maxAttempts();
        // each pass pretends a day has gone by, so every backoff has elapsed
        Instant clock = Instant.now();
        List<Instant> nextAttempts = new ArrayList<>();
        for (int pass = 0; pass < max + 3; pass++) {
            clock = clock.plus(Duration.ofDays(1));
            webhooks.deliverDue(clock);
            nextAttempts.add(jdbc.sql("select next_attempt_at from exchange.webhook_deliveries where id = :d")
                    .param("d", delivery)
                    .query(java.sql.Timestamp.class)
                    .single()
                    .toInstant());
        }
        var row = jdbc.sql("select state, attempts from exchange.webhook_deliveries where id = :d")
                .param("d", delivery)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .single();
        assertThat(row.getKey()).isEqualTo("DEAD");
        assertThat(row.getValue()).isEqualTo(max);
        assertThat(received).hasSize(max);
        assertThat(jdbc.sql("select count(*) from exchange.webhook_attempts where delivery_id = :d and status = 500")
                        .param("d", delivery)
                        .query(Long.class)
                        .single())
                .isEqualTo(max);
        // the same delivery id on every retry (receivers drop duplicates by it)
        assertThat(received.stream()
                        .map(x -> x.headers().get("x-yingji-delivery"))
                        .distinct())
                .containsExactly(delivery.toString());
        // the dead-letter list, then a manual redelivery to the repaired receiver
        String dead = mvc.perform(get("/api/v1/exchange/deliveries?state=DEAD").with(users.as("admin")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dead).contains(delivery.toString());
        assertThat(mvc.perform(post("/api/v1/exchange/deliveries/" + delivery + "/redeliver")
                                .with(users.as("duty"))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/exchange/deliveries/" + delivery + "/redeliver")
                                .with(users.as("admin"))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(202);
        answer.set(200);
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> {
                    webhooks.deliverDue(Instant.now().plusSeconds(5));
                    return jdbc.sql("select state from exchange.webhook_deliveries where id = :d")
                            .param("d", delivery)
                            .query(String.class)
                            .single()
                            .equals("DELIVERED");
                });
        assertThat(jdbc.sql("select state from exchange.webhook_deliveries where id = :d")
                        .param("d", delivery)
                        .query(String.class)
                        .single())
                .isEqualTo("DELIVERED");
        assertThat(jdbc.sql("select count(*) from identity.audit_log where entity_type = 'exchange.delivery'"
                                + " and entity_id = :d")
                        .param("d", delivery.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void administrationIsForAdministratorsAndShowsTheKeyOnce() throws Exception {
        for (String url :
                List.of("/exchange/clients", "/exchange/catalogue", "/exchange/webhooks", "/api/v1/exchange/clients")) {
            assertThat(mvc.perform(get(url).with(users.as("district.yaohai")))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(url)
                    .isEqualTo(403);
        }
        MockHttpServletResponse created = mvc.perform(post("/api/v1/exchange/clients")
                        .with(users.as("admin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"department\":\"市水务局\",\"name\":\"防汛平台\",\"scopes\":[\"warnings\",\"events\"],"
                                + "\"divisionCodes\":[\"340102000000\"],\"ratePerMinute\":120}"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        String key = body(created).get("key").asString();
        assertThat(key).startsWith("yjk_");
        assertThat(open("/api/open/v1/catalogue", key).getContentAsString(StandardCharsets.UTF_8))
                .contains("防汛平台", "/340100000000/340102000000/");
        String page = mvc.perform(get("/exchange/catalogue").with(users.as("admin")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("防汛平台", "340102000000").doesNotContain(key.substring(13));
        assertThat(jdbc.sql("select count(*) from exchange.api_clients where key_hash = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .as("the key itself is never stored")
                .isZero();
        MockHttpServletResponse bad = mvc.perform(post("/api/v1/exchange/clients")
                        .with(users.as("admin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"department\":\"\",\"scopes\":[],\"divisionCodes\":[\"999999999999\"]}"))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8))
                .contains("999999999999", "divisionCodes", "department", "scopes");
    }

    @Test
    void theImportCentreCommitsAllRowsOrNone() throws Exception {
        String name1 = "导入测试避难场所" + UUID.randomUUID().toString().substring(0, 8);
        String name2 = "导入测试避难场所" + UUID.randomUUID().toString().substring(0, 8);
        double[] p = pointIn("340102000000");
        String header = "name,level,duration,indoor,capacity,areaM2,address,lon,lat,divisionCode\n";
        String good1 = name1 + ",COUNTY,SHORT_TERM,true,300,1200,瑶海区某路," + p[0] + "," + p[1] + ",340102000000\n";
        String bad = name2 + ",NOT_A_LEVEL,SHORT_TERM,true,-5,1200,瑶海区某路," + p[0] + "," + p[1] + ",340102000000\n";
        MockHttpServletResponse refused = mvc.perform(multipart("/api/v1/exchange/import")
                        .file(new MockMultipartFile(
                                "file",
                                "shelters.csv",
                                "text/csv",
                                (header + good1 + bad).getBytes(StandardCharsets.UTF_8)))
                        .param("registry", "shelters")
                        .with(users.as("admin"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        JsonNode result = body(refused);
        assertThat(result.get("imported").asInt()).isZero();
        assertThat(result.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        SecurityContextHolder.clearContext();
        assertThat(registries.exists(RegistryKind.SHELTERS, name1))
                .as("nothing committed")
                .isFalse();

        MockHttpServletResponse ok = mvc.perform(multipart("/api/v1/exchange/import")
                        .file(new MockMultipartFile(
                                "file", "shelters.csv", "text/csv", (header + good1).getBytes(StandardCharsets.UTF_8)))
                        .param("registry", "shelters")
                        .with(users.as("admin"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(ok.getStatus())
                .as(ok.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(body(ok).get("imported").asInt()).isEqualTo(1);
        SecurityContextHolder.clearContext();
        assertThat(registries.exists(RegistryKind.SHELTERS, name1)).isTrue();
        // the template is the header row
        assertThat(mvc.perform(get("/exchange/import/template?registry=shelters")
                                .with(users.as("admin")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("name,level,duration");
    }
}
