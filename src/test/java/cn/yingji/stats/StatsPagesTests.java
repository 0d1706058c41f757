package cn.yingji.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pages render in both languages, the loss form shows errors, and an XLSX export runs in the background. */
@YingjiTest
class StatsPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void pagesRender() throws Exception {
        for (String url :
                new String[] {"/stats", "/stats/screen", "/stats/losses", "/stats/exports", "/stats/exports/rows"}) {
            String zh = mvc.perform(get(url).with(users.as("duty")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(zh).doesNotContain("??stats.");
            String en = mvc.perform(get(url).param("lang", "en").with(users.as("district.yaohai")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(en).doesNotContain("??stats.");
        }
        String dash = mvc.perform(get("/stats").with(users.as("district.yaohai")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dash).contains("瑶海区").contains("双下降");
        // each filter offers its own "all" (the type filter once said "all grades")
        assertThat(dash).contains(">全部类型<").contains(">全部等级<");
        mvc.perform(get("/stats?division=340103000000").with(users.as("district.yaohai")))
                .andExpect(status().isNotFound());
    }

    @Test
    void lossFormShowsErrors() throws Exception {
        String body = mvc.perform(post("/stats/losses")
                        .with(csrf())
                        .with(users.as("district.yaohai"))
                        .param("divisionCode", "340102000000")
                        .param("affected", "-3"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("不能为负数").contains("必填");
        mvc.perform(post("/stats/losses")
                        .with(csrf())
                        .with(users.as("district.yaohai"))
                        .param("divisionCode", "340102000000")
                        .param("periodFrom", "2026-06-01")
                        .param("periodTo", "2026-06-02")
                        .param("hazardKind", "暴雨")
                        .param("affected", "30"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void exportRunsInTheBackgroundAndOnlyItsOwnerSeesIt() throws Exception {
        String started = mvc.perform(post("/api/v1/stats/exports")
                        .with(csrf())
                        .with(users.as("district.yaohai"))
                        .param("kind", "accidents"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(started).get("id").asText();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode j = json.readTree(
                            mvc.perform(get("/api/v1/stats/exports/" + id).with(users.as("district.yaohai")))
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString());
                    return !j.get("status").asText().equals("QUEUED")
                            && !j.get("status").asText().equals("RUNNING");
                });
        JsonNode j =
                json.readTree(mvc.perform(get("/api/v1/stats/exports/" + id).with(users.as("district.yaohai")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(j.get("status").asText()).isEqualTo("READY");
        byte[] file = mvc.perform(get("/api/v1/stats/exports/" + id + "/file").with(users.as("district.yaohai")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("事件编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(j.get("rows").asInt());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(5).getStringCellValue()).startsWith("/340100000000/340102000000/");
            }
        }
        mvc.perform(get("/api/v1/stats/exports/" + id).with(users.as("duty"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/stats/exports/" + id + "/file").with(users.as("duty")))
                .andExpect(status().isNotFound());
    }
}
