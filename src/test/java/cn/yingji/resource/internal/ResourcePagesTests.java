package cn.yingji.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.resource.TeamId;
import cn.yingji.shared.PageQuery;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** The resource pages render, show errors on the form, and import XLSX all or nothing. */
@YingjiTest
class ResourcePagesTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final TeamService teams;
    private final RegistryService registries;
    private final IncidentManagement incidents;

    @org.springframework.beans.factory.annotation.Autowired
    DispatchRequests requests;

    ResourcePagesTests(
            MockMvc mvc, TestUsers users, TeamService teams, RegistryService registries, IncidentManagement incidents) {
        this.mvc = mvc;
        this.users = users;
        this.teams = teams;
        this.registries = registries;
        this.incidents = incidents;
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(users.as("duty")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyPageRenders() throws Exception {
        TeamId team = ResourceFixtures.createTeam(teams, ResourceFixtures.unique("页面测试队"), "WATER", List.of("MEDICAL"));
        SecurityContextHolder.clearContext();
        UUID member = teams.addMember(team, "李四", "队员", null);
        teams.addSkill(team, member, "MEDICAL", "医-01", teams.today().plusDays(10));
        SecurityContextHolder.clearContext();
        UUID wh = registries.create(
                Registry.WAREHOUSES,
                Map.of("name", ResourceFixtures.unique("页面测试仓库"), "lon", "117.324", "lat", "31.871"));
        UUID stock = registries.create(
                Registry.STOCK,
                Map.of(
                        "warehouseId", wh.toString(),
                        "item", "帐篷",
                        "unit", "顶",
                        "batch", "P1",
                        "quantity", "3",
                        "minLevel", "5",
                        "expiresOn", teams.today().plusDays(5).toString()));
        UUID shelter = registries.create(
                Registry.SHELTERS,
                Map.of(
                        "name", ResourceFixtures.unique("页面测试避难场所"),
                        "level", "COUNTY",
                        "duration", "LONG_TERM",
                        "capacity", "200",
                        "lon", "117.323",
                        "lat", "31.874"));
        UUID equipment = registries.create(
                Registry.EQUIPMENT,
                Map.of(
                        "name", ResourceFixtures.unique("页面测试冲锋舟"),
                        "category", "BOAT",
                        "quantity", "2",
                        "state", "IN_SERVICE",
                        "teamId", team.toString()));
        UUID expert = registries.create(
                Registry.EXPERTS,
                Map.of(
                        "name",
                        ResourceFixtures.unique("页面测试专家"),
                        "specialty",
                        "HAZCHEM",
                        "lon",
                        "117.32",
                        "lat",
                        "31.87"));
        UUID base = registries.create(
                Registry.BASES, Map.of("name", "测试基地", "baseKind", "REGIONAL", "lon", "117.321", "lat", "31.871"));
        UUID landing = registries.create(
                Registry.LANDING_POINTS,
                Map.of(
                        "name",
                        ResourceFixtures.unique("测试起降点"),
                        "pointKind",
                        "HELIPAD",
                        "night",
                        "true",
                        "lon",
                        "117.322",
                        "lat",
                        "31.872"));
        IncidentId incident = ResourceFixtures.hazchemIncident(incidents, "页面测试危化品泄漏");

        assertThat(page("/resources/teams")).contains("救援队伍", "证书即将到期");
        assertThat(page("/resources/teams/" + team)).contains("页面测试队", "李四", "即将到期", "页面测试冲锋舟", "到场登记");
        assertThat(page("/resources/teams/" + team + "/edit")).contains("编辑队伍");
        assertThat(page("/resources/teams/new")).contains("登记队伍");
        assertThat(page("/resources/map")).contains("resource-map");
        assertThat(page("/resources/dispatch")).contains("调度推荐");
        assertThat(page("/resources/dispatch?incident=" + incident)).contains("危化品救援", "推荐理由");
        SecurityContextHolder.clearContext();
        requests.request(incident.value(), "MEDICAL", 2, "需要医疗支援");
        assertThat(page("/resources/dispatch?incident=" + incident)).contains("待批准", "需要医疗支援", "批准：医疗救护");
        for (String slug :
                List.of("equipment", "warehouses", "stock", "shelters", "experts", "bases", "landing-points")) {
            assertThat(page("/resources/" + slug)).contains("导入");
            assertThat(page("/resources/" + slug + "/new")).contains("registry-form");
        }
        assertThat(page("/resources/stock?warnings=true")).contains("帐篷", "低于最低库存", "临期");
        assertThat(page("/resources/warehouses/" + wh)).contains("帐篷");
        assertThat(page("/resources/stock/" + stock)).contains("stock-available");
        assertThat(page("/resources/shelters/" + shelter)).contains("0 / 200");
        assertThat(page("/resources/equipment/" + equipment)).contains("冲锋舟");
        assertThat(page("/resources/experts/" + expert + "/edit")).contains("危化品救援");
        assertThat(page("/resources/bases/" + base)).contains("驻训队伍", "页面测试队");
        assertThat(page("/resources/landing-points/" + landing)).contains("固定起降点", "是");
    }

    @Test
    void theDemoCityHasRescueForcesShelterStockAndEquipment() throws Exception {
        SecurityContextHolder.clearContext();
        assertThat(registries.exists(cn.yingji.resource.RegistryKind.SHELTERS, "瑶海区长江东路应急避难场所（演示）"))
                .isTrue();
        assertThat(registries.exists(cn.yingji.resource.RegistryKind.EQUIPMENT, "重型防化服（演示）"))
                .isTrue();
        assertThat(page("/resources/stock?warnings=true")).contains("救生衣（演示）", "应急食品（演示）");
        String base = registries
                .list(Registry.BASES, "合肥市消防救援支队驻地", null, false, new PageQuery(0, 5))
                .items()
                .get(0)
                .id()
                .toString();
        assertThat(page("/resources/bases/" + base)).contains("合肥消防救援支队瑶海大队（演示）");
        assertThat(page("/resources/teams?q=蓝天")).contains("瑶海区蓝天救援队（演示）");
    }

    @Test
    void aBadTeamFormIsShownAgainWithItsErrors() throws Exception {
        String html = mvc.perform(post("/resources/teams/new")
                        .with(users.as("duty"))
                        .with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .param("name", "表单测试队")
                        .param("kind", "PRO_WATER")
                        .param("headcount", "-1")
                        .param("primaryCapability", "WATER")
                        .param("readiness", "2")
                        .param("lon", "200")
                        .param("lat", "31.8"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("不能为负数", "坐标不在中国境内", "value=\"表单测试队\"");
    }

    @Test
    void anXlsxImportWithTwoBadRowsShowsBothAndImportsNothing() throws Exception {
        String a = ResourceFixtures.unique("表格队A");
        String b = ResourceFixtures.unique("表格队B");
        String c = ResourceFixtures.unique("表格队C");
        byte[] bad = xlsx(List.of(
                List.of(a, "PRO_HAZCHEM", "10", "HAZCHEM", "1", "117.33", "31.87"),
                List.of(b, "PRO_WATER", "-2", "WATER", "2", "117.33", "31.87"),
                List.of(c, "PRO_MEDICAL", "8", "MEDICAL", "2", "7.33", "31.87")));
        String html = mvc.perform(multipart("/resources/teams/import")
                        .file(new MockMultipartFile("file", "teams.xlsx", null, bad))
                        .with(users.as("duty"))
                        .with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("第 3 行 · 人数：不能为负数", "第 4 行 · 经度：坐标不在中国境内");
        assertThat(page("/resources/teams?q=" + a)).contains("共 0 条");
    }

    static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("teams");
            List<String> header = List.of("name", "kind", "headcount", "primaryCapability", "readiness", "lon", "lat");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    String v = rows.get(r).get(i);
                    if (v.matches("-?[0-9.]+")) {
                        row.createCell(i).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
