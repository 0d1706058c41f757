package cn.yingji.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.yingji.directory.SocialCreditCode;
import cn.yingji.geo.Divisions;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The import centre over every registry, GeoJSON layers, the change-log backfill and the open API's language. */
@YingjiTest
class ExchangeBulkTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final MessageSource messages;
    private final ExchangeAdministration admin;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    ExchangeBulkTests(
            MockMvc mvc,
            TestUsers users,
            JsonMapper json,
            JdbcClient jdbc,
            Divisions divisions,
            MessageSource messages,
            ExchangeAdministration admin,
            org.springframework.context.ApplicationEventPublisher events,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.events = events;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.messages = messages;
        this.admin = admin;
        this.mvc = mvc;
        this.users = users;
        this.json = json;
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    @BeforeEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse upload(String registry, String user, String csv) throws Exception {
        return mvc.perform(multipart("/api/v1/exchange/import")
                        .file(new MockMultipartFile(
                                "file", registry + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("registry", registry)
                        .with(users.as(user))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private JsonNode body(MockHttpServletResponse res) throws Exception {
        return json.readTree(res.getContentAsString(StandardCharsets.UTF_8));
    }

    private String template(String registry) throws Exception {
        MockHttpServletResponse res = mvc.perform(
                        get("/exchange/import/template?registry=" + registry).with(users.as("admin")))
                .andReturn()
                .getResponse();
        assertThat(res.getStatus()).as(registry).isEqualTo(200);
        return res.getContentAsString(StandardCharsets.UTF_8).replace("\uFEFF", "");
    }

    private long count(String sql, String param) {
        return jdbc.sql(sql).param("p", param).query(Long.class).single();
    }

    private static String creditCode() {
        return creditCode("340102");
    }

    private static String creditCode(String area) {
        StringBuilder s = new StringBuilder("91" + area + "MA");
        for (int i = 0; i < 7; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString() + SocialCreditCode.checkCharacter(s.toString());
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

    @Test
    void enterprisesImportThroughTheCentreAllOrNothingWithLineNumbers() throws Exception {
        String header = template("enterprises").strip() + "\n";
        assertThat(header).startsWith("creditCode,name,industry,size");
        String a = creditCode();
        String b = creditCode();
        String nameA = "导入中心甲公司" + UUID.randomUUID().toString().substring(0, 6);
        String goodA = a + "," + nameA + ",HAZARDOUS_CHEMICALS,SMALL,10,,,,,340102001000,甲,13900000001\n";
        String badB = b + ",导入中心乙公司,INDUSTRIAL_TRADE,HUGE,abc,,,,,340102001000,乙,13900000002\n";
        MockHttpServletResponse refused = upload("enterprises", "district.yaohai", header + goodA + badB);
        assertThat(refused.getStatus())
                .as(refused.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(422);
        JsonNode result = body(refused);
        assertThat(result.get("imported").asInt()).isZero();
        assertThat(result.get("errors").size()).isGreaterThanOrEqualTo(2);
        result.get("errors").forEach(e -> assertThat(e.get("line").asInt()).isEqualTo(3));
        assertThat(result.get("errors").findValuesAsString("field")).contains("size", "employees");
        assertThat(count("select count(*) from risk.enterprises where credit_code = :p", a))
                .as("nothing committed")
                .isZero();

        MockHttpServletResponse ok = upload("enterprises", "district.yaohai", header + goodA);
        assertThat(ok.getStatus())
                .as(ok.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(body(ok).get("imported").asInt()).isEqualTo(1);
        assertThat(count("select count(*) from risk.enterprises where credit_code = :p", a))
                .isEqualTo(1);
    }

    @Test
    void teamsImportThroughTheCentreAllOrNothingWithLineNumbers() throws Exception {
        String header = template("teams").strip() + "\n";
        assertThat(header).startsWith("name,kind");
        double[] p = pointIn("340102000000");
        String a = "导入中心队A" + UUID.randomUUID().toString().substring(0, 8);
        String b = "导入中心队B" + UUID.randomUUID().toString().substring(0, 8);
        String rowA = a + ",PRO_HAZCHEM,单位,基地,10,HAZCHEM,FIRE_RESCUE;MEDICAL,1," + p[0] + "," + p[1] + ",,,\n";
        String badB = b + ",PRO_WATER,单位,基地,-5,WATER,,2," + p[0] + "," + p[1] + ",,,\n";
        MockHttpServletResponse refused = upload("teams", "duty", header + rowA + badB);
        assertThat(refused.getStatus())
                .as(refused.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(422);
        JsonNode result = body(refused);
        assertThat(result.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(result.get("errors").get(0).get("field").asString()).isEqualTo("headcount");
        assertThat(count("select count(*) from resource.teams where name = :p", a))
                .isZero();

        MockHttpServletResponse ok = upload("teams", "duty", header + rowA);
        assertThat(ok.getStatus())
                .as(ok.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(count("select count(*) from resource.teams where name = :p", a))
                .isEqualTo(1);
    }

    @Test
    void riskPointsImportThroughTheCentreAllOrNothingWithLineNumbers() throws Exception {
        String header = template("risk-points").strip() + "\n";
        String a = "导入中心风险点A" + UUID.randomUUID().toString().substring(0, 8);
        String b = "导入中心风险点B" + UUID.randomUUID().toString().substring(0, 8);
        String rowA = a + ",火灾,仓库,,340102001000,,某路,,\n";
        String badB = b + ",火灾,仓库," + creditCode() + ",,,某路,abc,\n";
        String foreign = b + ",火灾,仓库,,340103000000,,某路,,\n";
        MockHttpServletResponse refused = upload("risk-points", "district.yaohai", header + rowA + badB + foreign);
        assertThat(refused.getStatus())
                .as(refused.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(422);
        JsonNode result = body(refused);
        assertThat(result.get("errors").findValuesAsString("field")).contains("creditCode", "lon");
        assertThat(result.get("errors").findValues("line").stream().map(JsonNode::asInt))
                .contains(3, 4)
                .doesNotContain(2);
        assertThat(count("select count(*) from risk.points where name = :p", a)).isZero();

        MockHttpServletResponse ok = upload("risk-points", "district.yaohai", header + rowA);
        assertThat(ok.getStatus())
                .as(ok.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(count("select count(*) from risk.points where name = :p", a)).isEqualTo(1);
    }

    @Test
    void theImportApiAnswersBadRequestsWithProblemDocuments() throws Exception {
        MockHttpServletResponse unknown = upload("planets", "admin", "name\nx\n");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
        MockHttpServletResponse empty = upload("persons", "admin", "");
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(body(empty).get("errors").findValuesAsString("field")).containsExactly("file");
    }

    @Test
    void directoryPersonsImportThroughTheCentreAllOrNothingWithLineNumbers() throws Exception {
        String header = template("persons").strip() + "\n";
        assertThat(header.strip()).isEqualTo("name,gender,divisionCode,title,mobile,landline,email");
        String a = "导入联系人" + UUID.randomUUID().toString().substring(0, 8);
        String b = "导入联系人" + UUID.randomUUID().toString().substring(0, 8);
        String rowA = a + ",女,340102001000,副镇长,13912345678,,a@example.cn\n";
        String badGender = b + ",不详,340102001000,网格员,13912345679,,\n";
        String foreign = b + ",男,340103000000,网格员,13912345670,,\n";
        String badMobile = b + ",男,340102001000,网格员,1234,,\n";
        MockHttpServletResponse refused =
                upload("persons", "district.yaohai", header + rowA + badGender + foreign + badMobile);
        assertThat(refused.getStatus())
                .as(refused.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(422);
        JsonNode result = body(refused);
        assertThat(result.get("errors").findValuesAsString("field")).contains("gender");
        assertThat(result.get("errors").findValues("line").stream().map(JsonNode::asInt))
                .contains(3, 4, 5)
                .doesNotContain(2);
        assertThat(count("select count(*) from directory.persons where name = :p", a))
                .isZero();

        MockHttpServletResponse ok = upload("persons", "district.yaohai", header + rowA);
        assertThat(ok.getStatus())
                .as(ok.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(jdbc.sql("""
                        select p.division_path || '|' || p.gender || '|' || c.value from directory.persons p
                        join directory.contact_channels c on c.person_id = p.id and c.type = 'MOBILE'
                        where p.name = :p""").param("p", a).query(String.class).single())
                .isEqualTo("/340100000000/340102000000/340102001000/|FEMALE|13912345678");
    }

    private void importOk(String registry, String user, String csv) throws Exception {
        MockHttpServletResponse res = upload(registry, user, csv);
        assertThat(res.getStatus())
                .as(registry + ": " + res.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
    }

    private String geojson(String layer, String user) throws Exception {
        MockHttpServletResponse res = mvc.perform(
                        get("/api/v1/exchange/geojson?resource=" + layer).with(users.as(user)))
                .andReturn()
                .getResponse();
        assertThat(res.getStatus()).as(layer + " for " + user).isEqualTo(200);
        assertThat(res.getContentType()).startsWith("application/geo+json");
        String text = res.getContentAsString(StandardCharsets.UTF_8);
        JsonNode fc = json.readTree(text);
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        fc.get("features").forEach(f -> {
            double lon = f.get("geometry").get("coordinates").get(0).asDouble();
            assertThat(lon).as(layer + ": [lon, lat] order").isBetween(116.0, 118.5);
        });
        return text;
    }

    @Test
    void everyGeoJsonLayerIsScopedToTheCallersJurisdiction() throws Exception {
        // one row of each importable layer in the foreign district 庐阳区, placed there
        double[] p = pointIn("340103000000");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String at = p[0] + "," + p[1];
        importOk(
                "enterprises",
                "admin",
                template("enterprises").strip() + "\n" + creditCode("340103") + ",庐阳图层企业" + tag
                        + ",INDUSTRIAL_TRADE,SMALL,5,,某路," + at + ",340103000000,丙,13900000003\n");
        importOk(
                "risk-points",
                "admin",
                template("risk-points").strip() + "\n庐阳图层风险点" + tag + ",火灾,仓库,,340103000000,,某路," + at + "\n");
        importOk(
                "shelters",
                "duty",
                template("shelters").strip() + "\n庐阳图层避难场所" + tag + ",COUNTY,SHORT_TERM,true,300,1200,某路," + at
                        + ",340103000000\n");
        importOk(
                "warehouses",
                "duty",
                template("warehouses").strip() + "\n庐阳图层仓库" + tag + ",某路,张三,13900000004," + at + ",340103000000\n");
        importOk(
                "teams",
                "duty",
                template("teams").strip() + "\n庐阳图层队伍" + tag + ",PRO_HAZCHEM,单位,基地,10,HAZCHEM,,1," + at + ",,,\n");
        for (String layer : List.of(
                "events",
                "hazards",
                "teams",
                "enterprises",
                "risk-points",
                "major-hazards",
                "shelters",
                "warehouses")) {
            String city = geojson(layer, "duty");
            if (!layer.equals("events") && !layer.equals("hazards") && !layer.equals("major-hazards")) {
                assertThat(city).as(layer + ": the city sees the foreign row").contains("庐阳图层", "/340103000000/");
            }
            String district = geojson(layer, "district.yaohai");
            assertThat(district).as(layer).doesNotContain("/340103000000/", "庐阳图层", "340103000000");
        }
        assertThat(geojson("warehouses", "duty")).as("personal data stays out").doesNotContain("13900000004");
        assertThat(mvc.perform(get("/api/v1/exchange/geojson?resource=nothing").with(users.as("duty")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
    }

    @Test
    void theOpenApiAnswersInTheCallersLanguage() throws Exception {
        JsonNode en = json.readTree(
                mvc.perform(get("/api/open/v1/events/changes").header("Accept-Language", "en-US,en;q=0.9"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(en.get("status").asInt()).isEqualTo(401);
        assertThat(en.get("detail").asString())
                .isEqualTo(messages.getMessage("exchange.open.unauthenticated", null, Locale.ENGLISH))
                .doesNotContainPattern("\\p{IsHan}");
        JsonNode zh =
                json.readTree(mvc.perform(get("/api/open/v1/events/changes").header("Accept-Language", "zh-CN"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(zh.get("detail").asString())
                .isEqualTo(messages.getMessage("exchange.open.unauthenticated", null, Locale.SIMPLIFIED_CHINESE))
                .containsPattern("\\p{IsHan}");

        var key = admin.createClient(new ExchangeAdministration.NewApiClient(
                "测试部门",
                "语言 " + UUID.randomUUID(),
                java.util.Set.of(SharedResource.values()),
                List.of("340102000000"),
                10_000));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            MockHttpServletResponse bad = mvc.perform(get("/api/open/v1/events/changes?cursor=nonsense")
                            .header("X-Api-Key", key.key())
                            .header("Accept-Language", locale.toLanguageTag()))
                    .andReturn()
                    .getResponse();
            assertThat(bad.getStatus()).isEqualTo(400);
            JsonNode problem = json.readTree(bad.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("title").asString())
                    .as(locale.toString())
                    .isEqualTo(messages.getMessage("problem.title.400", null, locale));
            assertThat(problem.get("errors").get(0).get("message").asString())
                    .as(locale.toString())
                    .isEqualTo(messages.getMessage("exchange.error.cursor", null, locale));
        }
        // without a preference: Chinese, the platform's default
        JsonNode none = json.readTree(
                mvc.perform(get("/api/open/v1/events/changes?cursor=nonsense").header("X-Api-Key", key.key()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(none.get("title").asString())
                .isEqualTo(messages.getMessage("problem.title.400", null, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aWarningOverSeveralDistrictsIsSharedWithoutTheOtherDistricts() throws Exception {
        var key = admin.createClient(new ExchangeAdministration.NewApiClient(
                "测试部门",
                "多区预警 " + UUID.randomUUID(),
                java.util.Set.of(SharedResource.WARNINGS),
                List.of("340102000000"),
                10_000));
        var id = new cn.yingji.monitoring.WarningId(UUID.randomUUID());
        tx.executeWithoutResult(s -> events.publishEvent(new cn.yingji.monitoring.WarningIssued(
                id,
                cn.yingji.monitoring.WarningLevel.ORANGE,
                "RAINSTORM",
                "两区暴雨预警",
                List.of("340102000000", "340103000000"),
                List.of("/340100000000/340102000000/", "/340100000000/340103000000/"),
                "合肥市气象局",
                true,
                false,
                java.time.Instant.now(),
                null,
                java.time.Instant.now())));
        String one = mvc.perform(get("/api/open/v1/warnings/" + id.value()).header("X-Api-Key", key.key()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(one).contains("两区暴雨预警", "/340100000000/340102000000/").doesNotContain("340103");
        // the feed shows a row once older transactions have ended
        Awaitility.await("the warning never appeared in the feed")
                .atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> {
                    String page = mvc.perform(get("/api/open/v1/warnings/changes?limit=1000")
                                    .header("X-Api-Key", key.key()))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8);
                    assertThat(page).doesNotContain("340103");
                    return page.contains(id.value().toString());
                });
    }
}
