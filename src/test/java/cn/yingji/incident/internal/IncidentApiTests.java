package cn.yingji.incident.internal;

import static cn.yingji.incident.internal.IncidentTestCity.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.geo.GeoAdministration;
import cn.yingji.identity.UserManagement;
import cn.yingji.incident.Grade;
import cn.yingji.incident.IncidentGraded;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentReported;
import cn.yingji.incident.Obligation;
import cn.yingji.incident.Recipient;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.incident.ReportingOverdue;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Intake, re-grading, reporting clocks, reports, instructions and jurisdiction through the REST API. */
@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class IncidentApiTests {

    static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    private final MockMvc mvc;
    private final TestUsers users;
    private final GeoAdministration geo;
    private final UserManagement userManagement;
    private final IncidentClock clock;
    private final IncidentEventsProbe probe;
    private final DefaultIncidentManagement management;
    private final JdbcClient jdbc;
    private final JdbcIncidentStore store;

    IncidentApiTests(
            MockMvc mvc,
            TestUsers users,
            GeoAdministration geo,
            UserManagement userManagement,
            IncidentClock clock,
            IncidentEventsProbe probe,
            DefaultIncidentManagement management,
            JdbcClient jdbc,
            JdbcIncidentStore store) {
        this.mvc = mvc;
        this.users = users;
        this.geo = geo;
        this.userManagement = userManagement;
        this.clock = clock;
        this.probe = probe;
        this.management = management;
        this.jdbc = jdbc;
        this.store = store;
    }

    @BeforeEach
    void setUp() {
        IncidentTestCity.ensure(geo, userManagement);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant sh(String local) {
        return LocalDateTime.parse(local).atZone(SH).toInstant();
    }

    void at(String local) {
        clock.use(Clock.fixed(sh(local), SH));
    }

    static String intake(String type, Instant occurred, Instant reported, double[] p, int deaths, int serious) {
        return """
                {"typeCode":"%s","occurredAt":"%s","reportedAt":%s,"receivedLevel":"COUNTY","lon":%s,"lat":%s,
                 "address":"测试路1号","reporterName":"张三","reporterPhone":"13800000000","channel":"PHONE",
                 "enterpriseName":"某某建筑公司",
                 "casualties":{"deaths":%d,"missing":0,"seriouslyInjured":%d,"trapped":0,"minorInjuries":1,
                               "directLoss":1000.50},
                 "description":"脚手架坍塌","drill":false}
                """.formatted(
                type, occurred, reported == null ? "null" : "\"" + reported + "\"", p[0], p[1], deaths, serious);
    }

    String create(String user, String json) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/incidents")
                        .with(users.as(user))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn();
        return JsonPath.read(r.getResponse().getContentAsString(), "$.id");
    }

    List<Obligation> storeObligations(String id) {
        return store.obligations(UUID.fromString(id));
    }

    Obligation obligation(String id, ReportingLevel from, Recipient to) {
        return storeObligations(id).stream()
                .filter(o -> o.fromLevel() == from && o.recipient() == to)
                .findFirst()
                .orElseThrow();
    }

    // ---- intake ------------------------------------------------------------------------------------

    @Test
    void intakeLocatesGradesAndStartsClocks() throws Exception {
        at("2025-05-20T10:30:00");
        String id = create(
                DUTY, intake("CONSTRUCTION", sh("2025-05-20T10:00:00"), sh("2025-05-20T10:20:00"), WEST_POINT, 3, 0));
        mvc.perform(get("/api/v1/incidents/" + id).with(users.as(DUTY)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("LARGER"))
                .andExpect(jsonPath("$.gradeDimension").value("DEATHS"))
                .andExpect(jsonPath("$.investigator").value("CITY"))
                .andExpect(jsonPath("$.divisionCode").value(WEST))
                .andExpect(jsonPath("$.divisionPath").value(WEST_PATH))
                .andExpect(jsonPath("$.casualties.directLoss").value(1000.50))
                // the day it occurred (Asia/Shanghai), then the sequence in six digits at least
                .andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.matchesPattern("20250520-\\d{6,}")));
        // Statistics count the casualties reported at intake (three deaths; seriously and minor injured together).
        assertThat(jdbc.sql("select deaths, injured, direct_loss from stats.accident_fact where incident_id = :i")
                        .param("i", UUID.fromString(id))
                        .query((rs, n) -> rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getBigDecimal(3))
                        .single())
                .isEqualTo("3/1/1000.50");
        // Unit → county met at intake (reported 20 min after the accident); county → city due 2 h after receipt.
        Obligation unit = obligation(id, ReportingLevel.UNIT, Recipient.COUNTY_AUTHORITY);
        assertThat(unit.metAt()).isEqualTo(sh("2025-05-20T10:20:00"));
        assertThat(unit.statusAt(sh("2025-05-20T10:30:00"))).isEqualTo(Obligation.Status.MET);
        assertThat(obligation(id, ReportingLevel.COUNTY, Recipient.CITY_AUTHORITY)
                        .dueAt())
                .isEqualTo(sh("2025-05-20T12:20:00"));
        assertThat(obligation(id, ReportingLevel.COUNTY, Recipient.POLICE).dueAt())
                .isEqualTo(sh("2025-05-20T12:20:00"));
        assertThat(probe.of(IncidentReported.class))
                .anyMatch(e -> e.id().toString().equals(id));
        assertThat(jdbc.sql("select count(*) from identity.audit_log where entity_type = 'incident.incident' "
                                + "and entity_id = :id and action = 'create'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/api/v1/incidents/" + id + "/timeline")
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("REPORTED"))
                // written in the event's own INSERT, before its number existed: the number is filled in there
                .andExpect(jsonPath("$[?(@.kind == 'CREATED')].args[0]")
                        .value(org.hamcrest.Matchers.contains(
                                org.hamcrest.Matchers.matchesPattern("20250520-\\d{6,}"))))
                .andExpect(jsonPath("$[?(@.kind == 'GRADED_INITIAL')].args[0]").value("LARGER"));
        assertThat(jdbc.sql("select count(*) from incident.grade_changes where incident_id = :i and reason = 'INTAKE'")
                        .param("i", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** A client may leave out what it does not know: no drill flag is a real event, a missing count is 0. */
    @Test
    void aBodyWithoutTheDrillFlagAndWithPartialCasualtiesIsTakenAsARealEventWithZeros() throws Exception {
        at("2025-05-20T10:30:00");
        String id = create(DUTY, """
                {"typeCode":"CONSTRUCTION","occurredAt":"%s","lon":%s,"lat":%s,"channel":"PHONE",
                 "casualties":{"deaths":1}}
                """.formatted(sh("2025-05-20T10:00:00"), WEST_POINT[0], WEST_POINT[1]));
        mvc.perform(get("/api/v1/incidents/" + id).with(users.as(DUTY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.drill").value(false))
                .andExpect(jsonPath("$.casualties.deaths").value(1))
                .andExpect(jsonPath("$.casualties.missing").value(0))
                .andExpect(jsonPath("$.casualties.seriouslyInjured").value(0));
    }

    /** Timeline entries / obligations / audit entries of an event. */
    private String startedWith(String id) {
        return jdbc.sql("""
                        select (select count(*) from incident.timeline where incident_id = :i) || '/'
                            || (select count(*) from incident.obligations where incident_id = :i) || '/'
                            || (select count(*) from identity.audit_log where entity_id = :t)""")
                .param("i", UUID.fromString(id))
                .param("t", id)
                .query(String.class)
                .single();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameEvent() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        String json = intake("FIRE", Instant.now().minusSeconds(600), null, EAST_POINT, 0, 0);
        MvcResult first = mvc.perform(post("/api/v1/incidents")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn();
        String id = JsonPath.read(first.getResponse().getContentAsString(), "$.id");
        String written = startedWith(id);
        assertThat(written).matches("[1-9]\\d*/[1-9]\\d*/1");
        mvc.perform(post("/api/v1/incidents")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(id));
        assertThat(jdbc.sql("select count(*) from incident.incidents where idempotency_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the replay wrote none of the rows a new event starts with (they hang off the event's own INSERT)
        assertThat(startedWith(id)).isEqualTo(written);
        // Same key, different event: refused.
        mvc.perform(post("/api/v1/incidents")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.replace("脚手架坍塌", "另一事件")))
                .andExpect(status().isConflict());
    }

    @Test
    void badInputIsRefusedWithLocalisedFieldErrorsAndNothingIsWritten() throws Exception {
        long before = jdbc.sql("select count(*) from incident.incidents")
                .query(Long.class)
                .single();
        Instant past = Instant.now().minusSeconds(3600);
        mvc.perform(post("/api/v1/incidents")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(intake("CONSTRUCTION", past, null, WEST_POINT, -1, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deaths"))
                .andExpect(jsonPath("$.errors[0].message").value("不能为负数。"));
        mvc.perform(post("/api/v1/incidents")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(intake("NO_SUCH_TYPE", past, null, WEST_POINT, 0, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("typeCode"));
        mvc.perform(post("/api/v1/incidents")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(intake("CONSTRUCTION", past, null, new double[] {120.0, 10.0}, 0, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("location"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("不在本市")));
        mvc.perform(post("/api/v1/incidents?lang=en")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(intake("CONSTRUCTION", Instant.now().plusSeconds(3600), null, WEST_POINT, 0, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("occurredAt"))
                .andExpect(jsonPath("$.errors[0].message").value("The time must not be in the future."));
        mvc.perform(post("/api/v1/incidents")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from incident.incidents")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    // ---- re-grading ---------------------------------------------------------------------------------

    String casualties(int deaths, int missing, int serious, String loss) {
        return """
                {"casualties":{"deaths":%d,"missing":%d,"seriouslyInjured":%d,"trapped":0,"minorInjuries":0,
                 "directLoss":%s},"note":"续报"}
                """.formatted(deaths, missing, serious, loss);
    }

    @Test
    void aCasualtyUpdateInsideTheWindowRegradesAndFlagsTheInvestigatorChange() throws Exception {
        at("2025-03-01T11:00:00");
        String id = create(
                DUTY, intake("CONSTRUCTION", sh("2025-03-01T10:00:00"), sh("2025-03-01T10:30:00"), WEST_POINT, 2, 0));
        mvc.perform(get("/api/v1/incidents/" + id).with(users.as(DUTY)).with(csrf()))
                .andExpect(jsonPath("$.grade").value("GENERAL"));
        at("2025-03-31T23:59:00"); // last minute of the 30-day window
        mvc.perform(put("/api/v1/incidents/" + id + "/casualties")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(casualties(3, 0, 0, "0")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.insideWindow").value(true))
                .andExpect(jsonPath("$.regraded").value(true))
                .andExpect(jsonPath("$.investigatorChanged").value(true))
                .andExpect(jsonPath("$.incident.grade").value("LARGER"))
                .andExpect(jsonPath("$.incident.investigator").value("CITY"));
        mvc.perform(get("/api/v1/incidents/" + id + "/grade-history")
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(jsonPath("$[1].oldGrade").value("GENERAL"))
                .andExpect(jsonPath("$[1].newGrade").value("LARGER"))
                .andExpect(jsonPath("$[1].decidedBy").value("DEATHS"))
                .andExpect(jsonPath("$[1].investigatorChanged").value(true));
        assertThat(probe.of(IncidentGraded.class))
                .anyMatch(e -> e.id().toString().equals(id)
                        && e.oldGrade() == Grade.GENERAL
                        && e.newGrade() == Grade.LARGER
                        && e.investigatorChanged());
        // 较大 brings the city → province obligation, its clock starting at the re-grading.
        mvc.perform(get("/api/v1/incidents/" + id + "/obligations")
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(status().isOk());
        // After the window: recorded, grade unchanged.
        at("2025-04-01T00:00:00");
        mvc.perform(put("/api/v1/incidents/" + id + "/casualties")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(casualties(12, 0, 0, "0")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.insideWindow").value(false))
                .andExpect(jsonPath("$.regraded").value(false))
                .andExpect(jsonPath("$.incident.grade").value("LARGER"))
                .andExpect(jsonPath("$.incident.casualties.deaths").value(12));
    }

    @Test
    void roadTrafficAndFireUseTheSevenDayWindow() throws Exception {
        at("2025-03-01T11:00:00");
        String road = create(
                DUTY, intake("ROAD_TRAFFIC", sh("2025-03-01T10:00:00"), sh("2025-03-01T10:30:00"), EAST_POINT, 1, 0));
        String fire =
                create(DUTY, intake("FIRE", sh("2025-03-01T10:00:00"), sh("2025-03-01T10:30:00"), EAST_POINT, 1, 0));
        at("2025-03-08T23:00:00"); // day 7: inside
        mvc.perform(put("/api/v1/incidents/" + road + "/casualties")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(casualties(3, 0, 0, "0")))
                .andExpect(jsonPath("$.regraded").value(true))
                .andExpect(jsonPath("$.incident.grade").value("LARGER"));
        at("2025-03-09T00:30:00"); // day 8: outside for 7-day types
        mvc.perform(put("/api/v1/incidents/" + fire + "/casualties")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(casualties(3, 0, 0, "0")))
                .andExpect(jsonPath("$.insideWindow").value(false))
                .andExpect(jsonPath("$.regraded").value(false))
                .andExpect(jsonPath("$.incident.grade").value("GENERAL"));
        mvc.perform(put("/api/v1/incidents/" + fire + "/casualties")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(casualties(-3, 0, 0, "0")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void missingPersonsFoundAliveLowerTheGradeAndWaiveTheProvinceClock() throws Exception {
        at("2025-07-01T09:00:00");
        String id =
                create(DUTY, intake("MINING", sh("2025-07-01T08:00:00"), sh("2025-07-01T08:30:00"), WEST_POINT, 0, 0));
        at("2025-07-01T09:10:00");
        mvc.perform(put("/api/v1/incidents/" + id + "/casualties")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(casualties(1, 2, 0, "0")))
                .andExpect(jsonPath("$.incident.grade").value("LARGER"));
        // The county reports to the city: the city now owes the province (较大) within 2 h.
        at("2025-07-01T09:30:00");
        mvc.perform(post("/api/v1/incidents/" + id + "/reports")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report("COUNTY", "[\"CITY_AUTHORITY\"]", "2025-07-01T09:20:00")))
                .andExpect(status().isCreated());
        assertThat(obligation(id, ReportingLevel.CITY, Recipient.PROVINCE_AUTHORITY)
                        .dueAt())
                .isEqualTo(sh("2025-07-01T11:20:00"));
        at("2025-07-01T10:00:00");
        mvc.perform(put("/api/v1/incidents/" + id + "/casualties")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(casualties(1, 0, 0, "0")))
                .andExpect(jsonPath("$.incident.grade").value("GENERAL"));
        assertThat(obligation(id, ReportingLevel.CITY, Recipient.PROVINCE_AUTHORITY)
                        .waivedAt())
                .isNotNull();
    }

    // ---- reporting clocks -----------------------------------------------------------------------

    static String report(String from, String recipients, String sentAtLocal) {
        return """
                {"kind":"INITIAL","fromLevel":"%s","recipients":%s,"sentAt":"%s",
                 "unitOverview":"某某建筑公司，施工总承包二级","timePlace":"测试路1号工地","course":"脚手架坍塌",
                 "casualtiesText":"死亡1人","measures":"已组织救援","other":"无"}
                """.formatted(from, recipients, sh(sentAtLocal));
    }

    @Test
    void reportedToTheCountyAt2310IsDueAtTheCityBy0110AndTurnsOverdue() throws Exception {
        at("2025-06-10T23:15:00");
        String id = create(
                DUTY,
                intake("HAZARDOUS_CHEMICALS", sh("2025-06-10T23:00:00"), sh("2025-06-10T23:10:00"), WEST_POINT, 1, 0));
        Obligation city = obligation(id, ReportingLevel.COUNTY, Recipient.CITY_AUTHORITY);
        assertThat(city.dueAt()).isEqualTo(sh("2025-06-11T01:10:00"));

        at("2025-06-11T01:09:59");
        management.flagOverdue(clock.now());
        city = obligation(id, ReportingLevel.COUNTY, Recipient.CITY_AUTHORITY);
        assertThat(city.overdueAt()).isNull();
        assertThat(city.statusAt(clock.now())).isEqualTo(Obligation.Status.DUE_SOON);

        at("2025-06-11T01:10:01");
        management.flagOverdue(clock.now());
        city = obligation(id, ReportingLevel.COUNTY, Recipient.CITY_AUTHORITY);
        assertThat(city.overdueAt()).isNotNull();
        assertThat(city.statusAt(clock.now())).isEqualTo(Obligation.Status.OVERDUE);
        UUID cityId = city.id();
        assertThat(probe.of(ReportingOverdue.class))
                .filteredOn(e -> e.obligationId().equals(cityId))
                .hasSize(1)
                .first()
                .satisfies(e -> assertThat(e.dueAt()).isEqualTo(sh("2025-06-11T01:10:00")));
        // Flagged once only.
        management.flagOverdue(clock.now().plusSeconds(60));
        assertThat(probe.of(ReportingOverdue.class))
                .filteredOn(e -> e.obligationId().equals(cityId))
                .hasSize(1);
        mvc.perform(get("/api/v1/incidents/" + id + "/obligations")
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(jsonPath("$[?(@.obligation.recipient == 'CITY_AUTHORITY')].status")
                        .value("OVERDUE"));
        mvc.perform(get("/api/v1/incidents/" + id + "/timeline")
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(jsonPath("$[?(@.kind == 'OVERDUE')]").exists());

        // A late report still meets it, as 迟报.
        at("2025-06-11T01:30:00");
        mvc.perform(post("/api/v1/incidents/" + id + "/reports")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report("COUNTY", "[\"CITY_AUTHORITY\",\"POLICE\"]", "2025-06-11T01:25:00")))
                .andExpect(status().isCreated());
        city = obligation(id, ReportingLevel.COUNTY, Recipient.CITY_AUTHORITY);
        assertThat(city.statusAt(clock.now())).isEqualTo(Obligation.Status.MET_LATE);
        // 一般: the city owes nothing upward, only its parallel notifications, 2 h from receipt.
        assertThat(storeObligations(id)).noneMatch(o -> o.recipient() == Recipient.PROVINCE_AUTHORITY);
        assertThat(obligation(id, ReportingLevel.CITY, Recipient.SAME_LEVEL_GOVERNMENT)
                        .dueAt())
                .isEqualTo(sh("2025-06-11T03:25:00"));
    }

    @Test
    void aReportMissingAMandatoryContentIsRefused() throws Exception {
        at("2025-06-12T10:00:00");
        String id = create(
                DUTY, intake("CONSTRUCTION", sh("2025-06-12T09:00:00"), sh("2025-06-12T09:10:00"), WEST_POINT, 1, 0));
        String missing = report("COUNTY", "[\"CITY_AUTHORITY\"]", "2025-06-12T09:30:00")
                .replace("\"measures\":\"已组织救援\"", "\"measures\":\" \"");
        mvc.perform(post("/api/v1/incidents/" + id + "/reports")
                        .with(users.as(DUTY))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(missing))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("measures"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("已经采取的措施")));
        assertThat(storeObligations(id).stream()
                        .filter(o -> o.recipient() == Recipient.CITY_AUTHORITY)
                        .findFirst()
                        .orElseThrow()
                        .metAt())
                .isNull();
        mvc.perform(get("/api/v1/incidents/" + id + "/reports")
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(jsonPath("$.length()").value(0));
    }

    // ---- instructions ------------------------------------------------------------------------------

    @Test
    void instructionsAreAcknowledgedByTheAddresseeOnlyAndCarryNotes() throws Exception {
        at("2025-06-13T10:00:00");
        String id = create(
                DUTY, intake("CONSTRUCTION", sh("2025-06-13T09:00:00"), sh("2025-06-13T09:10:00"), WEST_POINT, 1, 0));
        MvcResult r = mvc.perform(post("/api/v1/incidents/" + id + "/instructions")
                        .with(users.as(COMMANDER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"authorName":"王市长","authorTitle":"副市长","text":"全力救治伤员，查明原因。",
                                 "addressee":"西区应急管理局","addresseeUser":"%s"}
                                """.formatted(WEST_OFFICER)))
                .andExpect(status().isCreated())
                .andReturn();
        String iid = JsonPath.read(r.getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/incidents/" + id + "/instructions/" + iid + "/acknowledgement")
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/incidents/" + id + "/instructions/" + iid + "/acknowledgement")
                        .with(users.as(WEST_OFFICER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledgedBy").value(WEST_OFFICER));
        mvc.perform(post("/api/v1/incidents/" + id + "/instructions/" + iid + "/acknowledgement")
                        .with(users.as(WEST_OFFICER))
                        .with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/incidents/" + id + "/instructions/" + iid + "/notes")
                        .with(users.as(WEST_OFFICER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"伤员已送医\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes[0].text").value("伤员已送医"));
        mvc.perform(get("/api/v1/incidents/" + id + "/timeline")
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(jsonPath("$[?(@.kind == 'INSTRUCTION')]").exists())
                .andExpect(jsonPath("$[?(@.kind == 'ACKNOWLEDGED')]").exists())
                .andExpect(jsonPath("$[?(@.kind == 'NOTE')]").exists());
    }

    // ---- jurisdiction and roles -------------------------------------------------------------------

    @Test
    void aDistrictOfficerSeesOnlyTheirDistrict() throws Exception {
        Instant past = Instant.now().minusSeconds(1800);
        String west = create(WEST_OFFICER, intake("GAS", past, null, WEST_POINT, 0, 0));
        String east = create(DUTY, intake("GAS", past, null, EAST_POINT, 0, 0));
        mvc.perform(get("/api/v1/incidents/" + east)
                        .with(users.as(WEST_OFFICER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidents/" + east + "/timeline")
                        .with(users.as(WEST_OFFICER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/incidents/" + east + "/casualties")
                        .with(users.as(WEST_OFFICER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(casualties(5, 0, 0, "0")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidents/" + west)
                        .with(users.as(WEST_OFFICER))
                        .with(csrf()))
                .andExpect(status().isOk());
        MvcResult list = mvc.perform(get("/api/v1/incidents?type=GAS&size=500")
                        .with(users.as(WEST_OFFICER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn();
        List<String> paths = JsonPath.read(list.getResponse().getContentAsString(), "$.items[*].divisionPath");
        assertThat(paths).isNotEmpty().allMatch(p -> p.startsWith(WEST_PATH));
        MvcResult all = mvc.perform(get("/api/v1/incidents?type=GAS&size=500")
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andReturn();
        List<String> ids = JsonPath.read(all.getResponse().getContentAsString(), "$.items[*].id");
        assertThat(ids).contains(west, east);
        // The west officer cannot record an event in the east.
        mvc.perform(post("/api/v1/incidents")
                        .with(users.as(WEST_OFFICER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(intake("GAS", past, null, EAST_POINT, 0, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("location"));
        // A viewer without an operational role cannot write.
        mvc.perform(post("/api/v1/incidents")
                        .with(users.as(VIEWER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(intake("GAS", past, null, EAST_POINT, 0, 0)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/incidents/" + east).with(users.as(VIEWER)).with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    void attachmentsAreCheckedAndStored() throws Exception {
        Instant past = Instant.now().minusSeconds(1800);
        String id = create(DUTY, intake("GAS", past, null, WEST_POINT, 0, 0));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        MvcResult r = mvc.perform(multipart("/api/v1/incidents/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "scene.png", "image/png", png))
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andReturn();
        String aid = JsonPath.read(r.getResponse().getContentAsString(), "$.id");
        mvc.perform(get("/api/v1/incidents/" + id + "/attachments/" + aid)
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(multipart("/api/v1/incidents/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "evil.exe", "application/octet-stream", png))
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/incidents/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "fake.png", "image/png", "MZ".getBytes()))
                        .with(users.as(DUTY))
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/incidents/" + id + "/attachments/" + aid)
                        .with(users.as(EAST_OFFICER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    static IncidentId iid(String s) {
        return IncidentId.of(s);
    }
}
