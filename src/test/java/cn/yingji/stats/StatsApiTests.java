package cn.yingji.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.callout.CampaignClosed;
import cn.yingji.callout.CampaignId;
import cn.yingji.hazard.HazardCard;
import cn.yingji.hazard.HazardCardRaised;
import cn.yingji.hazard.HazardGrade;
import cn.yingji.hazard.HazardId;
import cn.yingji.hazard.HazardReported;
import cn.yingji.hazard.HazardSource;
import cn.yingji.hazard.HazardState;
import cn.yingji.hazard.HazardStateChanged;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.CasualtiesUpdated;
import cn.yingji.incident.EventCategory;
import cn.yingji.incident.Grade;
import cn.yingji.incident.GradingDimension;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentGraded;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentReported;
import cn.yingji.incident.IncidentState;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.monitoring.WarningId;
import cn.yingji.monitoring.WarningIssued;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statistics over the REST API: a constructed history (imported from XLSX) with a year where accidents fall but
 * deaths rise; events published as the incident, hazard, monitoring and callout modules publish them (drills
 * dropped, a re-graded accident moving between grades); the yearly report checked against the API; jurisdiction.
 * Every test works in its own far-past years so the demo data of today does not disturb it.
 */
@YingjiTest
class StatsApiTests {

    static final String MINGGUANG = "340102001000";
    static final String MINGGUANG_PATH = "/340100000000/340102000000/340102001000/";
    static final String LUYANG = "340103000000";
    static final String LUYANG_PATH = "/340100000000/340103000000/";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode getJson(String url, String user) throws Exception {
        String body = mvc.perform(get(url).with(users.as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    static byte[] xlsx(Object[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet();
            XSSFRow h = s.createRow(0);
            String[] heads = {"年份", "区划代码", "事故起数", "死亡人数", "特别重大事故起数"};
            for (int i = 0; i < heads.length; i++) {
                h.createCell(i).setCellValue(heads[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = s.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    void importHistory(byte[] file, String user, int expectStatus) throws Exception {
        mvc.perform(multipart("/api/v1/stats/history")
                        .file(new MockMultipartFile("file", "h.xlsx", "application/octet-stream", file))
                        .with(csrf())
                        .with(users.as(user)))
                .andExpect(status().is(expectStatus));
    }

    @Test
    void doubleDecreaseAndRunsOnAConstructedHistory() throws Exception {
        // 1990..1996 in 明光路街道: 1993 accidents fall but deaths rise; an extraordinary accident in 1992
        importHistory(
                xlsx(new Object[][] {
                    {1990, MINGGUANG, 20, 15, 0},
                    {1991, MINGGUANG, 18, 12, 0},
                    {1992, MINGGUANG, 15, 10, 1},
                    {1993, MINGGUANG, 12, 11, 0},
                    {1994, MINGGUANG, 10, 9, 0},
                    {1995, MINGGUANG, 8, 6, 0},
                    {1996, MINGGUANG, 9, 5, 0}
                }),
                "district.yaohai",
                200);
        JsonNode years = getJson(
                        "/api/v1/stats/accidents/years?division=" + MINGGUANG + "&from=1990&to=1996", "district.yaohai")
                .get("years");
        assertThat(years).hasSize(7);
        List<Boolean> dd = new ArrayList<>();
        List<Integer> runs = new ArrayList<>();
        List<Integer> clean = new ArrayList<>();
        for (JsonNode y : years) {
            dd.add(y.get("doubleDecrease").asBoolean());
            runs.add(y.get("doubleDecreaseYears").asInt());
            clean.add(y.get("yearsWithoutExtraordinary").asInt());
        }
        assertThat(dd).containsExactly(false, true, true, false, true, true, false);
        assertThat(runs).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(clean).containsExactly(1, 2, 0, 1, 2, 3, 4);
        assertThat(years.get(1).get("accidentsChange").decimalValue()).isEqualByComparingTo("-10.0");
        assertThat(years.get(3).get("deathsChange").decimalValue()).isEqualByComparingTo("10.0");
        assertThat(years.get(0).get("historical").asBoolean()).isTrue();

        // the yearly report of 1995 shows the same figures as the API
        byte[] docx = mvc.perform(get("/api/v1/stats/reports/yearly?year=1995&format=docx&division=" + MINGGUANG)
                        .with(users.as("district.yaohai")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
            assertThat(text).contains("安全生产形势分析").contains("共发生生产安全事故8起、死亡6人");
            assertThat(text).contains("已连续2年保持“双下降”").contains("已连续3年未发生特别重大生产安全事故");
            XWPFTable table = doc.getTables().get(0);
            JsonNode y1995 = getJson(
                            "/api/v1/stats/accidents/years?division=" + MINGGUANG + "&from=1991&to=1995",
                            "district.yaohai")
                    .get("years");
            assertThat(table.getNumberOfRows()).isEqualTo(6);
            for (int i = 0; i < 5; i++) {
                var row = table.getRow(i + 1);
                JsonNode y = y1995.get(i);
                assertThat(row.getCell(0).getText()).isEqualTo(y.get("year").asText());
                assertThat(row.getCell(1).getText())
                        .isEqualTo(y.get("accidents").asText());
                assertThat(row.getCell(2).getText()).isEqualTo(y.get("deaths").asText());
                assertThat(row.getCell(5).getText())
                        .isEqualTo(y.get("doubleDecrease").asBoolean() ? "是" : "否");
                assertThat(row.getCell(6).getText())
                        .isEqualTo(y.get("doubleDecreaseYears").asText());
                assertThat(row.getCell(7).getText())
                        .isEqualTo(y.get("yearsWithoutExtraordinary").asText());
            }
        }
        byte[] pdf = mvc.perform(get("/api/v1/stats/reports/yearly?year=1995&format=pdf&division=" + MINGGUANG)
                        .with(users.as("district.yaohai")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String page1 = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(page1).contains("1995");
        }
    }

    @Test
    void historyImportIsAllOrNothingWithRowErrors() throws Exception {
        String body = mvc.perform(multipart("/api/v1/stats/history")
                        .file(new MockMultipartFile("file", "h.xlsx", "application/octet-stream", xlsx(new Object[][] {
                            {1970, MINGGUANG, 3, 1, 0},
                            {1971, "999999999999", 2, 1, 0},
                            {1972, LUYANG, 2, 1, 0},
                            {1973, MINGGUANG, 1, 1, 2}
                        })))
                        .with(csrf())
                        .with(users.as("district.yaohai")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("row 3").contains("row 4").contains("row 5").doesNotContain("row 2\"");
        JsonNode years = getJson(
                        "/api/v1/stats/accidents/years?division=" + MINGGUANG + "&from=1970&to=1970", "district.yaohai")
                .get("years");
        assertThat(years.get(0).get("accidents").asLong()).isZero();
        mvc.perform(get("/api/v1/stats/history/template").with(users.as("district.yaohai")))
                .andExpect(status().isOk());
    }

    @Test
    void drillsAreDroppedAndARegradedAccidentMovesBetweenGrades() throws Exception {
        Instant at = LocalDate.of(1980, 6, 1)
                .atStartOfDay(java.time.ZoneOffset.ofHours(8))
                .toInstant();
        IncidentId real = new IncidentId(UUID.randomUUID());
        IncidentId drill = new IncidentId(UUID.randomUUID());
        tx.executeWithoutResult(s -> {
            events.publishEvent(reported(
                    real, Grade.GENERAL, at, false, new Casualties(1, 0, 0, 0, 0, BigDecimal.ONE, BigDecimal.ZERO)));
            events.publishEvent(reported(
                    drill, Grade.GENERAL, at, true, new Casualties(4, 0, 0, 0, 0, BigDecimal.ONE, BigDecimal.ZERO)));
        });
        String q = "/api/v1/stats/accidents?division=" + MINGGUANG + "&from=1980-01-01&to=1980-12-31&by=grade";
        // the deaths known at intake count at once; the drill's never
        assertThat(grades(getJson(q, "township.mingguang"))).isEqualTo("GENERAL=1/1");
        tx.executeWithoutResult(s -> {
            events.publishEvent(new CasualtiesUpdated(
                    drill,
                    new Casualties(5, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                    true,
                    MINGGUANG_PATH,
                    true));
            events.publishEvent(new CasualtiesUpdated(
                    real, new Casualties(2, 0, 1, 0, 0, BigDecimal.TEN, BigDecimal.ZERO), true, MINGGUANG_PATH, false));
        });
        assertThat(grades(getJson(q, "township.mingguang"))).isEqualTo("GENERAL=1/2");

        tx.executeWithoutResult(s -> events.publishEvent(new IncidentGraded(
                real, Grade.GENERAL, Grade.LARGER, null, true, MINGGUANG_PATH, false, Instant.now())));
        tx.executeWithoutResult(s -> events.publishEvent(new IncidentGraded(
                drill, Grade.GENERAL, Grade.MAJOR, null, true, MINGGUANG_PATH, true, Instant.now())));
        assertThat(grades(getJson(q, "township.mingguang"))).isEqualTo("GENERAL=0/0,LARGER=1/2");

        JsonNode years = getJson(
                        "/api/v1/stats/accidents/years?division=" + MINGGUANG + "&from=1980&to=1980",
                        "township.mingguang")
                .get("years");
        assertThat(years.get(0).get("accidents").asLong()).isEqualTo(1);
        assertThat(years.get(0).get("deaths").asLong()).isEqualTo(2);
    }

    /** An accident in 明光路街道 as the duty desk reports it. */
    private static IncidentReported reported(
            IncidentId id, Grade grade, Instant at, boolean drill, Casualties casualties) {
        Incident incident = new Incident(
                id,
                "T-" + id.value(),
                EventCategory.ACCIDENT,
                "MINING",
                "测试事故",
                null,
                at,
                at,
                ReportingLevel.COUNTY,
                117.3,
                31.87,
                "340102001000",
                MINGGUANG_PATH,
                null,
                null,
                null,
                null,
                ReportChannel.PHONE,
                null,
                null,
                casualties,
                grade,
                GradingDimension.DEATHS,
                grade.investigator(),
                IncidentState.REPORTED,
                drill,
                "test",
                0);
        return new IncidentReported(
                id,
                incident.number(),
                EventCategory.ACCIDENT,
                "MINING",
                grade,
                MINGGUANG_PATH,
                117.3,
                31.87,
                at,
                drill,
                incident);
    }

    private static String grades(JsonNode r) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : r.get("slices")) {
            out.add(s.get("key").asText() + "=" + s.get("events").asLong() + "/"
                    + s.get("deaths").asLong());
        }
        return String.join(",", out);
    }

    @Test
    void hazardsWarningsAndCallouts() throws Exception {
        Instant at = LocalDate.of(1981, 3, 10)
                .atStartOfDay(java.time.ZoneOffset.ofHours(8))
                .toInstant();
        HazardId h1 = new HazardId(UUID.randomUUID());
        HazardId h2 = new HazardId(UUID.randomUUID());
        tx.executeWithoutResult(s -> {
            for (HazardId h : List.of(h1, h2)) {
                events.publishEvent(new HazardReported(
                        h, "H", HazardGrade.GENERAL, HazardSource.INSPECTOR, MINGGUANG_PATH, "化工", at, null));
            }
            events.publishEvent(new HazardStateChanged(
                    h1,
                    "H",
                    HazardGrade.GENERAL,
                    "化工",
                    HazardState.ACCEPTED,
                    HazardState.CLOSED,
                    MINGGUANG_PATH,
                    null,
                    at.plusSeconds(86400)));
            events.publishEvent(
                    new HazardCardRaised(h2, "H", HazardCard.YELLOW, MINGGUANG_PATH, null, LocalDate.of(1981, 3, 1)));
            events.publishEvent(
                    new HazardCardRaised(h2, "H", HazardCard.RED, MINGGUANG_PATH, null, LocalDate.of(1981, 3, 1)));
        });
        JsonNode hz = getJson(
                "/api/v1/stats/hazards?division=" + MINGGUANG + "&from=1981-01-01&to=1981-12-31&by=industry",
                "township.mingguang");
        assertThat(hz.get("totals").get("found").asLong()).isEqualTo(2);
        assertThat(hz.get("totals").get("closed").asLong()).isEqualTo(1);
        // overdue is counted on the day the card is raised (today), once per hazard
        JsonNode od = getJson("/api/v1/stats/hazards?division=" + MINGGUANG, "township.mingguang");
        assertThat(od.get("totals").get("overdue").asLong()).isGreaterThanOrEqualTo(1);

        WarningId w = new WarningId(UUID.randomUUID());
        tx.executeWithoutResult(s -> {
            events.publishEvent(new WarningIssued(
                    w,
                    WarningLevel.ORANGE,
                    "RAINSTORM",
                    "暴雨橙色预警",
                    List.of(MINGGUANG, LUYANG),
                    List.of(MINGGUANG_PATH, LUYANG_PATH),
                    "气象台",
                    true,
                    false,
                    at,
                    null,
                    at));
            events.publishEvent(new WarningIssued(
                    new WarningId(UUID.randomUUID()),
                    WarningLevel.RED,
                    "RAINSTORM",
                    "演练",
                    List.of(MINGGUANG),
                    List.of(MINGGUANG_PATH),
                    "气象台",
                    true,
                    true,
                    at,
                    null,
                    at));
            events.publishEvent(new CampaignClosed(
                    new CampaignId(UUID.randomUUID()),
                    w,
                    MINGGUANG_PATH,
                    false,
                    10,
                    8,
                    7,
                    6,
                    1,
                    2,
                    at,
                    at.plusSeconds(600)));
            events.publishEvent(new CampaignClosed(
                    new CampaignId(UUID.randomUUID()),
                    w,
                    LUYANG_PATH,
                    false,
                    10,
                    10,
                    10,
                    10,
                    0,
                    0,
                    at,
                    at.plusSeconds(600)));
        });
        JsonNode wt = getJson(
                "/api/v1/stats/warnings?division=" + MINGGUANG + "&from=1981-01-01&to=1981-12-31",
                "township.mingguang");
        assertThat(wt.get("issued").asLong()).isEqualTo(1);
        assertThat(wt.get("issuedByLevel").get("ORANGE").asLong()).isEqualTo(1);
        assertThat(wt.get("issuedByLevel").get("RED").asLong()).isZero();
        assertThat(wt.get("persons").asLong()).isEqualTo(10);
        assertThat(wt.get("reachRate").decimalValue()).isEqualByComparingTo("80.0");
        // the city sees both campaigns
        JsonNode city = getJson("/api/v1/stats/warnings?from=1981-01-01&to=1981-12-31", "duty");
        assertThat(city.get("persons").asLong()).isEqualTo(20);
    }

    @Test
    void jurisdiction() throws Exception {
        mvc.perform(get("/api/v1/stats/accidents/years?division=" + LUYANG).with(users.as("district.yaohai")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/stats/hazards?division=340100000000").with(users.as("district.yaohai")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/stats/reports/yearly?year=2025&division=" + LUYANG)
                        .with(users.as("district.yaohai")))
                .andExpect(status().isNotFound());
        // default scope is the caller's own division
        assertThat(getJson("/api/v1/stats/accidents/years", "district.yaohai")
                        .get("division")
                        .asText())
                .isEqualTo("340102000000");
        // the city's drill-down lists districts; a district's lists only its townships
        JsonNode city = getJson("/api/v1/stats/accidents?by=division", "duty");
        assertThat(city.get("slices").toString()).contains(LUYANG);
        JsonNode district = getJson("/api/v1/stats/accidents?by=division", "district.yaohai");
        assertThat(district.get("slices").toString()).doesNotContain(LUYANG).contains(MINGGUANG);

        // disaster losses: a foreign report is 404, a report outside the capture scope is refused
        String created = mvc.perform(post("/api/v1/stats/losses")
                        .with(csrf())
                        .with(users.as("duty"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"divisionCode":"340103000000","periodFrom":"2026-07-01","periodTo":"2026-07-03",
                                 "hazardKind":"洪涝","affected":1200,"relocated":300,"housesDamaged":12,
                                 "housesCollapsed":2,"cropArea":55.5,"directLoss":860}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(created).get("id").asText();
        mvc.perform(get("/api/v1/stats/losses/" + id).with(users.as("district.yaohai")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/stats/losses/" + id).with(users.as("duty"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/stats/losses")
                        .with(csrf())
                        .with(users.as("district.yaohai"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"divisionCode":"340103000000","periodFrom":"2026-07-01","periodTo":"2026-07-03",
                                 "hazardKind":"洪涝","affected":1}"""))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/stats/losses")
                        .with(csrf())
                        .with(users.as("district.yaohai"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"divisionCode\":\"340102000000\",\"affected\":-1}"))
                .andExpect(status().isBadRequest());
        JsonNode losses = getJson("/api/v1/stats/losses?from=2026-07-01&to=2026-07-31", "district.yaohai");
        assertThat(losses.get("items").toString()).doesNotContain(id);
        JsonNode cityLosses = getJson("/api/v1/stats/losses?from=2026-07-01&to=2026-07-31", "duty");
        assertThat(cityLosses.get("totals").get("affected").asLong()).isGreaterThanOrEqualTo(1200);
    }
}
