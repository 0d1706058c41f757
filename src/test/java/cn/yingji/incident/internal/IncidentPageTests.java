package cn.yingji.incident.internal;

import static cn.yingji.incident.internal.IncidentTestCity.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.geo.GeoAdministration;
import cn.yingji.identity.UserManagement;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The duty-desk pages: intake form, list and CSV export inside the jurisdiction, dossier, clocks fragment, print. */
@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class IncidentPageTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final GeoAdministration geo;
    private final UserManagement userManagement;
    private final IncidentManagement management;
    private final JdbcClient jdbc;

    IncidentPageTests(
            MockMvc mvc,
            TestUsers users,
            GeoAdministration geo,
            UserManagement userManagement,
            IncidentManagement management,
            JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.geo = geo;
        this.userManagement = userManagement;
        this.management = management;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void setUp() {
        IncidentTestCity.ensure(geo, userManagement);
    }

    /** Created as the system (no user signed in in the test thread). */
    Incident event(double[] p, String title) {
        SecurityContextHolder.clearContext();
        return management
                .report(
                        new NewIncident(
                                "INDUSTRIAL_TRADE",
                                title,
                                Instant.now().minusSeconds(3600),
                                null,
                                ReportingLevel.COUNTY,
                                p[0],
                                p[1],
                                "工业路8号",
                                "李四",
                                null,
                                ReportChannel.DEPARTMENT,
                                "某某机械厂",
                                null,
                                new Casualties(1, 0, 0, 0, 0, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO),
                                "机械伤害",
                                false),
                        null)
                .incident();
    }

    @Test
    void listsExportsAndDossiersStayInsideTheJurisdiction() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Incident west = event(WEST_POINT, "西区机械伤害" + tag);
        Incident east = event(EAST_POINT, "东区机械伤害" + tag);
        mvc.perform(get("/incidents").param("q", tag).with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(west.number())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(east.number()))));
        mvc.perform(get("/incidents").param("q", tag).with(users.as(DUTY)))
                .andExpect(content().string(Matchers.containsString(west.number())))
                .andExpect(content().string(Matchers.containsString(east.number())));
        MvcResult csv = mvc.perform(get("/incidents/export.csv").param("q", tag).with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andReturn();
        String body = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains(west.number()).doesNotContain(east.number());
        mvc.perform(get("/incidents/" + east.id()).with(users.as(WEST_OFFICER))).andExpect(status().isNotFound());
        mvc.perform(get("/incidents/" + east.id() + "/clocks").with(users.as(WEST_OFFICER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/incidents/" + west.id()).with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("incident-clocks")))
                .andExpect(content().string(Matchers.containsString("hx-trigger=\"every 30s\"")));
        mvc.perform(get("/incidents/" + west.id() + "/clocks").with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("status-")));
    }

    @Test
    void theIntakeFormRecordsAnEventAndRerendersErrors() throws Exception {
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
                .minusMinutes(30)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        mvc.perform(get("/incidents/new").with(users.as(DUTY)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("incident-intake.js")));
        MvcResult ok = mvc.perform(post("/incidents/new")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .param("typeCode", "FIRE")
                        .param("occurredAt", now)
                        .param("lon", "110.3")
                        .param("lat", "30.6")
                        .param("channel", "POLICE_110_TRANSFER")
                        .param("deaths", "3")
                        .param("idempotencyKey", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = ok.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/incidents/");
        mvc.perform(get(location).with(users.as(DUTY)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("较大")));
        long before = jdbc.sql("select count(*) from incident.incidents")
                .query(Long.class)
                .single();
        mvc.perform(post("/incidents/new")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .param("typeCode", "FIRE")
                        .param("occurredAt", now)
                        .param("lon", "100")
                        .param("lat", "10")
                        .param("deaths", "-2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("不能为负数")));
        assertThat(jdbc.sql("select count(*) from incident.incidents")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aReportIsFiledFromTheFormAndPrints() throws Exception {
        Incident i = event(WEST_POINT, "报告测试");
        mvc.perform(get("/incidents/" + i.id() + "/reports/new").with(users.as(DUTY)))
                .andExpect(status().isOk());
        MvcResult r = mvc.perform(post("/incidents/" + i.id() + "/reports")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .param("kind", "INITIAL")
                        .param("fromLevel", "COUNTY")
                        .param("recipients", "CITY_AUTHORITY", "SAME_LEVEL_GOVERNMENT")
                        .param("unitOverview", "某某机械厂")
                        .param("timePlace", "工业路8号")
                        .param("course", "机械伤害")
                        .param("casualtiesText", "死亡1人")
                        .param("measures", "停产整顿")
                        .param("other", "无"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        mvc.perform(get(r.getResponse().getRedirectedUrl()).with(users.as(DUTY)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("停产整顿")))
                .andExpect(content().string(Matchers.containsString("（五）已经采取的措施")));
        mvc.perform(post("/incidents/" + i.id() + "/reports")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .param("kind", "FOLLOW_UP")
                        .param("fromLevel", "COUNTY")
                        .param("recipients", "CITY_AUTHORITY"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("事故发生单位概况")));
        List<String> kinds = jdbc.sql("select kind from incident.reports where incident_id = :i")
                .param("i", i.id().value())
                .query(String.class)
                .list();
        assertThat(kinds).containsExactly("INITIAL");
    }

    @Test
    void theRulesPageAndApiAreAdminOnlyForWrites() throws Exception {
        mvc.perform(get("/incidents/admin/rules").with(users.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("DECREE_493")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/incidents/config/types/FIRE/window")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType("application/json")
                        .content("{\"days\":9}"))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/incidents/config/types/FIRE/window")
                        .with(users.as(ADMIN))
                        .with(csrf())
                        .contentType("application/json")
                        .content("{\"days\":7}"))
                .andExpect(status().isOk());
    }
}
