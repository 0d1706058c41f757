package cn.yingji.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.directory.Directory;
import cn.yingji.directory.OrganisationFilter;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserManagement;
import cn.yingji.shared.PageQuery;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GB 18218-2018 registry over the REST API: registration, re-grading on an inventory change with history and
 * events, validation that changes nothing, roles and jurisdiction. The examples are hand-constructed from the
 * verified values of domain-rules.md §5 (it gives no worked example): see HazardCalculatorTests for the arithmetic.
 */
@YingjiTest
@RecordApplicationEvents
class MajorHazardApiTests {

    static final String LUYANG = "/340100000000/340103000000/";
    static final String FOREIGN = "risk-test-luyang-2";
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

    private String enterpriseId() {
        return directory
                .organisations(new OrganisationFilter("合肥演示化工", OrganisationKind.ENTERPRISE, null), new PageQuery(0, 5))
                .items()
                .get(0)
                .id()
                .toString();
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String user, int expectedStatus) throws Exception {
        String body = mvc.perform(request.with(users.as(user)).with(csrf()))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    private static MockHttpServletRequestBuilder json(String method, String url, String body) {
        return (method.equals("PUT") ? put(url) : post(url))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private String create(String user, String name, int status) throws Exception {
        JsonNode s =
                call(json("POST", "/api/v1/risk/hazard-sources", """
                        {"name":"%s","unitKind":"STORAGE","organisationId":"%s","exposedPopulation":120,
                         "inventory":[{"name":"某毒性气体","hazardClass":"J1","quantity":1}]}""".formatted(name, enterpriseId())), user, status);
        return s.path("id").asString();
    }

    /**
     * Registration with J1 1 t (S = 0.2, not major), then the inventory becomes J1 25 t + W2 20 t (S = 7, R = 46 →
     * 三级), then J1 62.5 t (R = 100 → 一级): each change re-grades, keeps history and publishes an event.
     */
    @Test
    void inventoryChangeRegradesWithHistory() throws Exception {
        String id = create(DISTRICT, "液氯储罐区-" + UUID.randomUUID(), 201);
        JsonNode s = call(get("/api/v1/risk/hazard-sources/" + id), DISTRICT, 200);
        assertThat(s.get("major").asBoolean()).isFalse();
        assertThat(s.get("s").asString()).isEqualTo("0.2");

        JsonNode third = call(json("PUT", "/api/v1/risk/hazard-sources/" + id + "/inventory", """
                        {"version":0,"inventory":[{"name":"某毒性气体","hazardClass":"J1","quantity":25},
                                                  {"name":"某易燃气体","hazardClass":"W2","quantity":20}]}"""), DISTRICT, 200);
        assertThat(third.get("major").asBoolean()).isTrue();
        assertThat(third.get("r").asString()).isEqualTo("46");
        assertThat(third.get("grade").asString()).isEqualTo("THIRD");

        JsonNode first = call(json("PUT", "/api/v1/risk/hazard-sources/" + id + "/inventory", """
                        {"version":1,"inventory":[{"name":"某毒性气体","hazardClass":"J1","quantity":62.5}]}"""), DISTRICT, 200);
        assertThat(first.get("grade").asString()).isEqualTo("FIRST");
        // a stale version is refused
        call(json("PUT", "/api/v1/risk/hazard-sources/" + id + "/inventory", """
                {"version":1,"inventory":[{"name":"x","hazardClass":"J1","quantity":1}]}"""), DISTRICT, 409);

        JsonNode history = call(get("/api/v1/risk/hazard-sources/" + id + "/gradings"), DISTRICT, 200);
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).get("grade").asString()).isEqualTo("FIRST");
        assertThat(history.get(0).get("previousGrade").asString()).isEqualTo("THIRD");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("create");
        assertThat(call(get("/api/v1/risk/hazard-sources/" + id + "/inventory"), DISTRICT, 200)
                        .size())
                .isEqualTo(1);

        List<MajorHazardSourceGraded> graded = events.stream(MajorHazardSourceGraded.class)
                .filter(e -> e.source().toString().equals(id))
                .toList();
        assertThat(graded)
                .extracting(MajorHazardSourceGraded::grade)
                .containsExactly(null, HazardGrade.THIRD, HazardGrade.FIRST);
        assertThat(graded.get(1).previousMajor()).isFalse();

        // exposed population 0 → α 0.5 → R = 0.5 × 4 × 12.5 = 25 → 三级
        JsonNode fewer = call(json("PUT", "/api/v1/risk/hazard-sources/" + id, """
                {"version":2,"name":"液氯储罐区","exposedPopulation":0}"""), DISTRICT, 200);
        assertThat(fewer.get("r").asString()).isEqualTo("25");
        assertThat(fewer.get("grade").asString()).isEqualTo("THIRD");
    }

