package cn.yingji.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A project is routed to departments, each gives one opinion, the decision aggregates them, conditions close it. */
@YingjiTest
class ProjectReviewTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final ObjectMapper json = new ObjectMapper();

    ProjectReviewTests(MockMvc mvc, TestUsers users) {
        this.mvc = mvc;
        this.users = users;
    }

    private ResultActions call(MockHttpServletRequestBuilder r, String user, String body) throws Exception {
        return mvc.perform(r.with(users.as(user))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private JsonNode body(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void opinionsAggregateIntoADecisionAndConditionsAreTrackedToClosure() throws Exception {
        call(
                        post("/api/v1/projects"),
                        "district.yaohai",
                        "{\"name\":\"x\",\"builder\":\"y\",\"category\":\"z\",\"lon\":12.5,\"lat\":41.9,\"riskSummary\":\"r\"}")
                .andExpect(status().isBadRequest());
        String id = body(call(
                                post("/api/v1/projects"),
                                "district.yaohai",
                                "{\"name\":\"瑶海某化工园区扩建\",\"builder\":\"合肥演示化工有限公司\",\"category\":\"危化品建设项目\","
                                        + "\"lon\":117.32,\"lat\":31.87,\"riskSummary\":\"较大风险，需加强泄漏监测\"}")
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        String due = LocalDate.now().plusDays(7).toString();
        call(
                        post("/api/v1/projects/" + id + "/routing"),
                        "district.yaohai",
                        "[{\"department\":\"应急管理局\",\"dueOn\":\""
                                + LocalDate.now().minusDays(1) + "\"}]")
                .andExpect(status().isBadRequest());
        call(
                        post("/api/v1/projects/" + id + "/routing"),
                        "district.yaohai",
                        "[{\"department\":\"应急管理局\",\"dueOn\":\"" + due + "\"},"
                                + "{\"department\":\"住房城乡建设局\",\"reviewer\":\"dept.water\",\"dueOn\":\"" + due + "\"}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("IN_REVIEW"));
        // conditions need their text; the named reviewer alone answers for their department
        call(
                        post("/api/v1/projects/" + id + "/opinions"),
                        "duty",
                        "{\"department\":\"应急管理局\",\"opinion\":\"CONDITIONS\"}")
                .andExpect(status().isBadRequest());
        call(post("/api/v1/projects/" + id + "/opinions"), "duty", "{\"department\":\"住房城乡建设局\",\"opinion\":\"PASS\"}")
                .andExpect(status().isForbidden());
        call(
                        post("/api/v1/projects/" + id + "/opinions"),
                        "duty",
                        "{\"department\":\"应急管理局\",\"opinion\":\"CONDITIONS\",\"text\":\"增设可燃气体报警\\n编制专项应急预案\"}")
                .andExpect(jsonPath("$.state").value("IN_REVIEW"));
        call(post("/api/v1/projects/" + id + "/opinions"), "duty", "{\"department\":\"应急管理局\",\"opinion\":\"PASS\"}")
                .andExpect(status().isConflict());
        JsonNode decided = body(call(
                        post("/api/v1/projects/" + id + "/opinions"),
                        "dept.water",
                        "{\"department\":\"住房城乡建设局\",\"opinion\":\"PASS\"}")
                .andExpect(status().isOk()));
        assertThat(decided.get("state").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("decision").asString()).isEqualTo("PASS_WITH_CONDITIONS");
        assertThat(decided.get("conditions").size()).isEqualTo(2);
        for (JsonNode c : decided.get("conditions")) {
            call(
                            post("/api/v1/projects/" + id + "/conditions/"
                                    + c.get("id").asString() + "/closure"),
                            "district.yaohai",
                            "{\"note\":\"已落实\"}")
                    .andExpect(status().isOk());
        }
        call(get("/api/v1/projects/" + id), "district.yaohai", "")
                .andExpect(jsonPath("$.state").value("CLOSED"));
        // the project lies in 瑶海区; its list is scoped
        assertThat(body(call(get("/api/v1/projects"), "district.yaohai", "")).toString())
                .contains(id);
    }
}
