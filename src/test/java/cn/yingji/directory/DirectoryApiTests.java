package cn.yingji.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserManagement;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The directory's REST API against the real database, signed in as real accounts of two districts. */
@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DirectoryApiTests {

    static final String CITY = "/990100000000/";
    static final String DISTRICT_A = "/990100000000/990102000000/";
    static final String DISTRICT_B = "/990100000000/990103000000/";
    static final String USER_A = "dir-test-a";
    static final String USER_B = "dir-test-b";

    private static final Random RANDOM = new Random();

    private final MockMvc mvc;

    private final TestUsers users;

    private final UserManagement userManagement;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    DirectoryApiTests(MockMvc mvc, TestUsers users, UserManagement userManagement, JdbcClient jdbc, JsonMapper json) {
        this.mvc = mvc;
        this.users = users;
        this.userManagement = userManagement;
        this.jdbc = jdbc;
        this.json = json;
    }

    @BeforeEach
    void accounts() {
        ensureUser(USER_A, DISTRICT_A);
        ensureUser(USER_B, DISTRICT_B);
    }

    private void ensureUser(String username, String path) {
        if (userManagement.findByUsername(username).isEmpty()) {
            userManagement.create(new NewUser(
                    username,
                    username,
                    "correct-horse-battery",
                    Set.of(Role.DUTY_OFFICER),
                    path,
                    new Jurisdiction(List.of(path), List.of(path)),
                    null,
                    false));
        }
    }

    /** A valid credit code registered in the fictitious division 990102, unique per call. */
    static String creditCode() {
        StringBuilder sb = new StringBuilder("91990102");
        for (int i = 0; i < 9; i++) {
            sb.append(SocialCreditCode.ALPHABET.charAt(RANDOM.nextInt(SocialCreditCode.ALPHABET.length())));
        }
        return sb.append(SocialCreditCode.checkCharacter(sb.toString())).toString();
    }

    static String unique(String prefix) {
        return prefix + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String user, int expectedStatus) throws Exception {
        String body = mvc.perform(request.with(users.as(user)).with(csrf()))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    private MockHttpServletRequestBuilder postJson(String url, String body) {
        return post(url).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String createPerson(String user, String name, String path) throws Exception {
        JsonNode p = call(postJson("/api/v1/persons", """
                        {"name":"%s","divisionPath":"%s","title":"值班员",
                         "channels":[{"type":"MOBILE","value":"+86 139-0000-0001","verified":true},
                                     {"type":"EMAIL","value":"Duty@Example.CN"}]}
                        """.formatted(name, path)), user, 201);
        return p.get("id").asString();
    }

    @Test
    void organisationIsCreatedReadUpdatedAndAudited() throws Exception {
        String code = creditCode();
        JsonNode created =
                call(postJson("/api/v1/organisations", """
                        {"kind":"ENTERPRISE","name":"测试化工有限公司","creditCode":"%s","divisionPath":"%s",
                         "lon":117.2,"lat":31.8}
                        """.formatted(code.toLowerCase(), DISTRICT_A)), USER_A, 201);
        String id = created.get("id").asString();
        assertThat(created.get("creditCode").asString()).isEqualTo(code);
        assertThat(created.get("version").asInt()).isZero();

        JsonNode updated = call(
                put("/api/v1/organisations/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"ENTERPRISE","name":"测试化工股份有限公司","creditCode":"%s",
                                 "divisionPath":"%s","version":0}
                                """.formatted(code, DISTRICT_A)),
                USER_A,
                200);
        assertThat(updated.get("name").asString()).isEqualTo("测试化工股份有限公司");
        assertThat(updated.get("version").asInt()).isEqualTo(1);

        // The same stale version again: optimistic lock conflict, nothing changed.
        JsonNode stale = call(
                put("/api/v1/organisations/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"ENTERPRISE","name":"别的名字","creditCode":"%s","divisionPath":"%s","version":0}
                                """.formatted(code, DISTRICT_A)),
                USER_A,
                409);
        assertThat(stale.get("type").asString()).endsWith("directory.error.stale");
        assertThat(call(get("/api/v1/organisations/" + id), USER_A, 200)
                        .get("name")
                        .asString())
                .isEqualTo("测试化工股份有限公司");

        List<String> actions = jdbc.sql(
                        "select action from identity.audit_log where entity_type = 'directory.organisation'"
                                + " and entity_id = :id order by seq")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("create", "update");
        String before = jdbc.sql(
                        "select before_json from identity.audit_log where entity_id = :id and action = 'update'")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(before).contains("测试化工有限公司");
    }

    @Test
    void duplicateCreditCodeIsAConflict() throws Exception {
        String code = creditCode();
        String body = """
                {"kind":"ENTERPRISE","name":"%s","creditCode":"%s","divisionPath":"%s"}
                """;
        call(postJson("/api/v1/organisations", body.formatted("甲公司", code, DISTRICT_A)), USER_A, 201);
        // Even from another district, where the first one is invisible: the code is unique platform-wide.
        JsonNode problem =
                call(postJson("/api/v1/organisations", body.formatted("乙公司", code, DISTRICT_B)), USER_B, 409);
        assertThat(problem.get("type").asString()).endsWith("directory.error.creditCodeTaken");
    }

    @Test
    void badInputIsA400WithLocalisedFieldErrors() throws Exception {
        JsonNode problem = call(postJson("/api/v1/organisations", """
                        {"kind":"ENTERPRISE","name":"","creditCode":"911100001000000000","divisionPath":"%s",
                         "lon":117.2}
                        """.formatted(DISTRICT_A)), USER_A, 400);
        List<String> fields = problem.get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
        assertThat(fields).contains("name", "creditCode", "lat");
        assertThat(problem.get("errors").toString()).contains("校验码");

        JsonNode person = call(postJson("/api/v1/persons", """
                        {"name":"张三","divisionPath":"%s","channels":[{"type":"MOBILE","value":"12345"},
                         {"type":"LANDLINE","value":"62345678"}]}
                        """.formatted(DISTRICT_A)), USER_A, 400);
        assertThat(person.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("channels[0].value", "channels[1].value");

        mvc.perform(postJson("/api/v1/persons", "{not json")
                        .with(users.as(USER_A))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        call(get("/api/v1/persons/not-a-uuid"), USER_A, 400);
        call(postJson("/api/v1/organisations", "{\"kind\":\"NONSENSE\",\"name\":\"x\"}"), USER_A, 400);
        call(get("/api/v1/persons").param("size", "100000"), USER_A, 400);
    }

    @Test
    void aDistrictCannotSeeAnotherDistrictsPeople() throws Exception {
        String name = unique("乙区人员");
        String id = createPerson(USER_B, name, DISTRICT_B + "990103001000/");

        call(get("/api/v1/persons/" + id), USER_B, 200);
        call(get("/api/v1/persons/" + id), USER_A, 404);
        call(get("/api/v1/persons/" + id + "/channels"), USER_A, 404);
        assertThat(call(get("/api/v1/persons").param("q", name), USER_B, 200)
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        JsonNode listA = call(get("/api/v1/persons").param("q", name), USER_A, 200);
        assertThat(listA.get("total").asLong()).isZero();
        assertThat(listA.get("items").size()).isZero();

        String csvA = mvc.perform(get("/api/v1/persons/export.csv").with(users.as(USER_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csvA).doesNotContain(name);
        String csvB = mvc.perform(get("/api/v1/persons/export.csv").with(users.as(USER_B)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csvB).contains(name).contains("MOBILE:13900000001");

        // Writing into a foreign district is refused as if it did not exist, and nothing is written.
        call(
                put("/api/v1/persons/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"改名\",\"divisionPath\":\"%s\",\"version\":0}".formatted(DISTRICT_B)),
                USER_A,
                404);
        call(
                postJson("/api/v1/persons", "{\"name\":\"越权\",\"divisionPath\":\"%s\"}".formatted(DISTRICT_B)),
                USER_A,
                404);
        mvc.perform(get("/persons/" + id).with(users.as(USER_A))).andExpect(status().isNotFound());
        mvc.perform(get("/persons").param("q", name).with(users.as(USER_A)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/persons/" + id))));
    }

    @Test
    void personChannelsAreNormalisedAndOrdered() throws Exception {
        String id = createPerson(USER_A, unique("李四"), DISTRICT_A);
        JsonNode channels = call(get("/api/v1/persons/" + id + "/channels"), USER_A, 200);
        assertThat(channels.get(0).get("type").asString()).isEqualTo("MOBILE");
        assertThat(channels.get(0).get("value").asString()).isEqualTo("13900000001");
        assertThat(channels.get(0).get("preference").asInt()).isEqualTo(1);
        assertThat(channels.get(1).get("value").asString()).isEqualTo("duty@example.cn");
        assertThat(channels.get(1).get("preference").asInt()).isEqualTo(2);
    }

    @Test
    void positionsKeepHolderHistoryAndResolveByDivisionAndKind() throws Exception {
        String village = DISTRICT_A + unique("").substring(0, 6) + "/";
        JsonNode position = call(
                postJson(
                        "/api/v1/positions",
                        "{\"name\":\"村防汛责任人\",\"kind\":\"VILLAGE_FLOOD_CONTACT\",\"divisionPath\":\"%s\"}"
                                .formatted(village)),
                USER_A,
                201);
        String pos = position.get("id").asString();
        String first = createPerson(USER_A, unique("王五"), village);
        String second = createPerson(USER_A, unique("赵六"), village);

        Instant start = Instant.now().minus(30, ChronoUnit.DAYS);
        call(
                postJson(
                        "/api/v1/positions/" + pos + "/holders",
                        "{\"person\":\"%s\",\"kind\":\"PRIMARY\",\"from\":\"%s\"}".formatted(first, start)),
                USER_A,
                201);
        call(
                postJson(
                        "/api/v1/positions/" + pos + "/holders",
                        "{\"person\":\"%s\",\"kind\":\"PRIMARY\"}".formatted(second)),
                USER_A,
                201);

        JsonNode holders = call(get("/api/v1/positions/" + pos + "/holders"), USER_A, 200);
        assertThat(holders.get("current").size()).isEqualTo(1);
        assertThat(holders.get("current").get(0).get("person").asString()).isEqualTo(second);
        assertThat(holders.get("history").size()).isEqualTo(2);
        assertThat(holders.get("history").get(1).get("person").asString()).isEqualTo(first);
        assertThat(holders.get("history").get(1).get("to").isNull()).isFalse();

        JsonNode byKind = call(
                get("/api/v1/positions/holders").param("division", village).param("kind", "VILLAGE_FLOOD_CONTACT"),
                USER_A,
                200);
        assertThat(byKind.size()).isEqualTo(1);
        assertThat(byKind.get(0).get("person").asString()).isEqualTo(second);
        // Other districts cannot resolve it.
        assertThat(call(
                                get("/api/v1/positions/holders")
                                        .param("division", village)
                                        .param("kind", "VILLAGE_FLOOD_CONTACT"),
                                USER_B,
                                200)
                        .size())
                .isZero();

        call(delete("/api/v1/positions/" + pos + "/holders/PRIMARY"), USER_A, 204);
        assertThat(call(get("/api/v1/positions/" + pos + "/holders"), USER_A, 200)
                        .get("current")
                        .size())
                .isZero();
        call(delete("/api/v1/positions/" + pos + "/holders/PRIMARY"), USER_A, 409);
        assertThat(call(get("/api/v1/positions").param("division", village).param("vacant", "true"), USER_A, 200)
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void rosterAnswersWhoIsOnDutyNow() throws Exception {
        String division = DISTRICT_A + unique("").substring(0, 6) + "/";
        String officer = createPerson(USER_A, unique("值班员"), division);
        String leader = createPerson(USER_A, unique("带班领导"), division);
        String tomorrow = createPerson(USER_A, unique("明日"), division);
        Instant now = Instant.now();
        String shift = """
                {"divisionPath":"%s","person":"%s","role":"%s","startsAt":"%s","endsAt":"%s"}
                """;
        call(
                postJson(
                        "/api/v1/roster/shifts",
                        shift.formatted(
                                division,
                                officer,
                                "DUTY_OFFICER",
                                now.minus(2, ChronoUnit.HOURS),
                                now.plus(6, ChronoUnit.HOURS))),
                USER_A,
                201);
        JsonNode leaderShift = call(
                postJson(
                        "/api/v1/roster/shifts",
                        shift.formatted(
                                division,
                                leader,
                                "LEADER_ON_DUTY",
                                now.minus(1, ChronoUnit.HOURS),
                                now.plus(23, ChronoUnit.HOURS))),
                USER_A,
                201);
        call(
                postJson(
                        "/api/v1/roster/shifts",
                        shift.formatted(
                                division,
                                tomorrow,
                                "DUTY_OFFICER",
                                now.plus(1, ChronoUnit.DAYS),
                                now.plus(2, ChronoUnit.DAYS))),
                USER_A,
                201);

        JsonNode onDuty = call(get("/api/v1/roster/now").param("division", division), USER_A, 200);
        assertThat(onDuty.valueStream().map(s -> s.get("person").asString())).containsExactly(leader, officer);
        assertThat(call(get("/api/v1/roster/now").param("division", division), USER_B, 200)
                        .size())
                .isZero();

        // A shift that ends before it starts is refused with a field error.
        JsonNode bad = call(
                postJson(
                        "/api/v1/roster/shifts",
                        shift.formatted(division, officer, "DUTY_OFFICER", now, now.minus(1, ChronoUnit.HOURS))),
                USER_A,
                400);
        assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("endsAt");

        String shiftId = leaderShift.get("id").asString();
        call(postJson("/api/v1/roster/shifts/" + shiftId + "/notes", "{\"text\":\"3号泵站水位偏高，继续关注\"}"), USER_A, 201);
        JsonNode notes = call(get("/api/v1/roster/shifts/" + shiftId + "/notes"), USER_A, 200);
        assertThat(notes.get(0).get("text").asString()).contains("泵站");
        assertThat(notes.get(0).get("author").asString()).isEqualTo(USER_A);
        call(postJson("/api/v1/roster/shifts/" + shiftId + "/notes", "{\"text\":\"越权\"}"), USER_B, 404);
        call(postJson("/api/v1/roster/shifts/" + shiftId + "/notes", "{\"text\":\" \"}"), USER_A, 400);
    }
}
