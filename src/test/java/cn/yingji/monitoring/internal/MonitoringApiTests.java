package cn.yingji.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.geo.Divisions;
import cn.yingji.monitoring.AlarmRaised;
import cn.yingji.monitoring.MonitoringAdministration;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.WarningCancelled;
import cn.yingji.monitoring.WarningIssued;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.monitoring.WarningUpdated;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monitoring over the REST API against the demo city: points and sensors with division resolution, batch ingest
 * (JSON and CSV) with whole-batch validation, duplicates and late readings, alarms and their 研判 into warnings
 * with events, CAP 1.2 export validating against the official schema, CAP import, offline sweep, jurisdiction.
 */
@YingjiTest
@RecordApplicationEvents
class MonitoringApiTests {

    final MockMvc mvc;
    final TestUsers users;
    final MonitoringAdministration admin;
    final Divisions divisions;
    final JdbcClient jdbc;
    final IngestService ingest;
    final SensorRegistry registry;
    final JsonMapper json = JsonMapper.builder().build();

    MonitoringApiTests(
            MockMvc mvc,
            TestUsers users,
            MonitoringAdministration admin,
            Divisions divisions,
            JdbcClient jdbc,
            IngestService ingest,
            SensorRegistry registry) {
        this.registry = registry;
        this.mvc = mvc;
        this.users = users;
        this.admin = admin;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.ingest = ingest;
        MonitoringFixture.JDBC = jdbc;
    }

    long readings(UUID sensor) {
        return jdbc.sql("select count(*) from monitoring.reading where sensor_id = :s")
                .param("s", sensor)
                .query(Long.class)
                .single();
    }

