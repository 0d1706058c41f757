package cn.yingji.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.geo.Divisions;
import cn.yingji.geo.Location;
import cn.yingji.monitoring.MonitoringAdministration;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.Sensor;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editing and deleting monitoring points over the REST API and the pages: re-resolved division and grid (copied to
 * the sensors), optimistic version, 409 while sensors remain, audit, 404 for foreign ids before the input is read,
 * 403 for read-only roles.
 */
@YingjiTest
class MonitoringPointEditTests {

    static final String YAOHAI = "/340100000000/340102000000/";

    final MockMvc mvc;
    final TestUsers users;
    final MonitoringAdministration admin;
    final Divisions divisions;
    final JdbcClient jdbc;
    final SensorRegistry registry;
    final JsonMapper json = JsonMapper.builder().build();

    MonitoringPointEditTests(
            MockMvc mvc,
            TestUsers users,
            MonitoringAdministration admin,
            Divisions divisions,
            JdbcClient jdbc,
            SensorRegistry registry) {
        this.mvc = mvc;
        this.users = users;
        this.admin = admin;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.registry = registry;
        MonitoringFixture.JDBC = jdbc;
    }

    /** A position in 瑶海区 outside 明光路街道. */
    double[] elsewhereInYaohai() {
        for (double[] c : jdbc.sql("""
                        select (@@ outline)[0], (@@ outline)[1] from geo.grids
                        where path like :p and path not like :m order by code limit 50
                        """)
                .param("p", YAOHAI + "%")
                .param("m", MonitoringFixture.MINGGUANG + "%")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list()) {
            Location loc = divisions.locate(c[0], c[1]).orElse(null);
            if (loc != null && loc.path().startsWith(YAOHAI) && !loc.path().startsWith(MonitoringFixture.MINGGUANG)) {
                return c;
            }
        }
        throw new IllegalStateException("no position in Yaohai outside Mingguang");
    }

    String body(int version, String name, double[] at) {
        return "{\"version\":" + version + ",\"point\":{\"name\":\"" + name
                + "\",\"linkKind\":\"RESERVOIR\",\"linkName\":\"董铺水库\",\"lon\":" + at[0] + ",\"lat\":" + at[1] + "}}";
    }

    List<String> audit(UUID id) {
        return jdbc.sql("""
                        select action from identity.audit_log
                        where entity_type = 'monitoring.point' and entity_id = :id order by seq
                        """).param("id", id.toString()).query(String.class).list();
    }

