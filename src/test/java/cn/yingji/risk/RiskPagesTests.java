package cn.yingji.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The risk pages render for a district officer, the live results answer, and forms show field errors. */
@YingjiTest
class RiskPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    RiskManagement management;

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(users.as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void pagesRender() throws Exception {
        for (String url : new String[] {
            "/risk/points",
            "/risk/points/new",
            "/risk/map",
            "/risk/trends",
            "/risk/hazard-sources",
            "/risk/hazard-sources/new",
            "/risk/gb18218"
        }) {
            assertThat(page(url, "district.yaohai")).contains("<section");
        }
        assertThat(page("/risk/bands", "admin")).contains("lec.extreme");
        mvc.perform(get("/risk/bands").with(users.as("district.yaohai"))).andExpect(status().isForbidden());
        assertThat(page("/risk/gb18218", "district.yaohai")).contains("未核实").contains("GB 18218-2018");
    }

    @Test
    void createAssessAndShowPointThroughTheForms() throws Exception {
        String name = "页面测试点-" + UUID.randomUUID();
        String location = mvc.perform(post("/risk/points/new")
                        .with(users.as("district.yaohai"))
                        .with(csrf())
                        .param("name", name)
                        .param("divisionCode", "340102001000"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/risk/points/");
        String preview = mvc.perform(post("/risk/assessment-preview")
                        .with(users.as("district.yaohai"))
                        .with(csrf())
                        .param("method", "LEC")
                        .param("l", "1")
                        .param("e", "10")
                        .param("c", "7")
                        .param("s", "3"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(preview).contains("data-colour=\"YELLOW\"").contains(">70<");
        String bad = mvc.perform(post(location + "/assess")
                        .with(users.as("district.yaohai"))
                        .with(csrf())
                        .param("method", "LEC")
                        .param("l", "2"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(bad).contains("field-error");
        mvc.perform(post(location + "/assess")
                        .with(users.as("district.yaohai"))
                        .with(csrf())
                        .param("method", "LS")
                        .param("l", "5")
                        .param("s", "5"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(location, "district.yaohai")).contains(name).contains("badge red");
        String sourcePreview = mvc.perform(post("/risk/hazard-sources/preview")
                        .with(users.as("district.yaohai"))
                        .with(csrf())
                        .param("exposedPopulation", "120")
                        .param("chemical", "", "")
                        .param("chemicalName", "a", "b")
                        .param("cas", "", "")
                        .param("hazardClass", "J1", "W2")
                        .param("quantity", "25", "20"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(sourcePreview).contains("id=\"live-r\">46<");
    }
}