    JsonNode send(String user, String body, MediaType type, int expected) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/monitoring/readings")
                        .with(users.as(user))
                        .with(csrf())
                        .contentType(type)
                        .content(body))
                .andExpect(status().is(expected))
                .andReturn();
        return json.readTree(r.getResponse().getContentAsString());
    }

    static String reading(String sensor, Instant at, Object value) {
        return "{\"sensor\":\"" + sensor + "\",\"at\":\"" + at + "\",\"value\":" + value + "}";
    }

    @Test
    void aPointIsPlacedInItsDivisionAndAnOrangeCrossingBecomesOneAlarm(ApplicationEvents events) throws Exception {
        MvcResult created = mvc.perform(post("/api/v1/monitoring/points")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"MP-API-"
                                + UUID.randomUUID().toString().substring(0, 6)
                                + "\",\"name\":\"储罐区\",\"linkKind\":\"HAZARD_SOURCE\",\"linkName\":\"一号罐区\",\"lon\":"
                                + MonitoringFixture.positionIn(divisions, MonitoringFixture.MINGGUANG)[0] + ",\"lat\":"
                                + MonitoringFixture.positionIn(divisions, MonitoringFixture.MINGGUANG)[1] + "}"))
                .andExpect(status().isCreated())
                .andReturn();
        JsonNode point = json.readTree(created.getResponse().getContentAsString());
        assertThat(point.get("divisionPath").asString()).startsWith(MonitoringFixture.MINGGUANG);
        String code = "GAS-API-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/api/v1/monitoring/points/" + point.get("id").asString() + "/sensors")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code
                                + "\",\"name\":\"可燃气体\",\"kind\":\"FLAMMABLE_GAS\",\"unit\":\"%LEL\","
                                + "\"intervalSeconds\":60,\"direction\":\"ABOVE\",\"blue\":10,\"yellow\":20,\"orange\":30,"
                                + "\"red\":40,\"hysteresis\":1}"))
                .andExpect(status().isCreated());
        Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        JsonNode r = send(
                "duty",
                "{\"readings\":[" + reading(code, t, 5) + "," + reading(code, t.plusSeconds(10), 31.5) + ","
                        + reading(code, t.plusSeconds(20), 30.2) + "]}",
                MediaType.APPLICATION_JSON,
                200);
        assertThat(r.get("stored").asInt()).isEqualTo(3);
        assertThat(r.get("alarms").asInt()).isEqualTo(1);
        List<AlarmRaised> raised = events.stream(AlarmRaised.class)
                .filter(a -> a.sensorCode().equals(code))
                .toList();
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(WarningLevel.ORANGE);
            assertThat(a.value()).isEqualTo(31.5);
        });
        // the same batch again: duplicates ignored, nothing re-fired
        JsonNode again = send(
                "duty",
                "[" + reading(code, t, 5) + "," + reading(code, t.plusSeconds(10), 31.5) + "]",
                MediaType.APPLICATION_JSON,
                200);
        assertThat(again.get("stored").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(again.get("alarms").asInt()).isZero();
        // a late reading (older than the last) with a red value is stored but does not fire
        JsonNode late = send(
                "duty",
                "sensor,at,value\n" + code + "," + t.plusSeconds(15) + ",45\n",
                MediaType.valueOf("text/csv"),
                200);
        assertThat(late.get("stored").asInt()).isEqualTo(1);
        assertThat(late.get("late").asInt()).isEqualTo(1);
        assertThat(late.get("alarms").asInt()).isZero();
        mvc.perform(get("/api/v1/monitoring/alarms?status=OPEN").with(users.as("township.mingguang")))
                .andExpect(status().isOk())
                .andExpect(res ->
                        assertThat(res.getResponse().getContentAsString()).contains(code));
    }

    @Test
    void aStaleInMemoryStateFallsBackToTheDuplicateCheckInsteadOfFailing() throws Exception {
        MonitoringPoint p = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "STALE");
        Sensor s = MonitoringFixture.gasSensor(admin, p.id(), "STALE");
        Instant t = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        send("duty", "[" + reading(s.code(), t, 1) + "]", MediaType.APPLICATION_JSON, 200);
        // as after a restart that did not know the last reading: the stored one looks new again
        registry.byCode(s.code()).state.lastAt = t.minusSeconds(60);
        JsonNode r = send(
                "duty",
                "[" + reading(s.code(), t, 1) + "," + reading(s.code(), t.plusSeconds(10), 2) + "]",
                MediaType.APPLICATION_JSON,
                200);
        assertThat(r.get("stored").asInt()).isEqualTo(1);
        assertThat(r.get("duplicates").asInt()).isEqualTo(1);
        assertThat(readings(s.id())).isEqualTo(2);
    }

    @Test
    void aBadBatchIsRejectedWholeWithEachRowsPathAndNothingIsStored() throws Exception {
        MonitoringPoint p = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "BAD");
        Sensor s = MonitoringFixture.gasSensor(admin, p.id(), "BAD");
        Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        String body = "{\"readings\":[" + reading(s.code(), t, 1) + "," + reading("NO-SUCH-SENSOR", t, 1) + ","
                + reading(s.code(), t.plusSeconds(1), "\"abc\"") + ","
                + reading(s.code(), Instant.now().plusSeconds(3600), 2) + "]}";
        JsonNode problem = send("duty", body, MediaType.APPLICATION_JSON, 400);
        assertThat(problem.get("errors").toString())
                .contains("readings[1].sensor", "readings[2].value", "readings[3].at")
                .contains("NO-SUCH-SENSOR");
        assertThat(readings(s.id())).isZero();
        JsonNode csv = send(
                "duty",
                s.code() + "," + t + ",1\n" + s.code() + ",yesterday,2\n" + s.code() + "," + t.plusSeconds(2) + ",x\n",
                MediaType.valueOf("text/csv"),
                400);
        assertThat(csv.get("errors").toString()).contains("line 2.at", "line 3.value");
        assertThat(readings(s.id())).isZero();
        send("duty", "{\"readings\":[", MediaType.APPLICATION_JSON, 400);
        assertThat(readings(s.id())).isZero();
    }

    @Test
    void anAlarmIsAssessedIntoAWarningWhoseCapValidatesThroughUpdateAndCancel(ApplicationEvents events)
            throws Exception {
        MonitoringPoint p = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "WARN");
        Sensor s = MonitoringFixture.gasSensor(admin, p.id(), "WARN");
        send("duty", "[" + reading(s.code(), Instant.now().minusSeconds(5), 42) + "]", MediaType.APPLICATION_JSON, 200);
        AlarmRaised alarm = events.stream(AlarmRaised.class)
                .filter(a -> a.sensorCode().equals(s.code()))
                .findFirst()
                .orElseThrow();
        assertThat(alarm.level()).isEqualTo(WarningLevel.RED);
        String issueBody = "{\"alarmVersion\":0,\"warning\":{\"level\":\"RED\",\"eventType\":\"HAZMAT_LEAK\","
                + "\"title\":\"明光路街道可燃气体泄漏红色预警\",\"content\":\"储罐区可燃气体浓度超过红色阈值 & 持续上升\","
                + "\"measures\":\"疏散周边 500 米人员\",\"divisionCodes\":[\"340102001000\"],"
                + "\"expires\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}}";
        MvcResult created = mvc.perform(post("/api/v1/monitoring/alarms/" + alarm.alarmId() + "/warning")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(issueBody))
                .andExpect(status().isCreated())
                .andReturn();
        JsonNode w = json.readTree(created.getResponse().getContentAsString());
        String id = w.get("id").asString();
        assertThat(events.stream(WarningIssued.class)
                        .filter(e -> e.id().toString().equals(id)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.level()).isEqualTo(WarningLevel.RED);
                    assertThat(e.divisionCodes()).containsExactly("340102001000");
                    assertThat(e.divisionPaths()).containsExactly(MonitoringFixture.MINGGUANG);
                    assertThat(e.external()).isFalse();
                });
        // the alarm cannot be handled twice
        mvc.perform(post("/api/v1/monitoring/alarms/" + alarm.alarmId() + "/dismiss")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"note\":\"误报\"}"))
                .andExpect(status().isConflict());
        String cap = capOf(id);
        assertThat(CapCodec.validate(cap)).isEmpty();
        assertThat(cap)
                .contains(
                        "<msgType>Alert</msgType>",
                        "<severity>Extreme</severity>",
                        "<value>340102001000</value>",
                        "&amp; 持续上升")
                .doesNotContain("Z</", ".000");
        mvc.perform(put("/api/v1/monitoring/warnings/" + id)
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"level\":\"ORANGE\",\"title\":\"降为橙色\",\"content\":\"浓度回落\","
                                + "\"polygon\":\"31.87,117.30 31.88,117.30 31.88,117.31 31.87,117.30\","
                                + "\"divisionCodes\":[\"340102001000\"]}"))
                .andExpect(status().isOk());
        assertThat(events.stream(WarningUpdated.class)
                        .filter(e -> e.id().toString().equals(id)))
                .singleElement()
                .satisfies(e -> assertThat(e.level()).isEqualTo(WarningLevel.ORANGE));
        String update = capOf(id);
        assertThat(CapCodec.validate(update)).isEmpty();
        assertThat(update).contains("<msgType>Update</msgType>", "<references>", "<polygon>31.87,117.30");
        mvc.perform(post("/api/v1/monitoring/warnings/" + id + "/cancel")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1}"))
                .andExpect(status().isOk());
        assertThat(events.stream(WarningCancelled.class)
                        .filter(e -> e.id().toString().equals(id)))
                .hasSize(1);
        String cancel = capOf(id);
        assertThat(CapCodec.validate(cancel)).isEmpty();
        assertThat(cancel).contains("<msgType>Cancel</msgType>", "<responseType>AllClear</responseType>");
        mvc.perform(get("/api/v1/monitoring/warnings/" + id + "/gbt").with(users.as("duty")))
                .andExpect(status().isOk())
                .andExpect(res -> assertThat(res.getResponse().getContentAsString())
                        .contains("<sendTime>", "<severity>Orange</severity>", "<geocode>340102001000</geocode>"));
        // a township officer of 明光路 sees the warning; a grid worker elsewhere would not (jurisdiction by area)
        mvc.perform(get("/api/v1/monitoring/warnings/" + id).with(users.as("township.mingguang")))
                .andExpect(status().isOk());
    }

    String capOf(String id) throws Exception {
        return mvc.perform(get("/api/v1/monitoring/warnings/" + id + "/cap").with(users.as("duty")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anOfficialCapExampleIsImportedBesideOurWarningsAndAnXxeFileIsRefused(ApplicationEvents events)
            throws Exception {
        byte[] xml;
        try (InputStream in = getClass().getResourceAsStream("/monitoring/cap/v1dot2_appendix_adot2.xml")) {
            xml = in.readAllBytes();
        }
        jdbc.sql("delete from monitoring.warning where identifier = 'KSTO1055887203'")
                .update();
        MvcResult r = mvc.perform(post("/api/v1/monitoring/warnings/import")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_XML)
                        .content(xml))
                .andExpect(status().isCreated())
                .andReturn();
        JsonNode w = json.readTree(r.getResponse().getContentAsString());
        assertThat(w.get("external").asBoolean()).isTrue();
        assertThat(w.get("level").asString()).isEqualTo("ORANGE");
        assertThat(events.stream(WarningIssued.class).filter(WarningIssued::external))
                .isNotEmpty();
        mvc.perform(get("/api/v1/monitoring/warnings?external=true").with(users.as("duty")))
                .andExpect(res ->
                        assertThat(res.getResponse().getContentAsString()).contains("KSTO1055887203"));
        mvc.perform(post("/api/v1/monitoring/warnings/import")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_XML)
                        .content(xml))
                .andExpect(status().isConflict());
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&x;</identifier></alert>";
        mvc.perform(post("/api/v1/monitoring/warnings/import")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_XML)
                        .content(xxe))
                .andExpect(status().isBadRequest())
                .andExpect(res -> assertThat(res.getResponse().getContentAsString())
                        .doesNotContain("root:")
                        .contains("DOCTYPE"));
    }

    @Test
    void aSilentSensorGoesOfflineOnceAndTheFeedListsOnlyCurrentPublicWarnings() throws Exception {
        MonitoringPoint p = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "OFF");
        Sensor s = MonitoringFixture.gasSensor(admin, p.id(), "OFF");
        java.time.Clock original = ingest.clock;
        try {
            ingest.clock = java.time.Clock.offset(original, java.time.Duration.ofMinutes(10));
            ingest.sweepOffline();
            ingest.sweepOffline();
        } finally {
            ingest.clock = original;
        }
        assertThat(jdbc.sql("select count(*) from monitoring.alarm where sensor_id = :s and kind = 'OFFLINE'")
                        .param("s", s.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select state from monitoring.sensor where id = :s")
                        .param("s", s.id())
                        .query(String.class)
                        .single())
                .isEqualTo("OFFLINE");
        mvc.perform(get("/public/warnings.atom"))
                .andExpect(status().isOk())
                .andExpect(res -> assertThat(res.getResponse().getContentAsString())
                        .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    }

    @Test
    void readersCannotIssueAndForeignPointsAreNotFound() throws Exception {
        MonitoringPoint foreign = MonitoringFixture.point(admin, divisions, MonitoringFixture.LUYANG, "FOR");
        mvc.perform(get("/api/v1/monitoring/points/" + foreign.id()).with(users.as("township.mingguang")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/monitoring/points/" + foreign.id()).with(users.as("duty")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/monitoring/warnings")
                        .with(users.as("grid.mingguang"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"BLUE\",\"eventType\":\"RAINSTORM\",\"title\":\"t\",\"content\":\"c\","
                                + "\"divisionCodes\":[\"340102001000\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/monitoring/warnings")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"BLUE\",\"eventType\":\"RAINSTORM\",\"title\":\"\",\"content\":\"c\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(res ->
                        assertThat(res.getResponse().getContentAsString()).contains("title", "divisionCodes"));
    }
}