    @Test
    void anEditMovesThePointAndItsSensorsAndAStaleVersionIsRefused() throws Exception {
        MonitoringPoint p = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "EDIT");
        Sensor s = MonitoringFixture.gasSensor(admin, p.id(), "EDIT");
        double[] there = elsewhereInYaohai();
        String url = "/api/v1/monitoring/points/" + p.id();
        // read-only role: 403, nothing changed
        mvc.perform(put(url).with(users.as("commander"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(0, "指挥长改名", there)))
                .andExpect(status().isForbidden());
        // invalid input: 400 with the field
        String bad = mvc.perform(put(url).with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"point\":{\"name\":\" \",\"linkKind\":\"ENTERPRISE\"}}"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("\"name\"", "\"lon\"", "\"linkName\"");
        JsonNode moved = json.readTree(mvc.perform(put(url).with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(0, "董铺水库坝前", there)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(moved.get("name").asString()).isEqualTo("董铺水库坝前");
        assertThat(moved.get("code").asString()).isEqualTo(p.code());
        assertThat(moved.get("linkKind").asString()).isEqualTo("RESERVOIR");
        assertThat(moved.get("version").asInt()).isEqualTo(1);
        String path = moved.get("divisionPath").asString();
        assertThat(path).startsWith(YAOHAI).doesNotStartWith(MonitoringFixture.MINGGUANG);
        assertThat(path)
                .isEqualTo(divisions.locate(there[0], there[1]).orElseThrow().path());
        assertThat(jdbc.sql("select division_path from monitoring.sensor where id = :s")
                        .param("s", s.id())
                        .query(String.class)
                        .single())
                .isEqualTo(path);
        assertThat(registry.byCode(s.code()).rule.divisionPath()).isEqualTo(path);
        // township officer of 明光路 no longer sees it
        mvc.perform(get(url).with(users.as("township.mingguang"))).andExpect(status().isNotFound());
        // the same version again is stale
        mvc.perform(put(url).with(users.as("duty"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(0, "又一次", there)))
                .andExpect(status().isConflict());
        assertThat(audit(p.id())).containsExactly("create", "update");
    }

    @Test
    void aForeignPointIs404BeforeTheInputIsRead() throws Exception {
        MonitoringPoint foreign = MonitoringFixture.point(admin, divisions, MonitoringFixture.LUYANG, "FOREIGN");
        String url = "/api/v1/monitoring/points/" + foreign.id();
        mvc.perform(put(url).with(users.as("district.yaohai"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete(url).with(users.as("district.yaohai")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/monitoring/points/" + foreign.id())
                        .with(users.as("district.yaohai"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/monitoring/points/" + foreign.id() + "/delete")
                        .with(users.as("district.yaohai"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(admin.findPointByCode(foreign.code())).isPresent();
        assertThat(audit(foreign.id())).containsExactly("create");
    }

    @Test
    void aPointWithSensorsIsNotDeletedAndAnEmptyOneIs() throws Exception {
        MonitoringPoint busy = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "BUSY");
        MonitoringFixture.gasSensor(admin, busy.id(), "BUSY");
        String refused = mvc.perform(delete("/api/v1/monitoring/points/" + busy.id())
                        .param("version", "0")
                        .with(users.as("duty"))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("monitoring.error.pointHasSensors", "仍有 1 个传感器");
        assertThat(jdbc.sql("select count(*) from monitoring.point where id = :id")
                        .param("id", busy.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        MonitoringPoint empty = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "EMPTY");
        String url = "/api/v1/monitoring/points/" + empty.id();
        mvc.perform(delete(url)
                        .param("version", "0")
                        .with(users.as("commander"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(delete(url).with(users.as("duty")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(delete(url).param("version", "3").with(users.as("duty")).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(delete(url).param("version", "0").with(users.as("duty")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get(url).with(users.as("duty"))).andExpect(status().isNotFound());
        assertThat(audit(empty.id())).containsExactly("create", "delete");
    }

    @Test
    void thePointPageEditsAndDeletesWithErrorsOnTheForm() throws Exception {
        MonitoringPoint p = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "PAGE");
        MonitoringFixture.gasSensor(admin, p.id(), "PAGE");
        String page = mvc.perform(get("/monitoring/points/" + p.id())
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .with(users.as("duty")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("point-edit", "point-delete", "编辑监测点");
        String readOnly = mvc.perform(get("/monitoring/points/" + p.id()).with(users.as("commander")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(readOnly).doesNotContain("point-edit", "point-delete");
        double[] here = MonitoringFixture.positionIn(divisions, MonitoringFixture.MINGGUANG);
        String withError = mvc.perform(post("/monitoring/points/" + p.id())
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .with(users.as("duty"))
                        .with(csrf())
                        .param("version", "0")
                        .param("name", "")
                        .param("linkKind", "PLACE")
                        .param("lon", String.valueOf(here[0]))
                        .param("lat", String.valueOf(here[1])))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(withError).contains("field-error");
        mvc.perform(post("/monitoring/points/" + p.id())
                        .with(users.as("duty"))
                        .with(csrf())
                        .param("version", "0")
                        .param("name", "页面改名的监测点")
                        .param("linkKind", "PLACE")
                        .param("lon", String.valueOf(here[0]))
                        .param("lat", String.valueOf(here[1])))
                .andExpect(status().is3xxRedirection());
        assertThat(admin.findPointByCode(p.code()).orElseThrow().name()).isEqualTo("页面改名的监测点");
        mvc.perform(post("/monitoring/points/" + p.id())
                        .with(users.as("commander"))
                        .with(csrf())
                        .param("version", "1")
                        .param("name", "x"))
                .andExpect(status().isForbidden());
        String refused = mvc.perform(post("/monitoring/points/" + p.id() + "/delete")
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .with(users.as("duty"))
                        .with(csrf())
                        .param("version", "1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("仍有 1 个传感器");

        MonitoringPoint empty = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "PAGEDEL");
        mvc.perform(post("/monitoring/points/" + empty.id() + "/delete")
                        .with(users.as("duty"))
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(admin.findPointByCode(empty.code())).isEmpty();
    }
}
