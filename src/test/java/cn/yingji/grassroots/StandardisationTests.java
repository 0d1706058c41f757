package cn.yingji.grassroots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A township self-assesses with evidence, the district reviews item by item, and the score follows the review. */
@YingjiTest
class StandardisationTests {

    static final String MINGGUANG = "340102001000";
    static final byte[] PDF = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    private final MockMvc mvc;
    private final TestUsers users;
    private final Standardisation standardisation;
    private final ObjectMapper json = new ObjectMapper();

    StandardisationTests(MockMvc mvc, TestUsers users, Standardisation standardisation) {
        this.mvc = mvc;
        this.users = users;
        this.standardisation = standardisation;
    }

    private ResultActions answer(int year, String item, String score, byte[] evidence, String user) throws Exception {
        var req = multipart("/api/v1/standardisation/" + MINGGUANG + "/" + year + "/items/" + item)
                .param("selfScore", score)
                .with(users.as(user))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "zh-CN");
        if (evidence != null) {
            req = req.file(new MockMultipartFile("evidence", "证明.pdf", "application/pdf", evidence));
        }
        return mvc.perform(req);
    }

    private JsonNode body(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private ResultActions review(int year, String item, boolean accept, String note, String user) throws Exception {
        return mvc.perform(post("/api/v1/standardisation/" + MINGGUANG + "/" + year + "/items/" + item + "/review")
                .with(users.as(user))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"accept\":" + accept + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}"));
    }

    @Test
    void theScoreRecomputesWhenTheDistrictRejectsEvidence() throws Exception {
        int year = 2031;
        List<Standardisation.Item> items = standardisation.items();
        // bad input changes nothing
        answer(year, items.get(0).code(), String.valueOf(items.get(0).maxScore() + 1), PDF, "township.mingguang")
                .andExpect(status().isBadRequest());
        answer(year, items.get(0).code(), "5", null, "township.mingguang").andExpect(status().isBadRequest());
        answer(year, items.get(0).code(), "5", "a word document".getBytes(), "township.mingguang")
                .andExpect(status().isBadRequest());
        answer(year, items.get(0).code(), "5", PDF, "district.yaohai").andExpect(status().isForbidden());
        assertThat(body(mvc.perform(get("/api/v1/standardisation/" + MINGGUANG + "/" + year)
                                .with(users.as("township.mingguang"))))
                        .get("answers")
                        .size())
                .isZero();

        int total = 0;
        for (Standardisation.Item i : items) {
            answer(year, i.code(), String.valueOf(i.maxScore()), PDF, "township.mingguang")
                    .andExpect(status().isOk());
            total += i.maxScore();
        }
        mvc.perform(post("/api/v1/standardisation/" + MINGGUANG + "/" + year + "/submission")
                        .with(users.as("township.mingguang"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.score").value(total));
        // the township cannot review itself; a rejection needs a reason
        review(year, items.get(0).code(), true, null, "township.mingguang").andExpect(status().isForbidden());
        review(year, items.get(0).code(), false, null, "district.yaohai").andExpect(status().isBadRequest());

        Standardisation.Item rejected = items.get(2);
        for (Standardisation.Item i : items) {
            boolean accept = !i.code().equals(rejected.code());
            review(year, i.code(), accept, accept ? null : "预案未按期修订", "district.yaohai")
                    .andExpect(status().isOk());
        }
        JsonNode after = body(mvc.perform(
                get("/api/v1/standardisation/" + MINGGUANG + "/" + year).with(users.as("district.yaohai"))));
        assertThat(after.get("score").asInt()).isEqualTo(total - rejected.maxScore());
        // accepting it on second thought restores the points
        review(year, rejected.code(), true, "已补充材料", "district.yaohai")
                .andExpect(jsonPath("$.score").value(total));
        mvc.perform(post("/api/v1/standardisation/" + MINGGUANG + "/" + year + "/completion")
                        .with(users.as("district.yaohai"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REVIEWED"));

        JsonNode ranking = body(mvc.perform(get("/api/v1/standardisation/ranking?division=340102000000&year=" + year)
                .with(users.as("district.yaohai"))));
        assertThat(ranking.get(0).get("townshipCode").asString()).isEqualTo(MINGGUANG);
        assertThat(ranking.size()).isGreaterThan(1);
        // another district's ranking is invisible to the township
        mvc.perform(get("/api/v1/standardisation/ranking?division=340103000000&year=" + year)
                        .with(users.as("township.mingguang")))
                .andExpect(status().isNotFound());
    }
}
