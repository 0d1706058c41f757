package cn.yingji.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.directory.Directory;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationFilter;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.Position;
import cn.yingji.directory.PositionFilter;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserManagement;
import cn.yingji.shared.PageQuery;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Risk points over the REST API against the demo city (Hefei codes): LEC and LS band boundaries with the seeded
 * configuration, assessment history and events, control measures bound to directory positions, validation,
 * roles, jurisdiction (a 庐阳区 officer sees nothing of 瑶海区), map, trend and CSV export.
 */
@YingjiTest
@RecordApplicationEvents
class RiskApiTests {

    static final String LUYANG = "/340100000000/340103000000/";
    static final String FOREIGN = "risk-test-luyang";
    static final String DISTRICT = "district.yaohai";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    UserManagement userManagement;

    @Autowired
    Directory directory;

    @Autowired
    RiskPoints riskPoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void foreignOfficer() {
        if (userManagement.findByUsername(FOREIGN).isEmpty()) {
            userManagement.create(new NewUser(
                    FOREIGN,
                    FOREIGN,
                    "correct-horse-battery",
                    Set.of(Role.DISTRICT_OFFICER),
                    LUYANG,
                    new Jurisdiction(List.of(LUYANG), List.of()),
                    null,
                    false));
        }
    }

    private Organisation demoEnterprise() {
        return directory
                .organisations(new OrganisationFilter("合肥演示化工", OrganisationKind.ENTERPRISE, null), new PageQuery(0, 5))
                .items()
                .get(0);
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String user, int expectedStatus) throws Exception {
        String body = mvc.perform(request.with(users.as(user)).with(csrf()))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    private static MockHttpServletRequestBuilder postJson(String url, String body) {
        return post(url).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String enterprisePoint(String user, String name) throws Exception {
        JsonNode p = call(
                postJson("/api/v1/risk/points", """
                        {"name":"%s","category":"中毒和窒息","organisationId":"%s","location":"罐区东侧"}
                        """.formatted(
                                name, demoEnterprise().id())),
                user,
                201);
        return p.get("id").asString();
    }

    private String lec(String l, String e, String c) throws Exception {
        JsonNode r = call(postJson("/api/v1/risk/evaluate", """
                        {"method":"LEC","l":%s,"e":%s,"c":%s}""".formatted(l, e, c)), DISTRICT, 200);
        return r.get("colour").asString() + "/" + r.get("bandLabel").asString() + "/"
                + r.get("score").asString();
    }

    private String ls(int l, int s) throws Exception {
        JsonNode r = call(postJson("/api/v1/risk/evaluate", """
                        {"method":"LS","l":%d,"s":%d}""".formatted(l, s)), DISTRICT, 200);
        return r.get("colour").asString() + "/" + r.get("score").asString();
    }

    /**
     * Seeded LEC bands (domain-rules.md §4.1): D &gt; 320 red, 160 ≤ D ≤ 320 orange, 70 ≤ D &lt; 160 yellow, 20 ≤ D &lt; 70
     * 一般危险 blue, D &lt; 20 稍有危险 blue. Tested at every edge, with real factor products where one exists (70 and 20)
     * and with raw scores against the stored bands where no product of the standard values hits the edge (160, 320).
     */
    @Test
    void lecBandBoundaries() throws Exception {
        assertThat(lec("1", "10", "7")).isEqualTo("YELLOW/lec.significant/70");
        assertThat(lec("10", "1", "7")).isEqualTo("YELLOW/lec.significant/70");
        assertThat(lec("3", "3", "7")).isEqualTo("BLUE/lec.possible/63");
        assertThat(lec("10", "2", "1")).isEqualTo("BLUE/lec.possible/20");
        assertThat(lec("6", "3", "1")).isEqualTo("BLUE/lec.slight/18");
        assertThat(lec("3", "6", "7")).isEqualTo("YELLOW/lec.significant/126");
        assertThat(lec("6", "6", "7")).isEqualTo("ORANGE/lec.high/252");
        assertThat(lec("10", "10", "3")).isEqualTo("ORANGE/lec.high/300");
        assertThat(lec("10", "6", "7")).isEqualTo("RED/lec.extreme/420");
        assertThat(lec("0.1", "0.5", "1")).isEqualTo("BLUE/lec.slight/0.05");

        List<RiskBand> bands = riskPoints.bands(AssessmentMethod.LEC);
        assertThat(colourOf(bands, "320.01")).isEqualTo(RiskColour.RED);
        assertThat(colourOf(bands, "320")).isEqualTo(RiskColour.ORANGE);
        assertThat(colourOf(bands, "160")).isEqualTo(RiskColour.ORANGE);
        assertThat(colourOf(bands, "159.99")).isEqualTo(RiskColour.YELLOW);
        assertThat(colourOf(bands, "70")).isEqualTo(RiskColour.YELLOW);
        assertThat(colourOf(bands, "69.99")).isEqualTo(RiskColour.BLUE);
        // every score lies in exactly one band
        for (String d : List.of("0", "19.99", "20", "69.99", "70", "159.99", "160", "320", "320.01", "10000")) {
            assertThat(bands.stream().filter(b -> b.contains(new BigDecimal(d))))
                    .hasSize(1);
        }
    }

    private static RiskColour colourOf(List<RiskBand> bands, String score) {
        return bands.stream()
                .filter(b -> b.contains(new BigDecimal(score)))
                .findFirst()
                .orElseThrow()
                .colour();
    }

    /** Seeded LS bands (domain-rules.md §4.2 variant b): 20–25 red, 10–16 orange, 4–9 yellow, 1–3 blue. */
    @Test
    void lsMatrixBoundaries() throws Exception {
        assertThat(ls(5, 5)).isEqualTo("RED/25");
        assertThat(ls(4, 5)).isEqualTo("RED/20");
        assertThat(ls(4, 4)).isEqualTo("ORANGE/16");
        assertThat(ls(2, 5)).isEqualTo("ORANGE/10");
        assertThat(ls(3, 3)).isEqualTo("YELLOW/9");
        assertThat(ls(2, 2)).isEqualTo("YELLOW/4");
        assertThat(ls(1, 3)).isEqualTo("BLUE/3");
        assertThat(ls(1, 1)).isEqualTo("BLUE/1");
    }

    @Test
    void assessmentHistoryColourEventsAndAudit() throws Exception {
        String id = enterprisePoint(DISTRICT, "液氨储罐区-" + UUID.randomUUID());
        JsonNode first = call(postJson("/api/v1/risk/points/" + id + "/assessments", """
                        {"method":"LEC","l":3,"e":6,"c":7,"note":"首次评估"}"""), DISTRICT, 201);
        assertThat(first.get("colour").asString()).isEqualTo("YELLOW");
        assertThat(first.get("previousColour").isNull()).isTrue();
        JsonNode second = call(postJson("/api/v1/risk/points/" + id + "/assessments", """
                        {"method":"LS","l":4,"s":5}"""), DISTRICT, 201);
        assertThat(second.get("colour").asString()).isEqualTo("RED");
        assertThat(second.get("previousColour").asString()).isEqualTo("YELLOW");
        assertThat(second.get("assessedBy").asString()).isNotBlank();

        JsonNode point = call(get("/api/v1/risk/points/" + id), DISTRICT, 200);
        assertThat(point.get("colour").asString()).isEqualTo("RED");
        assertThat(point.get("method").asString()).isEqualTo("LS");
        JsonNode history = call(get("/api/v1/risk/points/" + id + "/assessments"), DISTRICT, 200);
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("colour").asString()).isEqualTo("RED");
        assertThat(history.get(1).get("l").asString()).isEqualTo("3");

        List<RiskAssessed> published = events.stream(RiskAssessed.class)
                .filter(e -> e.point().toString().equals(id))
                .toList();
        assertThat(published).hasSize(2);
        assertThat(published.get(1).colour()).isEqualTo(RiskColour.RED);
        assertThat(published.get(1).previousColour()).isEqualTo(RiskColour.YELLOW);
        assertThat(jdbc.sql(
                                "select count(*) from identity.audit_log where entity_type = 'risk.point' and entity_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void badFactorValuesAreRejectedWithFieldErrorsAndChangeNothing() throws Exception {
        String id = enterprisePoint(DISTRICT, "反应釜-" + UUID.randomUUID());
        call(postJson("/api/v1/risk/points/" + id + "/assessments", """
                {"method":"LEC","l":1,"e":1,"c":1}"""), DISTRICT, 201);
        JsonNode bad = call(postJson("/api/v1/risk/points/" + id + "/assessments", """
                        {"method":"LEC","l":2,"e":6,"s":3}"""), DISTRICT, 400);
        assertThat(bad.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("l", "c", "s");
        assertThat(bad.get("errors").get(0).get("message").asString()).isNotBlank();
        JsonNode missing = call(postJson("/api/v1/risk/points/" + id + "/assessments", """
                {"method":"LS","l":3}"""), DISTRICT, 400);
        assertThat(missing.get("errors").findValuesAsString("field")).containsExactly("s");
        call(postJson("/api/v1/risk/points/" + id + "/assessments", "{\"l\":1}"), DISTRICT, 400);
        call(postJson("/api/v1/risk/points/" + id + "/assessments", "{\"method\":\"XYZ\"}"), DISTRICT, 400);

        assertThat(call(get("/api/v1/risk/points/" + id + "/assessments"), DISTRICT, 200)
                        .size())
                .isEqualTo(1);
        assertThat(call(get("/api/v1/risk/points/" + id), DISTRICT, 200)
                        .get("colour")
                        .asString())
                .isEqualTo("BLUE");

        JsonNode badPoint = call(postJson("/api/v1/risk/points", """
                {"name":"","divisionCode":"340102999999","lon":200}"""), DISTRICT, 400);
        assertThat(badPoint.get("errors").findValuesAsString("field")).contains("name", "lat", "divisionCode");
    }

    @Test
    void placePointsByDivisionAndGrid() throws Exception {
        JsonNode p = call(postJson("/api/v1/risk/points", """
                {"name":"明光路桥下积水点","divisionCode":"340102001000"}"""), DISTRICT, 201);
        assertThat(p.get("divisionPath").asString()).isEqualTo("/340100000000/340102000000/340102001000/");
        assertThat(p.get("organisationId").isNull()).isTrue();
        JsonNode g = call(postJson("/api/v1/risk/points", """
                {"name":"老旧小区燃气管线","gridCode":"340102001001001"}"""), DISTRICT, 201);
        assertThat(g.get("gridCode").asString()).isEqualTo("340102001001001");
        assertThat(g.get("divisionPath").asString()).endsWith("/340102001001001/");
        // a place in another district is outside a 瑶海区 officer's jurisdiction altogether: 404, as if absent
        call(postJson("/api/v1/risk/points", """
                {"name":"x","divisionCode":"340103001000"}"""), DISTRICT, 404);
    }

    @Test
    void rolesDecideWhoWrites() throws Exception {
        String enterpriseId = demoEnterprise().id().toString();
        String body = """
                {"name":"r","organisationId":"%s"}""".formatted(enterpriseId);
        call(postJson("/api/v1/risk/points", body), "duty.yaohai", 403);
        call(postJson("/api/v1/risk/points", body), "dept.water", 403);
        call(postJson("/api/v1/risk/points", body), "enterprise", 201);
        call(postJson("/api/v1/risk/points", """
                {"name":"r","divisionCode":"340102001000"}"""), "enterprise", 403);
        call(postJson("/api/v1/risk/points", body), "township.mingguang", 201);
        call(postJson("/api/v1/risk/points", body), FOREIGN, 400); // the enterprise is not even visible
    }

    @Test
    void controlMeasuresAreBoundToPositionsOfTheEnterprise() throws Exception {
        Organisation org = demoEnterprise();
        Position position = directory
                .positions(new PositionFilter(null, null, null, org.id(), null), new PageQuery(0, 5))
                .items()
                .get(0);
        String id = enterprisePoint(DISTRICT, "装卸区-" + UUID.randomUUID());
        JsonNode m =
                call(postJson("/api/v1/risk/points/" + id + "/measures", """
                        {"measure":"装卸作业双人确认、可燃气体报警联锁","level":"COMPANY","positionId":"%s"}""".formatted(position.id())), DISTRICT, 201);
        assertThat(m.get("positionName").asString()).isEqualTo(position.name());
        JsonNode none = call(postJson("/api/v1/risk/points/" + id + "/measures", """
                {"measure":"只有文字","level":"POST"}"""), DISTRICT, 400);
        assertThat(none.get("errors").findValuesAsString("field")).containsExactly("positionId");
        Position foreign = directory
                .positions(
                        new PositionFilter(null, null, "/340100000000/340102000000/", null, null), new PageQuery(0, 50))
                .items()
                .stream()
                .filter(p -> p.organisation() == null || !p.organisation().equals(org.id()))
                .findFirst()
                .orElseThrow();
        call(postJson("/api/v1/risk/points/" + id + "/measures", """
                {"measure":"x","level":"TEAM","positionId":"%s"}""".formatted(foreign.id())), DISTRICT, 400);
        assertThat(call(get("/api/v1/risk/points/" + id + "/measures"), DISTRICT, 200)
                        .size())
                .isEqualTo(1);
        call(delete("/api/v1/risk/points/" + id + "/measures/" + m.get("id").asString()), DISTRICT, 204);
        assertThat(call(get("/api/v1/risk/points/" + id + "/measures"), DISTRICT, 200)
                        .size())
                .isZero();
    }

    @Test
    void foreignRowsAreAbsentFromReadsListsMapsTrendsAndExports() throws Exception {
        String name = "外区不可见-" + UUID.randomUUID();
        String id = enterprisePoint(DISTRICT, name);
        call(postJson("/api/v1/risk/points/" + id + "/assessments", """
                {"method":"LS","l":5,"s":5}"""), DISTRICT, 201);

        call(get("/api/v1/risk/points/" + id), FOREIGN, 404);
        call(get("/api/v1/risk/points/" + id + "/assessments"), FOREIGN, 404);
        call(postJson("/api/v1/risk/points/" + id + "/assessments", """
                {"method":"LS","l":1,"s":1}"""), FOREIGN, 404);
        assertThat(call(get("/api/v1/risk/points?q=" + name), FOREIGN, 200)
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(call(get("/api/v1/risk/points?q=" + name), DISTRICT, 200)
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        JsonNode map = call(get("/api/v1/risk/map?level=COUNTY"), DISTRICT, 200);
        assertThat(map.findValuesAsString("code")).containsExactly("340102000000");
        assertThat(map.get(0).get("highest").asString()).isEqualTo("RED");
        assertThat(call(get("/api/v1/risk/map?level=COUNTY"), FOREIGN, 200).size())
                .isZero();
        call(get("/api/v1/risk/map?level=PROVINCE"), DISTRICT, 400);

        JsonNode trend = call(get("/api/v1/risk/trend?bucket=month&periods=3"), DISTRICT, 200);
        assertThat(trend.size()).isEqualTo(3);
        assertThat(trend.get(2).get("red").asLong()).isPositive();
        JsonNode foreignTrend = call(get("/api/v1/risk/trend?bucket=day&periods=2"), FOREIGN, 200);
        assertThat(foreignTrend.findValues("red")).allMatch(n -> n.asLong() == 0);
        call(get("/api/v1/risk/trend?bucket=year"), DISTRICT, 400);

        String csv = mvc.perform(get("/api/v1/risk/points/export.csv").with(users.as(DISTRICT)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).contains(name);
        String foreignCsv = mvc.perform(get("/api/v1/risk/points/export.csv").with(users.as(FOREIGN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(foreignCsv).doesNotContain(name).contains("id,name");
    }

    @Test
    void onlyAnAdministratorChangesTheBanding() throws Exception {
        String changed = """
                [{"colour":"BLUE","label":"ls.low","upper":4},
                 {"colour":"YELLOW","label":"ls.general","lower":4,"lowerInclusive":true,"upper":12,"upperInclusive":true},
                 {"colour":"ORANGE","label":"ls.large","lower":12,"upper":20},
                 {"colour":"RED","label":"ls.major","lower":20,"lowerInclusive":true}]""";
        call(
                put("/api/v1/risk/bands/LS")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(changed),
                DISTRICT,
                403);
        String gap = changed.replace("\"lower\":12,", "\"lower\":13,");
        JsonNode bad = call(
                put("/api/v1/risk/bands/LS")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(gap),
                "admin",
                400);
        assertThat(bad.get("errors").findValuesAsString("field")).contains("bands[2].lower");
        List<RiskBand> original = riskPoints.bands(AssessmentMethod.LS);
        try {
            call(
                    put("/api/v1/risk/bands/LS")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(changed),
                    "admin",
                    200);
            assertThat(ls(2, 5)).isEqualTo("YELLOW/10");
            assertThat(ls(3, 4)).isEqualTo("YELLOW/12");
            assertThat(ls(3, 5)).isEqualTo("ORANGE/15");
        } finally {
            call(
                    put("/api/v1/risk/bands/LS")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(original)),
                    "admin",
                    200);
        }
        assertThat(ls(2, 5)).isEqualTo("ORANGE/10");
    }
}
