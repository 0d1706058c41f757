package cn.yingji.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.resource.TeamDispatched;
import cn.yingji.resource.TeamId;
import cn.yingji.resource.TeamStatus;
import cn.yingji.resource.TeamStatusChanged;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The resource API end to end: registering teams with clear errors that change nothing, import all or nothing,
 * recommendation with explanations, dispatch with its event, pings with idempotency keys, roles and jurisdiction.
 */
@YingjiTest
@RecordApplicationEvents
class ResourceApiTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final JdbcClient jdbc;
    private final TeamService teams;
    private final IncidentManagement incidents;

    @org.springframework.beans.factory.annotation.Autowired
    ApplicationEvents events;

    ResourceApiTests(MockMvc mvc, TestUsers users, JdbcClient jdbc, TeamService teams, IncidentManagement incidents) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
        this.teams = teams;
        this.incidents = incidents;
    }

    private long teamCount() {
        return jdbc.sql("select count(*) from resource.teams").query(Long.class).single();
    }

    @Test
    void aTeamIsRegisteredAndReadBack() throws Exception {
        String name = ResourceFixtures.unique("API测试队");
        String body = """
                {"name":"%s","kind":"PRO_HAZCHEM","headcount":12,"primaryCapability":"HAZCHEM",
                 "capabilities":["FIRE_RESCUE","MEDICAL"],"readiness":1,"lon":117.321,"lat":31.871,
                 "leaderUsername":"rescue.leader"}""".formatted(name);
        mvc.perform(post("/api/v1/resources/teams")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.status").value("STANDBY"))
                .andExpect(jsonPath("$.divisionPath")
                        .value(org.hamcrest.Matchers.startsWith("/340100000000/340102000000/")));
    }

    @Test
    void badInputIsRejectedWithEveryProblemAndChangesNothing() throws Exception {
        long before = teamCount();
        String body = """
                {"name":"坏数据队","kind":"PRO_HAZCHEM","headcount":-3,"primaryCapability":"TELEPORTATION",
                 "capabilities":["LEVITATION"],"readiness":1,"lon":2.35,"lat":48.85}""";
        mvc.perform(post("/api/v1/resources/teams")
                        .with(users.as("duty"))
                        .with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content -> {
                    String text = content.getResponse().getContentAsString(StandardCharsets.UTF_8);
                    assertThat(text)
                            .contains("headcount", "primaryCapability", "capabilities", "lon")
                            .contains("不能为负数", "未知的能力代码：TELEPORTATION", "坐标不在中国境内");
                });
        assertThat(teamCount()).isEqualTo(before);
    }

    @Test
    void importWithTwoBadRowsReportsBothAndImportsNothingThenTheFixedFileImportsAll() throws Exception {
        String a = ResourceFixtures.unique("导入队A");
        String b = ResourceFixtures.unique("导入队B");
        String c = ResourceFixtures.unique("导入队C");
        String header =
                "name,kind,organisation,base,headcount,primaryCapability,capabilities,readiness,lon,lat,divisionCode,leaderUsername,phone\n";
        String bad = header
                + a + ",PRO_HAZCHEM,单位,基地,10,HAZCHEM,FIRE_RESCUE;MEDICAL,1,117.33,31.87,,,\n"
                + b + ",PRO_WATER,单位,基地,-5,WATER,,2,117.33,31.87,,,\n"
                + c + ",PRO_MEDICAL,单位,基地,8,MEDICAL,FLYING,2,117.33,31.87,,,\n";
        long before = teamCount();
        mvc.perform(multipart("/api/v1/resources/teams/import")
                        .file(new MockMultipartFile(
                                "file", "teams.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(users.as("duty"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content -> assertThat(content.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .contains("row[3].headcount", "row[4].capabilities")
                        .doesNotContain("row[2]"));
        assertThat(teamCount()).isEqualTo(before);

        String fixed = bad.replace(",-5,", ",5,").replace("FLYING", "EVACUATION");
        mvc.perform(multipart("/api/v1/resources/teams/import")
                        .file(new MockMultipartFile(
                                "file", "teams.csv", "text/csv", fixed.getBytes(StandardCharsets.UTF_8)))
                        .with(users.as("duty"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(3));
        assertThat(teamCount()).isEqualTo(before + 3);
    }

    @Test
    void recommendationRanksStandbyTeamsWithExplanationsAndDispatchPublishesTheEvent() throws Exception {
        String name = ResourceFixtures.unique("推荐测试危化队");
        TeamId team = ResourceFixtures.createTeam(teams, name, "HAZCHEM", List.of("FIRE_RESCUE", "MEDICAL"));
        IncidentId incident = ResourceFixtures.hazchemIncident(incidents, "推荐测试危化品泄漏");
        String json = mvc.perform(get("/api/v1/dispatch/recommendations")
                        .param("incident", incident.toString())
                        .param("limit", "100")
                        .with(users.as("duty")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains(name).contains("覆盖所需能力 3/3");

        mvc.perform(post("/api/v1/dispatch")
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\":\"%s\",\"incidentId\":\"%s\",\"note\":\"立即出动\"}"
                                .formatted(team, incident)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.team.status").value("DISPATCHED"));
        assertThat(events.stream(TeamDispatched.class).filter(e -> e.teamId().equals(team.value())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.incidentId()).isEqualTo(incident.value());
                    assertThat(e.teamName()).isEqualTo(name);
                    assertThat(e.note()).isEqualTo("立即出动");
                    assertThat(e.divisionPath()).startsWith("/340100000000/340102000000/");
                });
        assertThat(events.stream(TeamStatusChanged.class).filter(e -> e.teamId().equals(team.value())))
                .anySatisfy(e -> assertThat(e.to()).isEqualTo(TeamStatus.DISPATCHED));

        // A dispatched team is no longer recommended, and dispatching it again is a clear conflict.
        assertThat(mvc.perform(get("/api/v1/dispatch/recommendations")
                                .param("incident", incident.toString())
                                .param("limit", "100")
                                .with(users.as("duty")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(name);
        mvc.perform(post("/api/v1/dispatch")
                        .with(users.as("duty"))
                        .with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\":\"%s\",\"incidentId\":\"%s\"}".formatted(team, incident)))
                .andExpect(status().isConflict())
                .andExpect(content -> assertThat(content.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .contains("不在待命状态"));
    }

    @Test
    void pingsAreIdempotentAndOnlyTheTeamsOwnLeaderMayOperateIt() throws Exception {
        TeamId other = ResourceFixtures.createTeam(teams, ResourceFixtures.unique("他人队"), "WATER", List.of());
        SecurityContextHolder.clearContext();
        TeamId own = teams.create(new cn.yingji.resource.NewTeam(
                ResourceFixtures.unique("队长自己的队"),
                cn.yingji.resource.TeamKind.SOCIAL,
                null,
                null,
                10,
                "WATER",
                List.of(),
                2,
                117.322,
                31.872,
                null,
                "rescue.leader",
                null));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/resources/teams/{id}/pings", own.value())
                            .with(users.as("rescue.leader"))
                            .with(csrf())
                            .header("Idempotency-Key", "ping-1")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"lon\":117.33,\"lat\":31.88}"))
                    .andExpect(status().is(i == 0 ? 201 : 200));
        }
        assertThat(jdbc.sql("select count(*) from resource.team_pings where team_id = :t")
                        .param("t", own.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post("/api/v1/resources/teams/{id}/status", own.value())
                        .with(users.as("rescue.leader"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"UNAVAILABLE\",\"note\":\"训练\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNAVAILABLE"));
        mvc.perform(post("/api/v1/resources/teams/{id}/status", other.value())
                        .with(users.as("rescue.leader"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"UNAVAILABLE\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/resources/teams")
                        .with(users.as("rescue.leader"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTeamOfAnotherDistrictIsInvisible() throws Exception {
        SecurityContextHolder.clearContext();
        TeamId foreign = teams.create(new cn.yingji.resource.NewTeam(
                ResourceFixtures.unique("庐阳测试队"),
                cn.yingji.resource.TeamKind.PRO_POWER,
                null,
                null,
                10,
                "POWER",
                List.of(),
                2,
                117.27,
                31.89,
                ResourceFixtures.LUYANG_TOWNSHIP,
                null,
                null));
        mvc.perform(get("/api/v1/resources/teams/{id}", foreign.value()).with(users.as("district.yaohai")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resources/teams/{id}", foreign.value()).with(users.as("duty")))
                .andExpect(status().isOk());
        assertThat(mvc.perform(get("/api/v1/resources/teams")
                                .param("size", "500")
                                .with(users.as("district.yaohai")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("340103");
    }

    @Test
    void aSupportRequestIsMetWithStockOfAnotherDistrictNeverBelowZero() throws Exception {
        IncidentId incident = ResourceFixtures.hazchemIncident(incidents, "跨区域物资支援测试");
        String created = mvc.perform(post("/api/v1/dispatch/requests")
                        .with(users.as("district.yaohai"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"incidentId\":\"%s\",\"capability\":\"HAZCHEM\",\"quantity\":1,\"note\":\"需要防化物资\"}"
                                .formatted(incident)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String id = created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        java.util.Map<String, Object> batch = jdbc.sql("""
                        select id, quantity - reserved as available from resource.stock
                        where division_path not like '/340100000000/340102000000/%' and quantity - reserved > 0
                        order by quantity - reserved desc limit 1
                        """).query().singleRow();
        UUID stock = (UUID) batch.get("id");
        int available = ((Number) batch.get("available")).intValue();
        // more than is available: refused, nothing reserved, the request still open
        mvc.perform(post("/api/v1/dispatch/requests/{id}/approve", id)
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stockId\":\"%s\",\"quantity\":%d}".formatted(stock, available + 1)))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select quantity - reserved from resource.stock where id = :id")
                        .param("id", stock)
                        .query(Integer.class)
                        .single())
                .isEqualTo(available);
        mvc.perform(post("/api/v1/dispatch/requests/{id}/approve", id)
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stockId\":\"%s\",\"quantity\":1}".formatted(stock)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.request.status").value("APPROVED"))
                .andExpect(jsonPath("$.request.stockQuantity").value(1));
        assertThat(jdbc.sql("select quantity - reserved from resource.stock where id = :id")
                        .param("id", stock)
                        .query(Integer.class)
                        .single())
                .isEqualTo(available - 1);
        // a request is met once
        mvc.perform(post("/api/v1/dispatch/requests/{id}/approve", id)
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stockId\":\"%s\",\"quantity\":1}".formatted(stock)))
                .andExpect(status().isConflict());
    }

    @Test
    void aDistrictRequestsSupportAndTheCityApprovesByDispatchingATeamOfAnotherDistrict() throws Exception {
        IncidentId incident = ResourceFixtures.hazchemIncident(incidents, "跨区域支援测试");
        SecurityContextHolder.clearContext();
        TeamId luyang = teams.create(new cn.yingji.resource.NewTeam(
                ResourceFixtures.unique("庐阳水域救援队"),
                cn.yingji.resource.TeamKind.PRO_WATER,
                null,
                null,
                20,
                "WATER",
                List.of(),
                1,
                117.27,
                31.89,
                ResourceFixtures.LUYANG_TOWNSHIP,
                null,
                null));
        String created = mvc.perform(post("/api/v1/dispatch/requests")
                        .with(users.as("district.yaohai"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"incidentId\":\"%s\",\"capability\":\"WATER\",\"quantity\":1,\"note\":\"需要水域救援\"}"
                                .formatted(incident)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String id = created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(post("/api/v1/dispatch/requests")
                        .with(users.as("district.yaohai"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"incidentId\":\"%s\",\"capability\":\"SORCERY\",\"quantity\":0}"
                                .formatted(incident)))
                .andExpect(status().isBadRequest());

        // The requesting district cannot even see the other district's team.
        mvc.perform(post("/api/v1/dispatch/requests/{id}/approve", id)
                        .with(users.as("district.yaohai"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\":\"%s\"}".formatted(luyang)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/dispatch/requests/{id}/approve", id)
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\":\"%s\",\"note\":\"同意\"}".formatted(luyang)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.request.status").value("APPROVED"))
                .andExpect(jsonPath("$.request.teamId").value(luyang.toString()));
        assertThat(events.stream(TeamDispatched.class).filter(e -> e.teamId().equals(luyang.value())))
                .singleElement()
                .satisfies(e -> assertThat(e.incidentId()).isEqualTo(incident.value()));
        mvc.perform(post("/api/v1/dispatch/requests/{id}/reject", id)
                        .with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"太晚\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/dispatch/requests")
                        .param("incident", incident.toString())
                        .with(users.as("district.yaohai")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("APPROVED"));
    }

    @Test
    void aSocialTeamChecksInAtTheSceneReportsAndChecksOut() throws Exception {
        IncidentId incident = ResourceFixtures.hazchemIncident(incidents, "现场协调测试");
        SecurityContextHolder.clearContext();
        TeamId team = teams.create(new cn.yingji.resource.NewTeam(
                ResourceFixtures.unique("现场测试蓝天队"),
                cn.yingji.resource.TeamKind.SOCIAL,
                null,
                null,
                15,
                "WATER",
                List.of(),
                2,
                117.323,
                31.873,
                null,
                "rescue.leader",
                null));
        String checkIn =
                "{\"incidentId\":\"%s\",\"people\":12,\"capabilities\":[\"WATER\",\"MEDICAL\"]}".formatted(incident);
        mvc.perform(post("/api/v1/resources/teams/{id}/check-in", team.value())
                        .with(users.as("rescue.leader"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(checkIn))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/resources/teams/{id}/check-in", team.value())
                        .with(users.as("rescue.leader"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(checkIn))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/resources/teams/{id}/scene-reports", team.value())
                        .with(users.as("rescue.leader"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"已转移群众 40 人\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/dispatch/scene")
                        .param("incident", incident.toString())
                        .with(users.as("duty")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].people").value(12))
                .andExpect(jsonPath("$[0].lastReport").value("已转移群众 40 人"));
        SecurityContextHolder.clearContext();
        assertThat(teams.find(team).orElseThrow().status()).isEqualTo(TeamStatus.ON_SCENE);
        mvc.perform(post("/api/v1/resources/teams/{id}/check-out", team.value())
                        .with(users.as("rescue.leader"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNING"));
    }
}