    @Test
    void badInventoryIsRejectedAndChangesNothing() throws Exception {
        String id = create(DISTRICT, "甲醇罐区-" + UUID.randomUUID(), 201);
        JsonNode bad = call(json("PUT", "/api/v1/risk/hazard-sources/" + id + "/inventory", """
                        {"version":0,"inventory":[{"chemical":"no-such","quantity":1},
                                                  {"name":"x","hazardClass":"W5.1","quantity":-3},
                                                  {"name":"y","hazardClass":"W5.1"}]}"""), DISTRICT, 400);
        assertThat(bad.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("inventory[0].chemical", "inventory[1].quantity", "inventory[2].quantity");
        JsonNode missing =
                call(json("POST", "/api/v1/risk/hazard-sources", """
                        {"name":"z","unitKind":"STORAGE","organisationId":"%s","inventory":[]}""".formatted(enterpriseId())), DISTRICT, 400);
        assertThat(missing.get("errors").findValuesAsString("field")).contains("exposedPopulation", "inventory");
        JsonNode after = call(get("/api/v1/risk/hazard-sources/" + id), DISTRICT, 200);
        assertThat(after.get("version").asInt()).isZero();
        assertThat(call(get("/api/v1/risk/hazard-sources/" + id + "/gradings"), DISTRICT, 200)
                        .size())
                .isEqualTo(1);
        JsonNode unverified = call(json("POST", "/api/v1/risk/hazard-sources/evaluate", """
                {"exposedPopulation":0,"inventory":[{"chemical":"chlorine","quantity":5}]}"""), DISTRICT, 200);
        assertThat(unverified.get("major").asBoolean()).isTrue();
        assertThat(unverified.get("unverifiedData").asBoolean()).isTrue();
    }

    @Test
    void rolesAndJurisdiction() throws Exception {
        String name = "外区不可见源-" + UUID.randomUUID();
        String id = create(DISTRICT, name, 201);
        create("township.mingguang", "x", 403);
        create("duty.yaohai", "x", 403);
        create("enterprise", "企业自建-" + UUID.randomUUID(), 201);
        call(get("/api/v1/risk/hazard-sources/" + id), FOREIGN, 404);
        call(get("/api/v1/risk/hazard-sources/" + id + "/gradings"), FOREIGN, 404);
        call(json("PUT", "/api/v1/risk/hazard-sources/" + id + "/inventory", """
                {"version":0,"inventory":[{"name":"x","hazardClass":"J1","quantity":1}]}"""), FOREIGN, 404);
        assertThat(call(get("/api/v1/risk/hazard-sources?q=" + name), FOREIGN, 200)
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(call(get("/api/v1/risk/hazard-sources?q=" + name), DISTRICT, 200)
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        String csv = mvc.perform(get("/api/v1/risk/hazard-sources/export.csv").with(users.as(FOREIGN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).doesNotContain(name);
        JsonNode table = call(get("/api/v1/risk/gb18218"), FOREIGN, 200);
        assertThat(table.get("source").asString()).contains("GB 18218-2018");
    }
}
