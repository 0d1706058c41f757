package cn.yingji.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hidden hazards over the REST API and the public pages against the demo city: the whole lifecycle with the demo
 * accounts, idempotent reports, every illegal transition answering 409, bad input answering a localised 400 that
 * changes nothing, the public follow-up code, the anonymous rate limit, and jurisdiction (a 庐阳区 hazard is absent
 * for 明光路街道 in reads, lists, counts and exports).
 */
@YingjiTest
class HazardApiTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final MockMvc mvc;
    private final TestUsers users;
    private final HazardFixtures fixtures;
    private final HazardManagement management;
    private final JsonMapper json;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    HazardApiTests(
            MockMvc mvc, TestUsers users, HazardFixtures fixtures, HazardManagement management, JsonMapper json) {
        this.mvc = mvc;
        this.users = users;
        this.fixtures = fixtures;
        this.management = management;
        this.json = json;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private MockHttpServletResponse send(MockMultipartHttpServletRequestBuilder req, String user) throws Exception {
        return mvc.perform(req.with(users.as(user)).with(csrf()).accept(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse();
    }

    private JsonNode body(MockHttpServletResponse res) throws Exception {
        return json.readTree(res.getContentAsString(StandardCharsets.UTF_8));
    }

    private MockMultipartHttpServletRequestBuilder report(byte[] photo, String key) {
        double[] p = fixtures.inGrid();
        MockMultipartHttpServletRequestBuilder req = multipart("/api/v1/hazards")
                .param("description", "楼道堆放杂物堵塞消防通道")
                .param("industry", "FIRE")
                .param("lon", String.valueOf(p[0]))
                .param("lat", String.valueOf(p[1]))
                .param("address", "明光路1号");
        if (photo != null) {
            req.file(new MockMultipartFile("photo", "p.png", "image/png", photo));
        }
        if (key != null) {
            req.header("Idempotency-Key", key);
        }
        return req;
    }

    private UUID reported() throws Exception {
        MockHttpServletResponse res = send(report(HazardFixtures.PNG, null), "grid.mingguang");
        assertThat(res.getStatus()).as(res.getContentAsString()).isEqualTo(201);
        return UUID.fromString(body(res).get("id").asString());
    }

    private MockMultipartHttpServletRequestBuilder step(UUID id, String action) {
        return multipart("/api/v1/hazards/{id}/" + action, id);
    }

    private MockMultipartHttpServletRequestBuilder assign(UUID id, LocalDate deadline) {
        return step(id, "assign")
                .param("responsible", "王主任")
                .param("measures", "清理杂物，设置警示标志")
                .param("funds", "2000")
                .param("deadline", deadline.toString())
                .param("enterpriseId", fixtures.demoEnterprise().toString());
    }

    private UUID verified() throws Exception {
        UUID id = reported();
        assertThat(send(step(id, "verify").param("note", "现场核实属实"), "grid.mingguang")
                        .getStatus())
                .isEqualTo(200);
        return id;
    }

    private UUID assigned() throws Exception {
        UUID id = verified();
        MockHttpServletResponse res = send(assign(id, LocalDate.now(ZONE).plusDays(10)), "township.mingguang");
        assertThat(res.getStatus()).as(res.getContentAsString()).isEqualTo(200);
        return id;
    }

    private UUID rectified() throws Exception {
        UUID id = assigned();
        assertThat(send(step(id, "start"), "enterprise").getStatus()).isEqualTo(200);
        MockHttpServletResponse res = send(
                step(id, "rectify")
                        .file(new MockMultipartFile("photo", "after.png", "image/png", HazardFixtures.PNG))
                        .param("note", "已清理"),
                "enterprise");
        assertThat(res.getStatus()).as(res.getContentAsString()).isEqualTo(200);
        return id;
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    @Test
    void fullLifecycleFromGridReportToClosureWithEveryStepAudited() throws Exception {
        UUID id = rectified();
        MockHttpServletResponse accepted = send(step(id, "accept").param("passed", "true"), "township.mingguang");
        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
        MockHttpServletResponse closed = send(step(id, "close").param("note", "销号"), "township.mingguang");
        assertThat(closed.getStatus()).isEqualTo(200);
        JsonNode h = body(closed);
        assertThat(h.get("state").asString()).isEqualTo("CLOSED");
        assertThat(h.get("enterpriseName").asString()).isEqualTo("合肥演示化工有限公司");
        assertThat(h.get("responsible").asString()).isEqualTo("王主任");
        assertThat(h.get("source").asString()).isEqualTo("GRID_WORKER");

        JsonNode steps = body(mvc.perform(get("/api/v1/hazards/{id}/steps", id).with(users.as("township.mingguang")))
                .andReturn()
                .getResponse());
        assertThat(steps.findValuesAsString("action"))
                .containsExactly("REPORT", "VERIFY", "ASSIGN", "START", "RECTIFY", "ACCEPT", "CLOSE");
        assertThat(steps.get(0).get("photoId").isNull()).isFalse();
        assertThat(steps.get(4).get("photoId").isNull()).as("evidence photo").isFalse();
        String photo = steps.get(4).get("photoId").asString();
        MockHttpServletResponse img = mvc.perform(
                        get("/api/v1/hazards/{id}/photos/{p}", id, photo).with(users.as("township.mingguang")))
                .andReturn()
                .getResponse();
        assertThat(img.getContentType()).isEqualTo("image/png");
        assertThat(img.getContentAsByteArray()).isEqualTo(HazardFixtures.PNG);
    }

    @Test
    void everyStepIsAuditedInTheSameTransaction() throws Exception {
        UUID id = rectified();
        List<String> actions = jdbc.sql("select action from identity.audit_log where entity_type = 'hazard.hazard'"
                        + " and entity_id = :id order by seq")
                .param("id", id.toString())
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("report", "verify", "assign", "start", "rectify");
        // A refused step leaves no audit entry.
        send(step(id, "accept").param("passed", "true"), "enterprise");
        assertThat(jdbc.sql("select count(*) from identity.audit_log where entity_id = :id")
                        .param("id", id.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void rolesThatMayNotTakeAStepAre403() throws Exception {
        assertThat(send(report(HazardFixtures.PNG, null), "rescue.leader").getStatus())
                .isEqualTo(403);
        assertThat(send(report(HazardFixtures.PNG, null), "commander").getStatus())
                .isEqualTo(403);
        UUID id = verified();
        assertThat(send(assign(id, LocalDate.now(ZONE).plusDays(3)), "grid.mingguang")
                        .getStatus())
                .as("grid workers verify but do not assign")
                .isEqualTo(403);
        assertThat(fixtures.state(id)).isEqualTo("VERIFIED");
    }

    @Test
    void anEnterpriseUserSeesTheHazardsOfItsOwnEnterpriseOnly() throws Exception {
        UUID other = verified();
        assertThat(mvc.perform(get("/api/v1/hazards/{id}", other).with(users.as("enterprise")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a hazard in another village, not assigned to the enterprise")
                .isEqualTo(404);
        UUID own = assigned();
        assertThat(mvc.perform(get("/api/v1/hazards/{id}", own).with(users.as("enterprise")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        String list = mvc.perform(get("/api/v1/hazards").param("size", "500").with(users.as("enterprise")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(own.toString()).doesNotContain(other.toString());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstHazard() throws Exception {
        String key = "grid-" + UUID.randomUUID();
        long before = fixtures.count();
        MockHttpServletResponse first = send(report(HazardFixtures.PNG, key), "grid.mingguang");
        MockHttpServletResponse second = send(report(HazardFixtures.PNG, key), "grid.mingguang");
        MockHttpServletResponse third = send(report(HazardFixtures.PNG, key), "grid.mingguang");
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(third.getStatus()).isEqualTo(200);
        assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(body(second).get("id").asString())
                .isEqualTo(body(first).get("id").asString());
        assertThat(fixtures.count()).isEqualTo(before + 1);
    }

    @Test
    void aMajorHazardIsListedForSupervisionByTheDistrictAndNeedsAContingencyPlan() throws Exception {
        UUID id = reported();
        JsonNode v = body(send(step(id, "verify").param("grade", "MAJOR"), "grid.mingguang"));
        assertThat(v.get("supervised").asBoolean()).isTrue();
        assertThat(v.get("supervisingPath").asString()).isEqualTo("/340100000000/340102000000/");
        MockHttpServletResponse res = send(assign(id, LocalDate.now(ZONE).plusDays(30)), "township.mingguang");
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("contingencyPlan");
        assertThat(fixtures.state(id)).isEqualTo("VERIFIED");
        res = send(
                assign(id, LocalDate.now(ZONE).plusDays(30)).param("contingencyPlan", "停产整改期间设警戒区"),
                "township.mingguang");
        assertThat(res.getStatus()).isEqualTo(200);
        // The district (the supervising level) finds it in its list of supervised hazards.
        String supervised = mvc.perform(get("/api/v1/hazards")
                        .param("supervised", "true")
                        .param("size", "500")
                        .with(users.as("district.yaohai")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(supervised).contains(id.toString());
        String ordinary = mvc.perform(get("/api/v1/hazards")
                        .param("supervised", "false")
                        .param("size", "500")
                        .with(users.as("district.yaohai")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ordinary).doesNotContain(id.toString());
    }

    // ---- state machine -------------------------------------------------------------------------------------

    @Test
    void everyIllegalTransitionIsRefusedWith409() throws Exception {
        UUID r = reported();
        for (String action : new String[] {"assign", "start", "rectify", "accept", "close"}) {
            MockMultipartHttpServletRequestBuilder req = action.equals("assign")
                    ? assign(r, LocalDate.now(ZONE).plusDays(5))
                    : step(r, action).file(new MockMultipartFile("photo", "p.png", "image/png", HazardFixtures.PNG));
            assertThat(send(req, "admin").getStatus())
                    .as("%s on REPORTED", action)
                    .isEqualTo(409);
        }
        UUID a = assigned();
        for (String action : new String[] {"verify", "assign", "rectify", "accept", "close", "reject", "merge"}) {
            assertThat(send(step(a, action).param("note", "x").param("into", r.toString()), "admin")
                            .getStatus())
                    .as("%s on ASSIGNED", action)
                    .isEqualTo(409);
        }
        UUID rect = rectified();
        MockHttpServletResponse start = send(step(rect, "start"), "admin");
        assertThat(start.getStatus()).as("start on RECTIFIED").isEqualTo(409);
        assertThat(start.getContentAsString(StandardCharsets.UTF_8)).contains("不能变更为");
        assertThat(fixtures.state(r)).isEqualTo("REPORTED");
        assertThat(fixtures.state(a)).isEqualTo("ASSIGNED");
        assertThat(fixtures.state(rect)).isEqualTo("RECTIFIED");

        UUID rejected = reported();
        assertThat(send(step(rejected, "reject").param("note", "非安全隐患"), "grid.mingguang")
                        .getStatus())
                .isEqualTo(200);
        assertThat(send(step(rejected, "verify"), "grid.mingguang").getStatus()).isEqualTo(409);
    }

    @Test
    void theRectifierMayNotAcceptTheirOwnWork() throws Exception {
        UUID id = rectified();
        long steps = fixtures.steps(id);
        MockHttpServletResponse res = send(step(id, "accept").param("passed", "true"), "enterprise");
        assertThat(res.getStatus()).isEqualTo(409);
        assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("整改人不能验收");
        assertThat(fixtures.state(id)).isEqualTo("RECTIFIED");
        assertThat(fixtures.steps(id)).isEqualTo(steps);
        // Someone else may; a failed acceptance sends it back with a reason.
        assertThat(send(step(id, "accept").param("passed", "false"), "township.mingguang")
                        .getStatus())
                .isEqualTo(400);
        assertThat(send(step(id, "accept").param("passed", "false").param("note", "照片不清楚"), "township.mingguang")
                        .getStatus())
                .isEqualTo(200);
        assertThat(fixtures.state(id)).isEqualTo("RECTIFYING");
    }

    @Test
    void aDuplicateIsMergedIntoAnOpenHazard() throws Exception {
        UUID first = reported();
        UUID dup = reported();
        assertThat(send(step(dup, "merge").param("into", dup.toString()), "grid.mingguang")
                        .getStatus())
                .isEqualTo(400);
        JsonNode merged = body(send(step(dup, "merge").param("into", first.toString()), "grid.mingguang"));
        assertThat(merged.get("state").asString()).isEqualTo("MERGED");
        assertThat(merged.get("mergedInto").asString()).isEqualTo(first.toString());
    }

    // ---- bad input -----------------------------------------------------------------------------------------

    @Test
    void aReportWithoutAPhotoIsRefusedAndNothingIsWritten() throws Exception {
        long before = fixtures.count();
        MockHttpServletResponse res = send(report(null, null), "grid.mingguang");
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("请上传照片");
        assertThat(fixtures.count()).isEqualTo(before);
    }

    @Test
    void aNonImageIsRefusedByItsBytesWhateverItsContentType() throws Exception {
        long before = fixtures.count();
        MockHttpServletResponse res = send(report(HazardFixtures.NOT_AN_IMAGE, null), "grid.mingguang");
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("按文件内容判断");
        MockHttpServletResponse en = mvc.perform(report(HazardFixtures.NOT_AN_IMAGE, null)
                        .with(users.as("grid.mingguang"))
                        .with(csrf())
                        .param("lang", "en"))
                .andReturn()
                .getResponse();
        assertThat(en.getContentAsString(StandardCharsets.UTF_8)).contains("judged by the file content");
        assertThat(fixtures.count()).isEqualTo(before);
    }

    @Test
    void anOversizedPhotoIsRefused() throws Exception {
        byte[] big = Arrays.copyOf(HazardFixtures.PNG, 5 * 1024 * 1024 + 1);
        long before = fixtures.count();
        MockHttpServletResponse res = send(report(big, null), "grid.mingguang");
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("照片不能超过 5 MB");
        assertThat(fixtures.count()).isEqualTo(before);
    }

    @Test
    void aDeadlineInThePastIsRefusedAndTheHazardStaysVerified() throws Exception {
        UUID id = verified();
        long steps = fixtures.steps(id);
        MockHttpServletResponse res = send(assign(id, LocalDate.now(ZONE).minusDays(1)), "township.mingguang");
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("整改时限不能早于今天");
        assertThat(fixtures.state(id)).isEqualTo("VERIFIED");
        assertThat(fixtures.steps(id)).isEqualTo(steps);
    }

    @Test
    void rectificationWithoutEvidenceIsRefused() throws Exception {
        UUID id = assigned();
        assertThat(send(step(id, "start"), "enterprise").getStatus()).isEqualTo(200);
        MockHttpServletResponse res = send(step(id, "rectify").param("note", "已整改"), "enterprise");
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(fixtures.state(id)).isEqualTo("RECTIFYING");
    }

    @Test
    void aGridWorkerCannotReportOutsideTheirGrid() throws Exception {
        double[] p = fixtures.inForeignDistrict();
        long before = fixtures.count();
        MockHttpServletResponse res = send(
                multipart("/api/v1/hazards")
                        .file(new MockMultipartFile("photo", "p.png", "image/png", HazardFixtures.PNG))
                        .param("description", "别处的隐患")
                        .param("lon", String.valueOf(p[0]))
                        .param("lat", String.valueOf(p[1])),
                "grid.mingguang");
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(fixtures.count()).isEqualTo(before);
    }

    // ---- public report and follow-up -----------------------------------------------------------------------

    @Test
    void aResidentReportsAnonymouslyAndFollowsUpWithTheCode() throws Exception {
        double[] p = fixtures.inGrid();
        MockHttpServletResponse res = mvc.perform(multipart("/report")
                        .file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", HazardFixtures.PNG))
                        .param("description", "小区电动车楼道充电")
                        .param("lon", String.valueOf(p[0]))
                        .param("lat", String.valueOf(p[1]))
                        .param("idempotencyKey", UUID.randomUUID().toString())
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.77.0.1");
                            return r;
                        }))
                .andReturn()
                .getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        String page = res.getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"follow-up-code\"[^>]*>([A-Z0-9-]{19})<")
                .matcher(page);
        assertThat(m.find()).as(page).isTrue();
        String code = m.group(1);
        String track = mvc.perform(get("/report/track").param("code", code.toLowerCase()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(track).contains("data-state=\"REPORTED\"").contains("data-action=\"REPORT\"");
    }

    @Test
    void aForgedFollowUpCodeAnswersNotFound() throws Exception {
        for (String forged : new String[] {"AAAA-BBBB-CCCC-DDDD", "x", "' or 1=1 --"}) {
            MockHttpServletResponse res = mvc.perform(get("/report/track").param("code", forged))
                    .andReturn()
                    .getResponse();
            assertThat(res.getStatus()).isEqualTo(404);
            assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("未找到该查询码");
        }
    }

    @Test
    void anonymousReportsAreRateLimitedPerClient() throws Exception {
        double[] p = fixtures.inGrid();
        int[] statuses = new int[6];
        for (int i = 0; i < 6; i++) {
            statuses[i] = mvc.perform(multipart("/report")
                            .file(new MockMultipartFile("photo", "p.png", "image/png", HazardFixtures.PNG))
                            .param("description", "限流测试 " + i)
                            .param("lon", String.valueOf(p[0]))
                            .param("lat", String.valueOf(p[1]))
                            .with(csrf())
                            .with(r -> {
                                r.setRemoteAddr("10.77.0.99");
                                return r;
                            }))
                    .andReturn()
                    .getResponse()
                    .getStatus();
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
    }

    @Test
    void theAnonymousPageShowsALocalisedErrorForAMissingPhoto() throws Exception {
        long before = fixtures.count();
        MockHttpServletResponse res = mvc.perform(multipart("/report")
                        .param("description", "没有照片")
                        .param("lon", "117.3")
                        .param("lat", "31.86")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("请上传照片");
        assertThat(fixtures.count()).isEqualTo(before);
    }

    // ---- jurisdiction --------------------------------------------------------------------------------------

    @Test
    void aForeignDistrictsHazardIsAbsentEverywhere() throws Exception {
        SecurityContextHolder.clearContext();
        double[] p = fixtures.inForeignDistrict();
        Hazard foreign = management
                .reportAnonymously(
                        new NewHazard(null, "庐阳区燃气管道泄漏", null, "GAS", p[0], p[1], null, null, null, null),
                        new Photo("p.png", HazardFixtures.PNG),
                        "jurisdiction-test",
                        null)
                .hazard();
        String officer = "township.mingguang";
        assertThat(mvc.perform(get("/api/v1/hazards/{id}", foreign.id().value()).with(users.as(officer)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/hazards/{id}", foreign.id().value()).with(users.as(officer)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(step(foreign.id().value(), "verify"), officer).getStatus())
                .isEqualTo(404);
        for (String url : new String[] {
            "/api/v1/hazards?size=500", "/hazards", "/hazards/export.csv", "/api/v1/hazards?q=" + foreign.number()
        }) {
            String body = mvc.perform(get(url).with(users.as(officer)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(url).doesNotContain(foreign.number());
        }
        JsonNode mine = body(mvc.perform(get("/api/v1/hazards/counts").with(users.as(officer)))
                .andReturn()
                .getResponse());
        JsonNode all = body(mvc.perform(get("/api/v1/hazards/counts").with(users.as("duty")))
                .andReturn()
                .getResponse());
        assertThat(all.get("REPORTED").asLong())
                .isGreaterThan(mine.get("REPORTED").asLong());
        // The city duty officer sees it.
        assertThat(mvc.perform(get("/api/v1/hazards/{id}", foreign.id().value()).with(users.as("duty")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void theLedgerExportsCsvAndXlsx() throws Exception {
        UUID id = reported();
        String number = body(mvc.perform(get("/api/v1/hazards/{id}", id).with(users.as("township.mingguang")))
                        .andReturn()
                        .getResponse())
                .get("number")
                .asString();
        String csv = mvc.perform(
                        get("/hazards/export.csv").param("industry", "FIRE").with(users.as("township.mingguang")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("编号").contains(number).contains("消防");
        MockHttpServletResponse xlsx = mvc.perform(get("/hazards/export.xlsx").with(users.as("township.mingguang")))
                .andReturn()
                .getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = wb.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                if (number.equals(row.getCell(0).getStringCellValue())) {
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        String ledger = mvc.perform(get("/hazards").with(users.as("township.mingguang")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ledger).contains(number).contains("明光路街道");
        // The summary is one level below the viewer: the township officer sees villages, the district townships.
        String summary = ledger.substring(ledger.indexOf("id=\"by-division\""), ledger.indexOf("id=\"hazard-table\""));
        assertThat(summary).contains("明光路街道 ");
        String district = mvc.perform(get("/hazards").with(users.as("district.yaohai")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String districtSummary =
                district.substring(district.indexOf("id=\"by-division\""), district.indexOf("id=\"hazard-table\""));
        assertThat(districtSummary).contains("明光路街道").doesNotContain("明光路街道 ");
    }
}
