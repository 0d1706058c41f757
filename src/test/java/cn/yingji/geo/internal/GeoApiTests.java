package cn.yingji.geo.internal;

import static cn.yingji.geo.internal.GeoTestCity.ADMIN;
import static cn.yingji.geo.internal.GeoTestCity.WEST_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.GeoAdministration;
import cn.yingji.identity.UserManagement;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Polygon;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class GeoApiTests {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final MockMvc mvc;
    private final TestUsers users;
    private final GeoAdministration admin;
    private final UserManagement userManagement;
    private final Divisions divisions;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    GeoApiTests(
            MockMvc mvc,
            TestUsers users,
            GeoAdministration admin,
            UserManagement userManagement,
            Divisions divisions,
            JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.admin = admin;
        this.userManagement = userManagement;
        this.divisions = divisions;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void city() {
        GeoTestCity.ensure(admin, userManagement);
    }

    // ---- jurisdiction ------------------------------------------------------------------------------------------

    @Test
    void officerSeesOnlyTheirCounty() throws Exception {
        mvc.perform(get("/api/v1/divisions/990101000000").with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("测试区1"))
                .andExpect(jsonPath("$.childCount").value(2))
                .andExpect(jsonPath("$.gridCount").value(16));
        mvc.perform(get("/api/v1/divisions/990102000000").with(users.as(WEST_OFFICER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/divisions/990100000000").with(users.as(WEST_OFFICER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/divisions/990100000000/children").with(users.as(WEST_OFFICER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/grids/990102001001001").with(users.as(WEST_OFFICER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/grids/990101001001001").with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.villageCode").value("990101001001"));

        String list = mvc.perform(get("/api/v1/divisions")
                        .param("q", "9901")
                        .param("size", "500")
                        .with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode page = json.readTree(list);
        assertThat(page.get("total").asLong()).isEqualTo(7);
        for (JsonNode item : page.get("items")) {
            assertThat(item.get("path").asString()).startsWith("/990100000000/990101000000/");
        }
        mvc.perform(get("/api/v1/grids").param("village", "990102001001").with(users.as(WEST_OFFICER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/grids").param("village", "990101001001").with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4));
    }

    @Test
    void exportsContainOnlyVisibleFeatures() throws Exception {
        JsonNode grids = geojson(get("/api/v1/grids.geojson").with(users.as(WEST_OFFICER)));
        assertThat(grids.get("features")).hasSize(16);
        for (JsonNode f : grids.get("features")) {
            assertThat(f.get("properties").get("code").asString()).startsWith("990101");
        }
        mvc.perform(get("/api/v1/grids.geojson").param("parent", "990102000000").with(users.as(WEST_OFFICER)))
                .andExpect(status().isNotFound());
        JsonNode counties = geojson(
                get("/api/v1/divisions.geojson").param("level", "COUNTY").with(users.as(WEST_OFFICER)));
        assertThat(counties.get("features")).hasSize(1);
        assertThat(counties.get("features").get(0).get("id").asString()).isEqualTo("990101000000");
    }

    @Test
    void locateAnswersInsideScopeAnd404Outside() throws Exception {
        mvc.perform(get("/api/v1/locate")
                        .param("lon", "100.1")
                        .param("lat", "20.1")
                        .with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grid.code").value("990101001001001"))
                .andExpect(jsonPath("$.chain.length()").value(4))
                .andExpect(jsonPath("$.chain[3].code").value("990101001001"));
        mvc.perform(get("/api/v1/locate")
                        .param("lon", "100.9")
                        .param("lat", "20.1")
                        .with(users.as(WEST_OFFICER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/locate")
                        .param("lon", "100.9")
                        .param("lat", "20.1")
                        .with(users.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.chain[1].code").value("990102000000"));
        mvc.perform(get("/api/v1/locate")
                        .param("lon", "99")
                        .param("lat", "20.1")
                        .with(users.as(ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void badParametersAre400ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/locate").param("lon", "abc").param("lat", "20").with(users.as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/locate")
                        .param("lon", "100")
                        .param("lat", "200")
                        .with(users.as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lat"));
        mvc.perform(get("/api/v1/locate").param("lon", "100").with(users.as(ADMIN)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/divisions/12ab").with(users.as(ADMIN))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/divisions").param("level", "PLANET").with(users.as(ADMIN)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/divisions.geojson").param("simplify", "5").with(users.as(ADMIN)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/divisions").param("size", "100000").with(users.as(ADMIN)))
                .andExpect(status().isBadRequest());
    }

    // ---- GeoJSON export / import -------------------------------------------------------------------------------

    @Test
    void geoJsonIsAlsoServedToClientsThatAskForJson() throws Exception {
        // the monitoring board's base layer asks with Accept: application/json; it got 406 and showed no counties
        mvc.perform(get("/api/v1/divisions.geojson")
                        .param("level", "COUNTY")
                        .accept(org.springframework.http.MediaType.APPLICATION_JSON)
                        .with(users.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"));
        mvc.perform(get("/api/v1/divisions.geojson")
                        .param("level", "COUNTY")
                        .accept("application/geo+json")
                        .with(users.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"));
    }

    @Test
    void exportIsRfc7946AndRoundTripsThroughImport() throws Exception {
        JsonNode fc = geojson(get("/api/v1/divisions.geojson")
                .param("level", "VILLAGE")
                .param("parent", "990101001000")
                .with(users.as(ADMIN)));
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.get("features")).hasSize(2);
        JsonNode first = fc.get("features").get(0);
        assertThat(first.get("properties").get("code").asString()).isEqualTo("990101001001");
        assertThat(first.get("properties").get("parent_code").asString()).isEqualTo("990101001000");
        JsonNode ring = first.get("geometry").get("coordinates").get(0);
        for (JsonNode position : ring) {
            // [lon, lat]: this city lies at lon 100..101, lat 20..21
            assertThat(position.get(0).doubleValue()).isBetween(100.0, 100.25);
            assertThat(position.get(1).doubleValue()).isBetween(20.0, 20.5);
        }
        Polygon shell = (Polygon) GeoJson.read(first.get("geometry"));
        assertThat(Orientation.isCCW(shell.getExteriorRing().getCoordinates())).isTrue();

        String body = json.writeValueAsString(fc);
        mvc.perform(post("/api/v1/divisions/import")
                        .contentType(GEO_JSON)
                        .content(body)
                        .with(csrf())
                        .with(users.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features").value(2))
                .andExpect(jsonPath("$.changed").value(0));
    }

    @Test
    void importWithBadFeaturesReportsEachRowAndImportsNothing() throws Exception {
        long divisionsBefore = count("geo.divisions");
        long gridsBefore = count("geo.grids");
        List<String> features = new ArrayList<>();
        // 0: fine
        features.add(feature("990101002005", "好社区", "VILLAGE", "990101002000", box(100.3, 20.6, 100.31, 20.61)));
        // 1: wrong geometry type
        features.add(feature(
                "990101002006",
                "线",
                "VILLAGE",
                "990101002000",
                "{\"type\":\"LineString\",\"coordinates\":[[100.3,20.6],[100.31,20.61]]}"));
        // 2: fine
        features.add(feature("990101002007", "又一个好社区", "VILLAGE", "990101002000", "null"));
        // 3: unknown parent
        features.add(feature("990101008001", "无主社区", "VILLAGE", "990101008000", "null"));
        // 4: lat/lon swapped
        features.add(feature("990101002008", "颠倒", "VILLAGE", "990101002000", box(20.6, 100.3, 20.61, 100.31)));
        // 5: malformed code
        features.add(feature("99010100200X", "坏代码", "VILLAGE", "990101002000", "null"));
        String fc = "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
        MockMultipartFile file = new MockMultipartFile(
                "file", "bad.geojson", "application/geo+json", fc.getBytes(StandardCharsets.UTF_8));
        String problem = mvc.perform(multipart("/api/v1/divisions/import")
                        .file(file)
                        .with(csrf())
                        .with(users.as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode errors = json.readTree(problem).get("errors");
        List<String> fields = new ArrayList<>();
        for (JsonNode e : errors) {
            fields.add(e.get("field").asString());
            assertThat(e.get("message").asString()).isNotBlank().doesNotStartWith("geo.");
        }
        assertThat(fields).containsExactly("features[1]", "features[3]", "features[4]", "features[5]");
        assertThat(count("geo.divisions")).isEqualTo(divisionsBefore);
        assertThat(count("geo.grids")).isEqualTo(gridsBefore);
        assertThat(divisions.find(DivisionCode.of("990101002005"))).isEmpty();
    }

    @Test
    void goodImportIsWrittenAndIndexed() throws Exception {
        String fc = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("990102002009", "导入社区", "VILLAGE", "990102002000", box(100.9, 20.9, 101, 21)) + "]}";
        mvc.perform(post("/api/v1/divisions/import")
                        .contentType(GEO_JSON)
                        .content(fc)
                        .with(csrf())
                        .with(users.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features").value(1));
        assertThat(divisions.find(DivisionCode.of("990102002009"))).isPresent();
        String grids = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + box(100.95, 20.95, 101, 21)
                + ",\"properties\":{\"code\":\"990102002009001\",\"name\":\"导入网格\",\"village_code\":\"990102002009\"}}]}";
        mvc.perform(multipart("/api/v1/grids/import")
                        .file(new MockMultipartFile(
                                "file", "g.geojson", "application/geo+json", grids.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .with(users.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(1));
        // Shares its corner with other grids: the new grid's code is the largest, so only points inside it
        // but away from the shared edges resolve to it.
        assertThat(divisions.findGrid("990102002009001")).isPresent();
    }

    @Test
    void onlyAdministratorsImport() throws Exception {
        String fc = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("990101002004", "x", "VILLAGE", "990101002000", "null") + "]}";
        mvc.perform(post("/api/v1/divisions/import")
                        .contentType(GEO_JSON)
                        .content(fc)
                        .with(csrf())
                        .with(users.as(WEST_OFFICER)))
                .andExpect(status().isForbidden());
        assertThat(divisions.find(DivisionCode.of("990101002004"))).isEmpty();
        mvc.perform(post("/api/v1/divisions/import")
                        .contentType(GEO_JSON)
                        .content("{not json")
                        .with(csrf())
                        .with(users.as(ADMIN)))
                .andExpect(status().isBadRequest());
    }

    // ---- pages -------------------------------------------------------------------------------------------------

    @Test
    void pagesRender() throws Exception {
        mvc.perform(get("/map").with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"map\"")))
                .andExpect(content().string(containsString("/js/geo-map.js")));
        mvc.perform(get("/divisions").with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("990101000000")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("990102000000"))));
        mvc.perform(get("/divisions").param("parent", "990102000000").with(users.as(WEST_OFFICER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/divisions").param("parent", "990101001001").with(users.as(WEST_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("990101001001004")));
        mvc.perform(get("/divisions/import").with(users.as(WEST_OFFICER))).andExpect(status().isForbidden());
        mvc.perform(get("/divisions/import").with(users.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("geo-import-form")));
    }

    @Test
    void importPageListsEveryBadRow() throws Exception {
        String fc = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("990101002003", "ok", "VILLAGE", "990101002000", "null") + ","
                + feature("990101002002", "", "VILLAGE", "990101002000", "null") + "]}";
        mvc.perform(multipart("/divisions/import")
                        .file(new MockMultipartFile(
                                "file", "x.geojson", "application/geo+json", fc.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "divisions")
                        .with(csrf())
                        .with(users.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-errors\"")))
                .andExpect(content().string(containsString("features[1]")));
        assertThat(divisions.find(DivisionCode.of("990101002003"))).isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private JsonNode geojson(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(GEO_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private static String feature(String code, String name, String level, String parent, String geometry) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"code\":\"" + code
                + "\",\"name\":\"" + name + "\",\"level\":\"" + level + "\",\"parent_code\":\"" + parent + "\"}}";
    }

    private static String box(double minLon, double minLat, double maxLon, double maxLat) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + minLon + "," + minLat + "],[" + maxLon + "," + minLat
                + "],[" + maxLon + "," + maxLat + "],[" + minLon + "," + maxLat + "],[" + minLon + "," + minLat
                + "]]]}";
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
