package cn.yingji.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.geo.Divisions;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** The dossier's timeline names grades, channels and levels in the reader's language, never as codes. */
@YingjiTest
class TimelineTextTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final IncidentManagement incidents;
    private final Divisions divisions;
    private final JdbcClient jdbc;

    TimelineTextTests(
            MockMvc mvc, TestUsers users, IncidentManagement incidents, Divisions divisions, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.incidents = incidents;
        this.divisions = divisions;
        this.jdbc = jdbc;
    }

    @Test
    void timelineIsWrittenInWordsInBothLanguages() throws Exception {
        double[] p = jdbc
                .sql("select (@@ outline)[0], (@@ outline)[1] from geo.grids where path like :p order by code")
                .param("p", "/340100000000/340102000000/%")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .stream()
                .filter(c -> divisions.locate(c[0], c[1]).isPresent())
                .findFirst()
                .orElseThrow();
        SecurityContextHolder.clearContext();
        Incident incident = incidents
                .report(
                        new NewIncident(
                                "INDUSTRIAL_TRADE",
                                "时间轴文字测试",
                                Instant.now().minusSeconds(120),
                                null,
                                ReportingLevel.COUNTY,
                                p[0],
                                p[1],
                                null,
                                null,
                                null,
                                ReportChannel.PHONE,
                                null,
                                null,
                                new Casualties(3, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                                null,
                                false),
                        null)
                .incident();
        String url = "/incidents/" + incident.id().value();

        String zh = mvc.perform(get(url).with(users.as("duty")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String timelineZh = zh.substring(zh.indexOf("id=\"incident-timeline\""));
        assertThat(timelineZh).contains("较大").doesNotContain("LARGER", "DEATHS", "INDUSTRIAL_TRADE", "PHONE");

        String en = mvc.perform(get(url).param("lang", "en").with(users.as("duty")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String timelineEn = en.substring(en.indexOf("id=\"incident-timeline\""));
        assertThat(timelineEn)
                .doesNotContain("LARGER", "DEATHS", "INDUSTRIAL_TRADE")
                .doesNotContain("较大");
    }
}
