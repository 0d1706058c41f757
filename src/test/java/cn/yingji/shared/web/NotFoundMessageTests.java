package cn.yingji.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/** A 404 names the missing kind of thing in the caller's language, not by the code's word for it. */
@YingjiTest
class NotFoundMessageTests {

    private final MockMvc mvc;
    private final TestUsers users;

    NotFoundMessageTests(MockMvc mvc, TestUsers users) {
        this.mvc = mvc;
        this.users = users;
    }

    @Test
    void theApiNamesTheKindInChineseByDefaultAndInEnglishWhenChosen() throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(get("/api/v1/incidents/" + id).with(users.as("duty")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("未找到事件“" + id + "”。"));
        mvc.perform(get("/api/v1/incidents/" + id).param("lang", "en").with(users.as("duty")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No event \"" + id + "\" was found."));
        mvc.perform(get("/api/v1/hazards/" + id).with(users.as("duty")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("未找到隐患“" + id + "”。"));
    }

    @Test
    void theErrorPageNamesItToo() throws Exception {
        UUID id = UUID.randomUUID();
        String html = mvc.perform(get("/incidents/" + id).with(users.as("duty")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("未找到事件“" + id + "”").doesNotContain("incident“");
    }
}
