package cn.yingji.grassroots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.geo.Divisions;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Grid workers' check-ins: inside or flagged outside their grid, never from the future, once per key; coverage. */
@YingjiTest
class PatrolTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final ObjectMapper json = new ObjectMapper();

    PatrolTests(MockMvc mvc, TestUsers users, JdbcClient jdbc, Divisions divisions) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    private ResultActions call(MockHttpServletRequestBuilder req, String user, String body, String key)
            throws Exception {
        var r = req.with(users.as(user))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "zh-CN")
                .content(body);
        if (key != null) {
            r = r.header("Idempotency-Key", key);
        }
        return mvc.perform(r);
    }

    /** The grid of grid.mingguang and a point inside it, and a point inside another grid of the township. */
    private record Grids(String own, double[] inside, double[] elsewhere) {}

    private Grids grids() {
        String ownPath = jdbc.sql("""
                        select u.home_path from identity.users u where u.username = 'grid.mingguang'
                        """).query(String.class).optional().orElse(null);
        List<Object[]> rows = jdbc.sql("""
                        select code, path, (@@ outline)[0] as lon, (@@ outline)[1] as lat from geo.grids
                        where path like '/340100000000/340102000000/340102001000/%' order by code
                        """)
                .query((rs, n) ->
                        new Object[] {rs.getString(1).trim(), rs.getString(2), rs.getDouble(3), rs.getDouble(4)})
                .list();
        String own = null;
        double[] inside = null;
        double[] elsewhere = null;
        for (Object[] r : rows) {
            double[] p = {(Double) r[2], (Double) r[3]};
            var loc = divisions.locate(p[0], p[1]);
            if (loc.isEmpty()
                    || loc.get().grid() == null
                    || !loc.get().grid().code().equals(r[0])) {
                continue;
            }
            boolean mine = ownPath != null ? ownPath.equals(r[1]) : own == null;
            if (mine && own == null) {
                own = (String) r[0];
                inside = p;
            } else if (elsewhere == null && !r[0].equals(own)) {
                elsewhere = p;
            }
        }
        assertThat(own).as("grid.mingguang's grid").isNotNull();
        assertThat(elsewhere).isNotNull();
        return new Grids(own, inside, elsewhere);
    }

    private static String body(String grid, double[] p, String at) {
        return "{\"gridCode\":\"" + grid + "\",\"lon\":" + p[0] + ",\"lat\":" + p[1] + ",\"duty\":\"FLOOD\""
                + (at == null ? "" : ",\"at\":\"" + at + "\"") + ",\"note\":\"巡查排水沟\"}";
    }

    private long count(String worker, String grid) {
        return jdbc.sql("select count(*) from grassroots.check_ins where worker = :w and grid_code = :g")
                .param("w", worker)
                .param("g", grid)
                .query(Long.class)
                .single();
    }

    @Test
    void aCheckInInsideTheGridCountsOneOutsideIsFlaggedAndAFutureOneIsRefused() throws Exception {
        Grids g = grids();
        long before = count("grid.mingguang", g.own());
        String key = "patrol-" + UUID.randomUUID();
        call(post("/api/v1/patrols/check-ins"), "grid.mingguang", body(g.own(), g.inside(), null), key)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outside").value(false));
        // a retry of the same check-in is answered with the first one
        call(post("/api/v1/patrols/check-ins"), "grid.mingguang", body(g.own(), g.inside(), null), key)
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"));
        assertThat(count("grid.mingguang", g.own())).isEqualTo(before + 1);
        // a position in another grid is kept but flagged
        call(post("/api/v1/patrols/check-ins"), "grid.mingguang", body(g.own(), g.elsewhere(), null), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outside").value(true));
        // a check-in from the future changes nothing
        String problem = call(
                        post("/api/v1/patrols/check-ins"),
                        "grid.mingguang",
                        body(
                                g.own(),
                                g.inside(),
                                Instant.now().plusSeconds(3600).toString()),
                        null)
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(problem).contains("不能晚于现在");
        assertThat(count("grid.mingguang", g.own())).isEqualTo(before + 2);
        // a duty officer does not patrol
        call(post("/api/v1/patrols/check-ins"), "duty", body(g.own(), g.inside(), null), null)
                .andExpect(status().isForbidden());

        JsonNode coverage = json.readTree(mvc.perform(
                        get("/api/v1/patrols/coverage?division=340102001000").with(users.as("township.mingguang")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(coverage.get("grids").asInt()).isGreaterThan(1);
        assertThat(coverage.get("unpatrolled").toString()).doesNotContain(g.own());
        assertThat(coverage.get("patrolled").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(coverage.get("outside").asLong()).isGreaterThanOrEqualTo(1);
        // with a plan of three patrols a week, one patrol no longer covers the grid
        call(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/patrols/plans/" + g.own()),
                        "township.mingguang",
                        "{\"timesPerWeek\":3,\"duties\":[\"FLOOD\",\"SAFETY\"]}",
                        null)
                .andExpect(status().isOk());
        call(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/patrols/plans/" + g.own()),
                        "township.mingguang",
                        "{\"timesPerWeek\":0,\"duties\":[]}",
                        null)
                .andExpect(status().isBadRequest());
        JsonNode planned = json.readTree(mvc.perform(
                        get("/api/v1/patrols/coverage?division=340102001000").with(users.as("township.mingguang")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(planned.get("unpatrolled").toString()).contains(g.own());
        // another district's coverage is not visible to the township
        mvc.perform(get("/api/v1/patrols/coverage?division=340103000000").with(users.as("township.mingguang")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aProblemFoundOnPatrolBecomesAHazardReportOnceAndNeedsAPhoto() throws Exception {
        Grids g = grids();
        String finding = "排水沟堵塞，汛期有内涝风险" + UUID.randomUUID().toString().substring(0, 6);
        String noPhoto = "{\"gridCode\":\"" + g.own() + "\",\"lon\":" + g.inside()[0] + ",\"lat\":" + g.inside()[1]
                + ",\"duty\":\"FLOOD\",\"finding\":\"" + finding + "\"}";
        call(post("/api/v1/patrols/check-ins"), "grid.mingguang", noPhoto, null).andExpect(status().isBadRequest());
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        String withPhoto = noPhoto.replace("}", ",\"photo\":\"" + png + "\",\"photoName\":\"drain.png\"}");
        String key = "finding-" + UUID.randomUUID();
        String body = call(post("/api/v1/patrols/check-ins"), "grid.mingguang", withPhoto, key)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String checkIn = json.readTree(body).get("id").asString();
        call(post("/api/v1/patrols/check-ins"), "grid.mingguang", withPhoto, key)
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from hazard.hazards where idempotency_key = :k and description = :d")
                        .param("k", "patrol-" + checkIn)
                        .param("d", finding)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void everyVillageOfTheDemoStreetHasAnInformationReporterAndAnotherDistrictIsHidden() throws Exception {
        String page = mvc.perform(get("/grassroots/reporters").with(users.as("township.mingguang")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"reporters\"", "data-code=\"340102001001\"");
        int villages = page.split("data-code=").length - 1;
        int without = page.split("未配备").length - 1;
        // the demo street's villages have their reporter; a village without one is flagged
        assertThat(villages).isGreaterThan(1);
        assertThat(without).isLessThan(villages);
        mvc.perform(get("/grassroots/reporters?township=340103001000").with(users.as("township.mingguang")))
                .andExpect(status().isNotFound());
    }
}
