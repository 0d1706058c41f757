package cn.yingji.directory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserManagement;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.MockMvc;

/** The directory's pages render, and forms re-render with localised field errors on bad input. */
@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DirectoryPagesTests {

    static final String DISTRICT = "/990100000000/990104000000/";
    static final String USER = "dir-test-pages";

    private final MockMvc mvc;

    private final TestUsers users;

    private final UserManagement userManagement;

    DirectoryPagesTests(MockMvc mvc, TestUsers users, UserManagement userManagement) {
        this.mvc = mvc;
        this.users = users;
        this.userManagement = userManagement;
    }

    @BeforeEach
    void account() {
        if (userManagement.findByUsername(USER).isEmpty()) {
            userManagement.create(new NewUser(
                    USER,
                    USER,
                    "correct-horse-battery",
                    Set.of(Role.DUTY_OFFICER),
                    DISTRICT,
                    new Jurisdiction(List.of(DISTRICT), List.of(DISTRICT)),
                    null,
                    false));
        }
    }

    @Test
    void listPagesRender() throws Exception {
        for (String page : List.of(
                "/organisations",
                "/persons",
                "/positions",
                "/roster",
                "/organisations/new",
                "/persons/new",
                "/positions/new")) {
            mvc.perform(get(page).with(users.as(USER))).andExpect(status().isOk());
        }
        mvc.perform(get("/roster").with(users.as(USER))).andExpect(content().string(Matchers.containsString("值班表")));
    }

    @Test
    void personFormShowsFieldErrorsAndKeepsInput() throws Exception {
        mvc.perform(post("/persons/new")
                        .with(users.as(USER))
                        .with(csrf())
                        .param("name", "孙七")
                        .param("divisionPath", DISTRICT)
                        .param("channelType", "MOBILE", "EMAIL")
                        .param("channelValue", "12345", "ok@example.cn")
                        .param("channelVerified", "false", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("不是有效的大陆手机号码")))
                .andExpect(content().string(Matchers.containsString("孙七")));
    }

    @Test
    void organisationCreatedThroughTheFormShowsItsDetail() throws Exception {
        String code = DirectoryApiTests.creditCode();
        String location = mvc.perform(post("/organisations/new")
                        .with(users.as(USER))
                        .with(csrf())
                        .param("kind", "ENTERPRISE")
                        .param("name", "页面测试企业")
                        .param("creditCode", code)
                        .param("divisionPath", DISTRICT))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).with(users.as(USER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(code)));
        mvc.perform(post("/organisations/new")
                        .with(users.as(USER))
                        .with(csrf())
                        .param("kind", "ENTERPRISE")
                        .param("name", "重复代码企业")
                        .param("creditCode", code)
                        .param("divisionPath", DISTRICT))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已被其他组织使用")));
        mvc.perform(post("/organisations/new")
                        .with(users.as(USER))
                        .with(csrf())
                        .param("kind", "ENTERPRISE")
                        .param("name", "坏代码企业")
                        .param("creditCode", "91350100M000100Y44")
                        .param("divisionPath", DISTRICT))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("校验码错误")));
    }

    @Test
    void rosterFormRejectsAMissingPerson() throws Exception {
        mvc.perform(post("/roster/shifts")
                        .with(users.as(USER))
                        .with(csrf())
                        .param("divisionPath", DISTRICT)
                        .param("role", "DUTY_OFFICER")
                        .param("startsAt", "2030-01-01T08:00")
                        .param("endsAt", "2030-01-01T20:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("此项必填")));
    }
}
