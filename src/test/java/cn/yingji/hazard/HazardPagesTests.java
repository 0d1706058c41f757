package cn.yingji.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hazard pages in both languages: the public report and follow-up pages open without signing in, the officers'
 * pages need it; the ledger, detail and field pages render every label; a refused step re-renders the detail page
 * with the localised error and changes nothing.
 */
@YingjiTest
class HazardPagesTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final HazardFixtures fixtures;
    private final HazardManagement management;

    HazardPagesTests(MockMvc mvc, TestUsers users, HazardFixtures fixtures, HazardManagement management) {
        this.mvc = mvc;
        this.users = users;
        this.fixtures = fixtures;
        this.management = management;
    }

    private HazardId hazard() {
        SecurityContextHolder.clearContext();
        double[] p = fixtures.inGrid();
        return management
                .reportAnonymously(
                        new NewHazard(null, "页面测试：灭火器过期", null, "FIRE", p[0], p[1], null, null, null, null),
                        new Photo("p.png", HazardFixtures.PNG),
                        "pages-" + UUID.randomUUID(),
                        null)
                .hazard()
                .id();
    }

    @Test
    void thePublicPagesOpenWithoutSigningInAndTheOthersDoNot() throws Exception {
        assertThat(mvc.perform(get("/report")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("隐患随手拍")
                .contains("id=\"report-form\"");
        assertThat(mvc.perform(get("/report/track")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        for (String url : new String[] {"/hazards", "/hazards/field", "/hazards/export.csv"}) {
            MockHttpServletResponse res = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(res.getStatus()).as(url).isEqualTo(302);
            assertThat(res.getRedirectedUrl()).as(url).contains("/login");
        }
        assertThat(mvc.perform(get("/api/v1/hazards")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }

    @Test
    void everyPageRendersInBothLanguagesWithoutMissingMessages() throws Exception {
        HazardId id = hazard();
        for (String lang : new String[] {"zh_CN", "en"}) {
            for (String url :
                    new String[] {"/hazards", "/hazards/" + id, "/hazards/field", "/report", "/report/track"}) {
                MockHttpServletResponse res = mvc.perform(
                                get(url).param("lang", lang).with(users.as("township.mingguang")))
                        .andReturn()
                        .getResponse();
                String body = res.getContentAsString(StandardCharsets.UTF_8);
                assertThat(res.getStatus()).as("%s %s", lang, url).isEqualTo(200);
                assertThat(body).as("%s %s", lang, url).doesNotContain("??");
                if (lang.equals("en")) {
                    assertThat(body).as(url).doesNotContain("隐患台账");
                }
                if (url.equals("/hazards/" + id) && lang.equals("zh_CN")) {
                    // a FIRE hazard names its supervising department from the 三管三必须 matrix
                    assertThat(body).contains("hazard-supervisors", "消防救援支队");
                }
            }
        }
    }

    @Test
    void aRefusedStepReRendersTheDetailPageWithTheErrorAndChangesNothing() throws Exception {
        HazardId id = hazard();
        management.verify(id, null, new StepInput(null, null, null, null));
        MockHttpServletResponse res = mvc.perform(multipart("/hazards/{id}/assign", id.value())
                        .param("responsible", "王主任")
                        .param("measures", "更换灭火器")
                        .param("funds", "300")
                        .param("deadline", LocalDate.now().minusDays(2).toString())
                        .with(users.as("township.mingguang"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(res.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"step-error\"")
                .contains("整改时限不能早于今天");
        assertThat(fixtures.state(id.value())).isEqualTo("VERIFIED");

        MockHttpServletResponse close = mvc.perform(multipart("/hazards/{id}/close", id.value())
                        .file(new MockMultipartFile("photo", "x.png", "image/png", HazardFixtures.PNG))
                        .with(users.as("township.mingguang"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(close.getStatus()).isEqualTo(409);
        assertThat(close.getContentAsString(StandardCharsets.UTF_8)).contains("不能变更为");
        assertThat(fixtures.state(id.value())).isEqualTo("VERIFIED");
    }
}
