package cn.yingji.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.geo.Divisions;
import cn.yingji.monitoring.MonitoringAdministration;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.Sensor;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every monitoring page renders, in Chinese and English, and the forms answer errors on the page. */
@YingjiTest
class MonitoringPagesTests {

    final MockMvc mvc;
    final TestUsers users;
    final MonitoringAdministration admin;
    final Divisions divisions;
    final JdbcClient jdbc;
    final IngestService ingest;
    final WarningService warnings;

    MonitoringPagesTests(
            MockMvc mvc,
            TestUsers users,
            MonitoringAdministration admin,
            Divisions divisions,
            JdbcClient jdbc,
            IngestService ingest,
            WarningService warnings) {
        this.warnings = warnings;
        this.mvc = mvc;
        this.users = users;
        this.admin = admin;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.ingest = ingest;
        MonitoringFixture.JDBC = jdbc;
    }

    String page(String url, String lang) throws Exception {
        return mvc.perform(get(url).param("lang", lang).with(users.as("duty")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theMapGetsTheLevelOfEveryDivisionAWarningNames() throws Exception {
        String village = divisions
                .children(cn.yingji.geo.DivisionCode.of("340102001000"))
                .get(0)
                .code()
                .value();
        SecurityContextHolder.clearContext();
        warnings.issue(
                new NewWarning(
                        cn.yingji.monitoring.WarningLevel.YELLOW,
                        "RAINSTORM",
                        "区、街道和社区的预警",
                        "c",
                        "",
                        null,
                        java.util.List.of("340102000000", "340102001000", village),
                        null,
                        null,
                        null,
                        false,
                        null),
                null);
        JsonNode data = new JsonMapper().readTree(page("/monitoring/map-data", "zh_CN"));
        JsonNode w = null;
        for (JsonNode n : data.get("warnings")) {
            if (n.get("title").asString().equals("区、街道和社区的预警")) {
                w = n;
            }
        }
        assertThat(w).isNotNull();
        assertThat(w.get("areas").toString())
                .contains("{\"code\":\"340102000000\",\"level\":\"COUNTY\",\"parent\":\"340100000000\"}")
                .contains("{\"code\":\"340102001000\",\"level\":\"TOWNSHIP\",\"parent\":\"340102000000\"}")
                .contains("{\"code\":\"" + village + "\",\"level\":\"VILLAGE\",\"parent\":\"340102001000\"}");
        // the outline URL the board script requests (read from the script) answers each of these levels
        String js;
        try (java.io.InputStream in = getClass().getResourceAsStream("/static/js/monitoring.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("getJson\\('(/api/v1/[^'?]*divisions\\.geojson)\\?")
                .matcher(js);
        assertThat(m.find()).as("outline request in monitoring.js").isTrue();
        for (String q : new String[] {"level=COUNTY", "level=TOWNSHIP", "level=VILLAGE&parent=340102001000"}) {
            assertThat(page(m.group(1) + "?" + q + "&simplify=0.001", "zh_CN"))
                    .contains(
                            q.startsWith("level=COUNTY")
                                    ? "340102000000"
                                    : q.startsWith("level=TOWNSHIP") ? "340102001000" : village);
        }
    }

    @Test
    void thePagesRenderAndTheAlarmLeadsToAWarning() throws Exception {
        MonitoringPoint p = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "PG");
        Sensor s = MonitoringFixture.gasSensor(admin, p.id(), "PG");
        String body =
                "[{\"sensor\":\"" + s.code() + "\",\"at\":\"" + Instant.now().minusSeconds(2) + "\",\"value\":35}]";
        ingest.ingest(ingest.parseJson(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))), "test");
        UUID alarm = jdbc.sql("select id from monitoring.alarm where sensor_id = :s")
                .param("s", s.id())
                .query(UUID.class)
                .single();
        for (String lang : new String[] {"zh_CN", "en"}) {
            assertThat(page("/monitoring", lang)).contains(s.code());
            assertThat(page("/monitoring/points", lang)).contains(p.code());
            assertThat(page("/monitoring/points/" + p.id(), lang)).contains(s.code());
            assertThat(page("/monitoring/sensors/" + s.id(), lang)).contains("sensor-chart");
            assertThat(page("/monitoring/alarms/" + alarm, lang)).contains("issue-form");
            assertThat(page("/monitoring/warnings", lang)).contains("warnings.atom");
        }
        assertThat(page("/monitoring/map-data", "en")).contains(s.code());
        // a form error is shown on the page, nothing issued
        String withError = mvc.perform(post("/monitoring/alarms/" + alarm + "/warning")
                        .with(users.as("duty"))
                        .with(csrf())
                        .param("version", "0")
                        .param("level", "ORANGE")
                        .param("eventType", "HAZMAT_LEAK")
                        .param("title", "")
                        .param("content", "c")
                        .param("divisionCodes", "340102001000"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(withError).contains("field-error");
        String location = mvc.perform(post("/monitoring/alarms/" + alarm + "/warning")
                        .with(users.as("duty"))
                        .with(csrf())
                        .param("version", "0")
                        .param("level", "ORANGE")
                        .param("eventType", "HAZMAT_LEAK")
                        .param("title", "页面发布的预警")
                        .param("content", "c")
                        .param("divisionCodes", "340102001000")
                        .param("expires", "2099-01-01T10:00"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(page(location, "zh_CN")).contains("页面发布的预警", "download-cap");
    }
}
