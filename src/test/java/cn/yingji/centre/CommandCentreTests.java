package cn.yingji.centre;

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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The command centre shows active events inside the viewer's jurisdiction and pushes changes over SSE. */
@YingjiTest
class CommandCentreTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final IncidentManagement incidents;
    private final Divisions divisions;
    private final JdbcClient jdbc;
    private final cn.yingji.incident.Incidents reads;
    private final org.springframework.security.core.userdetails.UserDetailsService details;

    CommandCentreTests(
            MockMvc mvc,
            TestUsers users,
            IncidentManagement incidents,
            Divisions divisions,
            JdbcClient jdbc,
            cn.yingji.incident.Incidents reads,
            org.springframework.security.core.userdetails.UserDetailsService details) {
        this.reads = reads;
        this.details = details;
        this.mvc = mvc;
        this.users = users;
        this.incidents = incidents;
        this.divisions = divisions;
        this.jdbc = jdbc;
    }

    private double[] pointIn(String districtCode) {
        List<double[]> candidates = jdbc.sql(
                        "select (@@ outline)[0], (@@ outline)[1] from geo.grids where path like :p order by code limit 50")
                .param("p", "/340100000000/" + districtCode + "/%")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list();
        for (double[] c : candidates) {
            var loc = divisions.locate(c[0], c[1]);
            if (loc.isPresent() && loc.get().path().startsWith("/340100000000/" + districtCode + "/")) {
                return c;
            }
        }
        throw new AssertionError("no point in " + districtCode);
    }

    private Incident report(String districtCode, String title) {
        double[] p = pointIn(districtCode);
        SecurityContextHolder.clearContext();
        return incidents
                .report(
                        new NewIncident(
                                "INDUSTRIAL_TRADE",
                                title,
                                Instant.now().minusSeconds(300),
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
                                "指挥中心测试",
                                false),
                        null)
                .incident();
    }

    private String situationAs(String user) throws Exception {
        return mvc.perform(get("/api/v1/centre/situation").with(users.as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aDistrictSeesOnlyItsOwnActiveEventsAndTheCitySeesAll() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Incident yaohai = report("340102000000", "瑶海态势" + tag);
        Incident luyang = report("340103000000", "庐阳态势" + tag);

        String district = situationAs("district.yaohai");
        assertThat(district)
                .contains(yaohai.id().value().toString())
                .doesNotContain(luyang.id().value().toString());

        String city = situationAs("duty");
        assertThat(city)
                .contains(yaohai.id().value().toString(), luyang.id().value().toString());
        // Three deaths is a 较大 accident: the city's wall counts it by grade.
        assertThat(city).contains("\"LARGER\"");

        String page = mvc.perform(get("/centre").with(users.as("district.yaohai")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("瑶海态势" + tag).doesNotContain("庐阳态势" + tag);
    }

    @Test
    void openObligationsComeInOneScopedQuery() {
        Incident yaohai = report("340102000000", "瑶海时限");
        Incident luyang = report("340103000000", "庐阳时限");
        var user = details.loadUserByUsername("district.yaohai");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                                user, null, user.getAuthorities()));
        try {
            var open = reads.openObligations(Instant.now().plus(java.time.Duration.ofDays(30)), 5_000);
            assertThat(open)
                    .extracting(o -> o.incidentId())
                    .contains(yaohai.id())
                    .doesNotContain(luyang.id());
            assertThat(open).allSatisfy(o -> assertThat(o.metAt()).isNull());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aNewEventIsPushedToOpenScreens() throws Exception {
        MvcResult stream = mvc.perform(get("/centre/stream").with(users.as("duty")))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(stream.getRequest().isAsyncStarted()).isTrue();
        report("340102000000", "推送测试");
        String pushed = stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(pushed).contains("event:situation").contains("data:incident-reported");
    }

    @org.springframework.beans.factory.annotation.Autowired
    cn.yingji.resource.TeamManagement teamManagement;

    @Test
    void aDispatchedTeamIsOnTheWallOfItsDistrictAndNowhereElse() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Incident yaohai = report("340102000000", "瑶海出动" + tag);
        SecurityContextHolder.clearContext();
        cn.yingji.resource.TeamId team = teamManagement.create(new cn.yingji.resource.NewTeam(
                "指挥中心测试队" + tag,
                cn.yingji.resource.TeamKind.PRO_HAZCHEM,
                null,
                null,
                12,
                "HAZCHEM",
                List.of(),
                1,
                117.32,
                31.87,
                "340102001000",
                null,
                null));
        teamManagement.dispatch(team, yaohai.id(), "测试出动");
        String district = situationAs("district.yaohai");
        assertThat(district).contains(team.toString(), "\"DISPATCHED\"");
        String other = mvc.perform(get("/api/v1/centre/situation").with(users.as("township.mingguang")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the team belongs to 明光路街道, so the township sees it; a 庐阳 officer would not (see the matrix)
        assertThat(other).contains(team.toString());
    }
}
