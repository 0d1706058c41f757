package cn.yingji.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.directory.SocialCreditCode;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The enterprise registry: registration, place and supervisor resolution, jurisdiction, import and export. */
@YingjiTest
class EnterpriseRegistryTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    EnterpriseRegistryTests(MockMvc mvc, TestUsers users, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
    }

    private static String code(String first17) {
        return first17 + SocialCreditCode.checkCharacter(first17);
    }

    private ResultActions call(MockHttpServletRequestBuilder r, String user, String body) throws Exception {
        return mvc.perform(r.with(users.as(user))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private JsonNode body(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long count() {
        return jdbc.sql("select count(*) from risk.enterprises")
                .query(Long.class)
                .single();
    }

    @Test
    void registrationResolvesPlaceGridAndSupervisorAndCreatesTheOrganisation() throws Exception {
        String credit = code("91340102MA2T7T001");
        JsonNode created = body(call(
                        post("/api/v1/enterprises"),
                        "district.yaohai",
                        "{\"creditCode\":\"" + credit + "\",\"name\":\"瑶海测试燃气有限公司\",\"industry\":\"gas\","
                                + "\"size\":\"SMALL\",\"employees\":45,\"lon\":117.32,\"lat\":31.87,"
                                + "\"safetyOfficer\":\"吴燃气\",\"safetyOfficerPhone\":\"139 0551 2345\"}")
                .andExpect(status().isCreated()));
        JsonNode e = created.get("enterprise");
        assertThat(e.get("industry").asString()).isEqualTo("GAS");
        assertThat(e.get("status").asString()).isEqualTo("OPERATING");
        assertThat(e.get("divisionPath").asString()).startsWith("/340100000000/340102000000/");
        assertThat(e.get("safetyOfficerPhone").asString()).isEqualTo("13905512345");
        assertThat(created.get("supervisors").get(0).get("department").asString())
                .isEqualTo("住房城乡建设局");
        String id = e.get("id").asString();
        // the directory holds the organisation under the same id and credit code
        assertThat(jdbc.sql("select kind || ':' || credit_code from directory.organisations where id = :id::uuid")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("ENTERPRISE:" + credit);
        assertThat(jdbc.sql(
                                "select count(*) from identity.audit_log where entity_type = 'risk.enterprise' and entity_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the same credit code again is a conflict, not a second enterprise
        long before = count();
        call(
                        post("/api/v1/enterprises"),
                        "district.yaohai",
                        "{\"creditCode\":\"" + credit + "\",\"name\":\"重复\",\"industry\":\"GAS\",\"size\":\"SMALL\","
                                + "\"divisionCode\":\"340102000000\"}")
                .andExpect(status().isConflict());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void badInputIsAnsweredFieldByFieldAndStoresNothing() throws Exception {
        long before = count();
        String wrongCheck =
                "91340102MA2T7T002" + (SocialCreditCode.checkCharacter("91340102MA2T7T002") == '0' ? "1" : "0");
        JsonNode problem = body(call(
                        post("/api/v1/enterprises"),
                        "district.yaohai",
                        "{\"creditCode\":\"" + wrongCheck + "\",\"name\":\"\",\"industry\":\"SPACE\","
                                + "\"employees\":-3,\"safetyOfficerPhone\":\"12345\"}")
                .andExpect(status().isBadRequest()));
        String text = problem.toString();
        assertThat(text)
                .contains("creditCode", "name", "industry", "size", "employees", "divisionCode", "safetyOfficerPhone");
        // a point outside the city
        call(
                        post("/api/v1/enterprises"),
                        "district.yaohai",
                        "{\"creditCode\":\"" + code("91340102MA2T7T003") + "\",\"name\":\"x\",\"industry\":\"GAS\","
                                + "\"size\":\"SMALL\",\"lon\":12.5,\"lat\":41.9}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aForeignEnterpriseIsInvisibleAndCannotBeRegisteredOutsideTheJurisdiction() throws Exception {
        String foreign = body(call(
                                post("/api/v1/enterprises"),
                                "admin",
                                "{\"creditCode\":\"" + code("91340103MA2T7T004") + "\",\"name\":\"庐阳测试冶金有限公司\","
                                        + "\"industry\":\"METALLURGY\",\"size\":\"LARGE\",\"divisionCode\":\"340103000000\"}")
                        .andExpect(status().isCreated()))
                .get("enterprise")
                .get("id")
                .asString();
        mvc.perform(get("/api/v1/enterprises/" + foreign).with(users.as("district.yaohai")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/risk/enterprises/" + foreign).with(users.as("district.yaohai")))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/enterprises?size=500").with(users.as("district.yaohai")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain(foreign).doesNotContain("/340103000000/");
        String csv = mvc.perform(get("/api/v1/enterprises/export.csv").with(users.as("district.yaohai")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("creditCode").doesNotContain("庐阳测试冶金有限公司");
        call(
                        put("/api/v1/enterprises/" + foreign),
                        "district.yaohai",
                        "{\"version\":0,\"name\":\"改名\",\"industry\":\"METALLURGY\",\"size\":\"LARGE\","
                                + "\"divisionCode\":\"340103000000\"}")
                .andExpect(status().isNotFound());
        long before = count();
        call(
                        post("/api/v1/enterprises"),
                        "district.yaohai",
                        "{\"creditCode\":\"" + code("91340103MA2T7T005") + "\",\"name\":\"越界登记\","
                                + "\"industry\":\"GAS\",\"size\":\"SMALL\",\"divisionCode\":\"340103000000\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("divisionCode"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void updatesKeepTheCreditCodeAndRefuseStaleVersions() throws Exception {
        String credit = code("91340102MA2T7T006");
        String id = body(call(
                                post("/api/v1/enterprises"),
                                "district.yaohai",
                                "{\"creditCode\":\"" + credit + "\",\"name\":\"瑶海测试建筑有限公司\","
                                        + "\"industry\":\"CONSTRUCTION\",\"size\":\"MEDIUM\",\"divisionCode\":\"340102001000\"}")
                        .andExpect(status().isCreated()))
                .get("enterprise")
                .get("id")
                .asString();
        call(
                        put("/api/v1/enterprises/" + id),
                        "district.yaohai",
                        "{\"version\":0,\"name\":\"瑶海测试建筑集团有限公司\",\"industry\":\"CONSTRUCTION\","
                                + "\"size\":\"LARGE\",\"status\":\"SUSPENDED\",\"divisionCode\":\"340102001000\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enterprise.version").value(1))
                .andExpect(jsonPath("$.enterprise.status").value("SUSPENDED"));
        call(
                        put("/api/v1/enterprises/" + id),
                        "district.yaohai",
                        "{\"version\":0,\"name\":\"过期\",\"industry\":\"CONSTRUCTION\",\"size\":\"LARGE\","
                                + "\"divisionCode\":\"340102001000\"}")
                .andExpect(status().isConflict());
        // the directory's organisation follows the new name
        assertThat(jdbc.sql("select name from directory.organisations where id = :id::uuid")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("瑶海测试建筑集团有限公司");
        // the duty officer reads but does not write the registry
        call(
                        put("/api/v1/enterprises/" + id),
                        "duty",
                        "{\"version\":1,\"name\":\"值班员改名\",\"industry\":\"CONSTRUCTION\",\"size\":\"LARGE\","
                                + "\"divisionCode\":\"340102001000\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void theDepartmentFilterFollowsTheSupervisionMatrix() throws Exception {
        JsonNode page = body(mvc.perform(get("/api/v1/enterprises?size=500")
                        .param("department", "交通运输局")
                        .with(users.as("duty")))
                .andExpect(status().isOk()));
        assertThat(page.get("total").asLong()).isPositive();
        page.get("items").forEach(e -> assertThat(e.get("industry").asString()).isEqualTo("ROAD_TRANSPORT"));
        JsonNode none = body(mvc.perform(
                        get("/api/v1/enterprises").param("department", "不存在的部门").with(users.as("duty")))
                .andExpect(status().isOk()));
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void anImportIsAllOrNothingAndUpdatesKnownCreditCodes() throws Exception {
        String a = code("91340102MA2MP0001");
        String b = code("91340102MA2MP0002");
        String header = "creditCode,name,industry,size,employees,status,address,lon,lat,divisionCode,safetyOfficer,"
                + "safetyOfficerPhone\n";
        String bad = header + a + ",导入甲化工有限公司,HAZARDOUS_CHEMICALS,SMALL,10,,,,,340102001000,甲,13900000001\n"
                + b + ",导入乙食品有限公司,INDUSTRIAL_TRADE,HUGE,abc,,,,,340102001000,乙,13900000002\n"
                + a + ",重复行,GAS,SMALL,,,,,,340102001000,,\n";
        long before = count();
        String answer = mvc.perform(multipart("/api/v1/enterprises/import")
                        .file(new MockMultipartFile("file", "e.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(users.as("district.yaohai"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("row[3].size", "row[3].employees", "row[4].creditCode");
        assertThat(count()).isEqualTo(before);

        String good = header + a + ",导入甲化工有限公司,HAZARDOUS_CHEMICALS,SMALL,10,,,,,340102001000,甲,13900000001\n" + b
                + ",导入乙食品有限公司,INDUSTRIAL_TRADE,MICRO,8,,,,,340102001000,乙,13900000002\n";
        mvc.perform(multipart("/api/v1/enterprises/import")
                        .file(new MockMultipartFile("file", "e.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                        .with(users.as("district.yaohai"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        assertThat(count()).isEqualTo(before + 2);
        String again = header + a + ",导入甲化工有限公司,HAZARDOUS_CHEMICALS,MEDIUM,99,,,,,340102001000,甲,13900000001\n";
        mvc.perform(multipart("/api/v1/enterprises/import")
                        .file(new MockMultipartFile(
                                "file", "e.csv", "text/csv", again.getBytes(StandardCharsets.UTF_8)))
                        .with(users.as("district.yaohai"))
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(count()).isEqualTo(before + 2);
        assertThat(jdbc.sql("select size || ':' || employees from risk.enterprises where credit_code = :c")
                        .param("c", a)
                        .query(String.class)
                        .single())
                .isEqualTo("MEDIUM:99");

        // the XLSX export holds the import columns first, so it can be edited and imported again
        byte[] xlsx = mvc.perform(
                        get("/api/v1/enterprises/export.xlsx").param("q", "导入").with(users.as("district.yaohai")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("creditCode");
            assertThat(s.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void pagesListRegisterAndShowErrorsOnTheForm() throws Exception {
        String html = mvc.perform(get("/risk/enterprises").with(users.as("district.yaohai")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("合肥演示化工有限公司").doesNotContain("庐阳矩阵企业");
        String form = mvc.perform(post("/risk/enterprises/new")
                        .param("creditCode", "123")
                        .param("name", "页面企业")
                        .param("industry", "GAS")
                        .param("size", "SMALL")
                        .param("divisionCode", "340102001000")
                        .with(users.as("district.yaohai"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("field-error").contains("GB 32100");
        String credit = code("91340102MA2PAG001");
        String location = mvc.perform(post("/risk/enterprises/new")
                        .param("creditCode", credit)
                        .param("name", "页面登记燃气有限公司")
                        .param("industry", "GAS")
                        .param("size", "SMALL")
                        .param("status", "OPERATING")
                        .param("divisionCode", "340102001000")
                        .with(users.as("district.yaohai"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String detail = mvc.perform(get(location).with(users.as("district.yaohai")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("页面登记燃气有限公司", credit, "住房城乡建设局");
    }
}
