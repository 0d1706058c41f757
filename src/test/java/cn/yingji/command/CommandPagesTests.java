package cn.yingji.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The plan form saves a plan with its levels and checklist rows, and shows what is wrong without saving. */
@YingjiTest
class CommandPagesTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final JdbcClient jdbc;

    CommandPagesTests(MockMvc mvc, TestUsers users, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
    }

    private MockHttpServletResponse submit(String code, String name) throws Exception {
        return mvc.perform(post("/plans")
                        .with(users.as("commander"))
                        .with(csrf())
                        .param("code", code)
                        .param("name", name)
                        .param("kind", "SPECIAL")
                        .param("status", "ACTIVE")
                        .param("eventTypes", "FIRE")
                        .param("divisionCode", "340100000000")
                        .param("issuer", "合肥市人民政府")
                        .param("version", "0")
                        .param("grade_III", "LARGER")
                        .param("trigger_III", "较大火灾")
                        .param("grade_IV", "")
                        .param("trigger_IV", "")
                        .param("actionLevel", "III", "")
                        .param("actionText", "消防救援力量到场", "")
                        .param("actionKind", "DEPARTMENT", "DEPARTMENT")
                        .param("actionResponsible", "市消防救援支队", "")
                        .param("actionUser", "", "")
                        .param("actionDue", "30", "60"))
                .andReturn()
                .getResponse();
    }

    @Test
    void aPlanIsRegisteredThroughTheFormWithItsChecklist() throws Exception {
        String code = "PG-" + UUID.randomUUID().toString().substring(0, 8);
        MockHttpServletResponse bad = submit(code, "");
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("plan-errors", "名称");
        assertThat(jdbc.sql("select count(*) from command.plans where code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isZero();

        MockHttpServletResponse ok = submit(code, "页面登记的火灾预案");
        assertThat(ok.getStatus()).isEqualTo(302);
        assertThat(ok.getRedirectedUrl()).startsWith("/plans/");
        assertThat(jdbc.sql("""
                        select count(*) from command.plan_actions a join command.plans p on p.id = a.plan_id
                        where p.code = :c and a.level = 'III' and a.responsible = '市消防救援支队' and not a.retired
                        """).param("c", code).query(Long.class).single()).isEqualTo(1);
    }
}
