package cn.yingji.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.directory.PersonId;
import cn.yingji.directory.PositionId;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Duty lists bound to positions, the supervision matrix and the contact check, through the API. */
@YingjiTest
class ResponsibilityApiTests {

    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    private final MockMvc mvc;
    private final TestUsers users;
    private final ResponsibilityFixtures fixtures;
    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    ResponsibilityApiTests(MockMvc mvc, TestUsers users, ResponsibilityFixtures fixtures, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    private ResultActions call(MockHttpServletRequestBuilder req, String user, String body) throws Exception {
        return mvc.perform(req.with(users.as(user))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "zh-CN")
                .content(body));
    }

    private JsonNode body(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String list(UUID position, String title, String due) {
        return "{\"kind\":\"WORK\",\"positionId\":\"" + position + "\",\"title\":\"" + title + "\",\"items\":["
                + "{\"principle\":\"ONE_POST_TWO_DUTIES\",\"content\":\"每季度组织一次防汛演练\",\"dueOn\":\"" + due
                + "\",\"evidenceRequired\":true},"
                + "{\"principle\":\"PARTY_GOV_SAME\",\"content\":\"汛前检查辖区低洼地带\",\"evidenceRequired\":false}]}";
    }

    private long lists(String title) {
        return jdbc.sql("select count(*) from responsibility.lists where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
    }

    @Test
    void aListBoundToAPersonInsteadOfAPositionIsRefusedWithAClearMessage() throws Exception {
        String t = tag();
        PersonId person = fixtures.personWithAccount("resp-p-" + t, "人员" + t);
        JsonNode problem = body(call(
                        post("/api/v1/duty-lists"),
                        "district.yaohai",
                        list(
                                person.value(),
                                "绑人清单" + t,
                                LocalDate.now().plusDays(30).toString()))
                .andExpect(status().isBadRequest()));
        assertThat(problem.toString()).contains("岗位而不是具体人员");
        assertThat(lists("绑人清单" + t)).isZero();
        // an item may leave out evidenceRequired (no evidence then); the unknown position is still named clearly
        JsonNode unknown = body(call(
                        post("/api/v1/duty-lists"),
                        "district.yaohai",
                        "{\"positionId\":\"" + UUID.randomUUID()
                                + "\",\"title\":\"x\",\"items\":[{\"content\":\"c\"}]}")
                .andExpect(status().isBadRequest()));
        assertThat(unknown.toString()).contains("岗位不存在");
        // a deadline in the past is refused as well
        PositionId position = fixtures.position("过期测试岗" + t, "RESP_TEST_HEAD", ResponsibilityFixtures.MINGGUANG);
        call(
                        post("/api/v1/duty-lists"),
                        "district.yaohai",
                        list(
                                position.value(),
                                "过期清单" + t,
                                LocalDate.now().minusDays(1).toString()))
                .andExpect(status().isBadRequest());
        assertThat(lists("过期清单" + t)).isZero();
    }

    @Test
    void aPublishedListIsSeenAndCompletedByWhoeverHoldsThePositionNow() throws Exception {
        String t = tag();
        PositionId position = fixtures.position("测试镇长" + t, "RESP_TEST_HEAD", ResponsibilityFixtures.MINGGUANG);
        PersonId first = fixtures.personWithAccount("resp-a-" + t, "甲" + t);
        PersonId second = fixtures.personWithAccount("resp-b-" + t, "乙" + t);
        fixtures.assign(position, first);

        JsonNode draft = body(call(
                        post("/api/v1/duty-lists"),
                        "district.yaohai",
                        list(
                                position.value(),
                                "防汛工作清单" + t,
                                LocalDate.now().plusDays(30).toString()))
                .andExpect(status().isCreated()));
        String id = draft.get("id").asString();
        // the township may draft but not publish
        call(post("/api/v1/duty-lists/" + id + "/publication"), "township.mingguang", "")
                .andExpect(status().isForbidden());
        call(post("/api/v1/duty-lists/" + id + "/publication"), "district.yaohai", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PUBLISHED"))
                .andExpect(jsonPath("$.approvedBy").value("district.yaohai"));

        assertThat(body(call(get("/api/v1/duty-lists/mine"), "resp-a-" + t, "").andExpect(status().isOk()))
                        .toString())
                .contains(id);
        // the holder changes: the new holder sees the list, the old one no longer does
        fixtures.assign(position, second);
        assertThat(body(call(get("/api/v1/duty-lists/mine"), "resp-a-" + t, "").andExpect(status().isOk()))
                        .toString())
                .doesNotContain(id);
        assertThat(body(call(get("/api/v1/duty-lists/mine"), "resp-b-" + t, "").andExpect(status().isOk()))
                        .toString())
                .contains(id);

        String item = draft.get("items").get(0).get("id").asString();
        String url = "/api/v1/duty-lists/" + id + "/items/" + item + "/completion";
        // the former holder may not complete it
        mvc.perform(multipart(url)
                        .file(new MockMultipartFile("evidence", "e.pdf", "application/pdf", PDF))
                        .with(users.as("resp-a-" + t))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isForbidden());
        // evidence is required, and must really be a PDF or image
        mvc.perform(multipart(url)
                        .param("note", "已演练")
                        .with(users.as("resp-b-" + t))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart(url)
                        .file(new MockMultipartFile("evidence", "e.pdf", "application/pdf", "not a pdf".getBytes()))
                        .with(users.as("resp-b-" + t))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select status from responsibility.items where id = :i")
                        .param("i", UUID.fromString(item))
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN");
        mvc.perform(multipart(url)
                        .file(new MockMultipartFile("evidence", "演练记录.pdf", "application/pdf", PDF))
                        .param("note", "已组织演练 1 次")
                        .with(users.as("resp-b-" + t))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].done").value(true))
                .andExpect(jsonPath("$.items[0].doneBy").value("resp-b-" + t));
        assertThat(jdbc.sql(
                                "select count(*) from identity.audit_log where entity_id = :id and action = 'complete-item'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // a new version supersedes the published one on publication
        JsonNode v2 = body(call(post("/api/v1/duty-lists/" + id + "/revision"), "district.yaohai", "")
                .andExpect(status().isCreated()));
        assertThat(v2.get("versionNo").asInt()).isEqualTo(2);
        call(post("/api/v1/duty-lists/" + id + "/revision"), "district.yaohai", "")
                .andExpect(status().isConflict());
        call(post("/api/v1/duty-lists/" + v2.get("id").asString() + "/publication"), "district.yaohai", "")
                .andExpect(status().isOk());
        call(get("/api/v1/duty-lists/" + id), "district.yaohai", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUPERSEDED"));
    }

    @Test
    void theContactBoardCountsOnlyCurrentVerifiedContacts() throws Exception {
        String t = tag();
        PositionId verified = fixtures.position("防汛责任人甲" + t, "RESP_TEST_FLOOD", ResponsibilityFixtures.MINGGUANG);
        PositionId changed = fixtures.position("防汛责任人乙" + t, "RESP_TEST_FLOOD", ResponsibilityFixtures.MINGGUANG);
        PositionId unverified = fixtures.position("防汛责任人丙" + t, "RESP_TEST_FLOOD", ResponsibilityFixtures.MINGGUANG);
        PositionId vacant = fixtures.position("防汛责任人丁" + t, "RESP_TEST_FLOOD", ResponsibilityFixtures.MINGGUANG);
        fixtures.assign(verified, fixtures.personWithAccount("resp-c1-" + t, "张" + t));
        fixtures.assign(changed, fixtures.personWithAccount("resp-c2-" + t, "李" + t));
        fixtures.assign(unverified, fixtures.personWithAccount("resp-c3-" + t, "王" + t));
        String[] ids = new String[4];
        PositionId[] positions = {verified, changed, unverified, vacant};
        for (int i = 0; i < 4; i++) {
            ids[i] = body(call(
                                    post("/api/v1/chiefs"),
                                    "district.yaohai",
                                    "{\"kind\":\"BAOBAO\",\"objectKind\":\"RESERVOIR\",\"objectName\":\"水库" + i + t
                                            + "\",\"positionId\":\"" + positions[i].value() + "\"}")
                            .andExpect(status().isCreated()))
                    .get("id")
                    .asString();
        }
        call(post("/api/v1/chiefs/" + ids[0] + "/verification"), "district.yaohai", "")
                .andExpect(status().isOk());
        call(post("/api/v1/chiefs/" + ids[1] + "/verification"), "district.yaohai", "")
                .andExpect(status().isOk());
        // the vacant position cannot be verified
        call(post("/api/v1/chiefs/" + ids[3] + "/verification"), "district.yaohai", "")
                .andExpect(status().isConflict());
        // after verification the second position changes holder: its check is no longer current
        fixtures.assign(changed, fixtures.personWithAccount("resp-c4-" + t, "赵" + t));

        JsonNode board =
                body(call(get("/api/v1/chiefs/board"), "district.yaohai", "").andExpect(status().isOk()));
        JsonNode yaohai = board.valueStream()
                .filter(r -> r.get("divisionPath").asString().equals("/340100000000/340102000000/"))
                .findFirst()
                .orElseThrow();
        String missing = yaohai.get("missing").toString();
        assertThat(missing).contains("水库1" + t, "水库2" + t, "水库3" + t).doesNotContain("水库0" + t);
        assertThat(yaohai.get("current").asLong())
                .isEqualTo(yaohai.get("total").asLong() - yaohai.get("missing").size());
        // a foreign district sees nothing of it
        assertThat(body(call(get("/api/v1/chiefs"), "township.mingguang", "")).toString())
                .contains("水库0" + t);
    }

    @Test
    void theSupervisionMatrixIsDataOnlyAdministratorsEdit() throws Exception {
        String code = "TEST_" + tag().toUpperCase().replace('-', '_');
        call(
                        post("/api/v1/supervision"),
                        "township.mingguang",
                        "{\"industry\":\"" + code + "\",\"department\":\"测试局\",\"ground\":\"INDUSTRY\"}")
                .andExpect(status().isForbidden());
        call(
                        post("/api/v1/supervision"),
                        "admin",
                        "{\"industry\":\"bad code\",\"department\":\"测试局\",\"ground\":\"INDUSTRY\"}")
                .andExpect(status().isBadRequest());
        call(
                        post("/api/v1/supervision"),
                        "admin",
                        "{\"industry\":\"" + code + "\",\"department\":\"测试局\",\"ground\":\"INDUSTRY\"}")
                .andExpect(status().isCreated());
        call(
                        post("/api/v1/supervision"),
                        "admin",
                        "{\"industry\":\"" + code + "\",\"department\":\"测试局\",\"ground\":\"BUSINESS\"}")
                .andExpect(status().isConflict());
        call(get("/api/v1/supervision?industry=HAZARDOUS_CHEMICALS"), "duty", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].department").value("应急管理局"));
    }
}
