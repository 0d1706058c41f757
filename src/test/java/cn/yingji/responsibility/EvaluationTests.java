package cn.yingji.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Districts are scored from the level above; accountability cases name a real cause and move through their states. */
@YingjiTest
class EvaluationTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final ObjectMapper json = new ObjectMapper();

    EvaluationTests(MockMvc mvc, TestUsers users) {
        this.mvc = mvc;
        this.users = users;
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

    @Test
    void aDistrictIsScoredFromTheLevelAboveAndOnlyOnManualIndicators() throws Exception {
        String score = "{\"year\":2030,\"districtCode\":\"340102000000\",\"indicator\":\"DRILLS\",\"score\":85,"
                + "\"evidence\":\"演练记录 3 份\"}";
        call(post("/api/v1/evaluation/scores"), "district.yaohai", score).andExpect(status().isForbidden());
        call(post("/api/v1/evaluation/scores"), "duty", score.replace("85", "120"))
                .andExpect(status().isBadRequest());
        call(post("/api/v1/evaluation/scores"), "duty", score.replace("DRILLS", "LISTS"))
                .andExpect(status().isBadRequest());
        call(post("/api/v1/evaluation/scores"), "duty", score.replace("演练记录 3 份", ""))
                .andExpect(status().isBadRequest());
        call(post("/api/v1/evaluation/scores"), "duty", score)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parts.DRILLS").value(85));
        JsonNode ranking = body(call(get("/api/v1/evaluation/ranking?year=2030"), "duty", ""));
        assertThat(ranking.size()).isGreaterThanOrEqualTo(9);
        // a district sees only its own row
        JsonNode own = body(call(get("/api/v1/evaluation/ranking?year=2030"), "district.yaohai", ""));
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).get("districtCode").asString()).isEqualTo("340102000000");
    }

    @Test
    void anAccountabilityCaseNamesARealCauseAndMovesOnToClosure() throws Exception {
        call(
                        post("/api/v1/accountability"),
                        "district.yaohai",
                        "{\"divisionCode\":\"340102000000\",\"subject\":\"某街道\",\"causeKind\":\"OVERDUE_ITEM\",\"causeRef\":\""
                                + UUID.randomUUID() + "\",\"causeText\":\"逾期\"}")
                .andExpect(status().isBadRequest());
        call(
                        post("/api/v1/accountability"),
                        "township.mingguang",
                        "{\"divisionCode\":\"340102001000\",\"subject\":\"某街道\",\"causeKind\":\"OTHER\",\"causeText\":\"x\"}")
                .andExpect(status().isForbidden());
        JsonNode c = body(call(
                        post("/api/v1/accountability"),
                        "district.yaohai",
                        "{\"divisionCode\":\"340102000000\",\"subject\":\"明光路街道\",\"causeKind\":\"OTHER\","
                                + "\"causeText\":\"汛期叫应未响应\"}")
                .andExpect(status().isCreated()));
        String id = c.get("id").asString();
        call(post("/api/v1/accountability/" + id + "/advance"), "district.yaohai", "{}")
                .andExpect(jsonPath("$.state").value("INVESTIGATING"));
        call(post("/api/v1/accountability/" + id + "/advance"), "district.yaohai", "{}")
                .andExpect(status().isBadRequest());
        call(post("/api/v1/accountability/" + id + "/advance"), "district.yaohai", "{\"decision\":\"通报批评\"}")
                .andExpect(jsonPath("$.state").value("DECIDED"));
        call(post("/api/v1/accountability/" + id + "/advance"), "district.yaohai", "{}")
                .andExpect(jsonPath("$.state").value("CLOSED"));
        call(post("/api/v1/accountability/" + id + "/advance"), "district.yaohai", "{}")
                .andExpect(status().isConflict());
        // a case in 庐阳 is invisible to 瑶海
        JsonNode foreign = body(call(
                        post("/api/v1/accountability"),
                        "duty",
                        "{\"divisionCode\":\"340103000000\",\"subject\":\"庐阳某局\",\"causeKind\":\"OTHER\",\"causeText\":\"y\"}")
                .andExpect(status().isCreated()));
        assertThat(body(call(get("/api/v1/accountability"), "district.yaohai", ""))
                        .toString())
                .contains(id)
                .doesNotContain(foreign.get("id").asString());
        call(post("/api/v1/accountability/" + foreign.get("id").asString() + "/advance"), "district.yaohai", "{}")
                .andExpect(status().isNotFound());
    }
}
