package cn.yingji.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.yingji.incident.Casualties;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportingLevel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * End to end in a real browser (Debian chromium, headless): the city duty officer imports rescue teams from an XLSX
 * file with two bad rows (both reported, nothing imported), imports the fixed file, asks for a recommendation for a
 * hazardous-chemical leak, dispatches the first team and sees it dispatched on its page and on the forces map.
 * Screenshots go to {@code <build dir>/browser-screenshots/rescue-*}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RescueDispatchBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    static ChromeDriverService service;
    static WebDriver driver;
    static Path userDataDir;
    static Path screenshots;

    private final int port;

    @Autowired
    IncidentManagement incidents;

    RescueDispatchBrowserTest(@LocalServerPort int port) {
        this.port = port;
    }

    @BeforeAll
    static void startBrowser() throws IOException, URISyntaxException {
        if (!new File(DutyOfficerMapBrowserTest.CHROMIUM).canExecute()
                || !new File(DutyOfficerMapBrowserTest.CHROMEDRIVER).canExecute()) {
            fail(
                    "The browser test needs Debian chromium and chromedriver: apt-get install -y chromium chromium-driver");
        }
        Path testClasses = Path.of(RescueDispatchBrowserTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        screenshots = Files.createDirectories(testClasses.getParent().resolve("browser-screenshots"));
        userDataDir = Files.createTempDirectory("yingji-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DutyOfficerMapBrowserTest.CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(DutyOfficerMapBrowserTest.CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1366,900",
                "--lang=zh-CN",
                "--user-data-dir=" + userDataDir);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (userDataDir != null) {
            try (var files = Files.walk(userDataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private UUID hazchemLeak() {
        SecurityContextHolder.clearContext();
        return incidents
                .report(
                        new NewIncident(
                                "HAZARDOUS_CHEMICALS",
                                "浏览器测试：化工园区储罐氯气泄漏",
                                Instant.now().minusSeconds(600),
                                null,
                                ReportingLevel.COUNTY,
                                117.321,
                                31.871,
                                "瑶海区测试化工园",
                                "值班接报",
                                null,
                                ReportChannel.PHONE,
                                null,
                                null,
                                new Casualties(0, 0, 2, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                                "储罐阀门泄漏，周边疏散中。",
                                false),
                        null)
                .incident()
                .id()
                .value();
    }

    private static Path xlsx(String prefix, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("teams");
            List<String> header = List.of(
                    "name",
                    "kind",
                    "organisation",
                    "headcount",
                    "primaryCapability",
                    "capabilities",
                    "readiness",
                    "lon",
                    "lat");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    Object v = rows.get(r).get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(v));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            Path file = Files.createTempFile(prefix, ".xlsx");
            Files.write(file, out.toByteArray());
            return file;
        }
    }

    @Test
    void dutyOfficerImportsTeamsRecommendsForAHazchemLeakAndDispatchesTheFirst() throws IOException {
        UUID incident = hazchemLeak();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        String base = "http://localhost:" + port;

        driver.get(base + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
        driver.findElement(By.id("username")).sendKeys("duty");
        driver.findElement(By.id("password")).sendKeys("Demo!2026yj");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));

        List<Object> good = List.of(
                "瑶海危化救援一队-" + tag, "PRO_HAZCHEM", "瑶海化工园区", 24, "HAZCHEM", "FIRE_RESCUE;MEDICAL", 1, 117.3212, 31.8712);
        List<Object> badHeadcount =
                List.of("瑶海危化救援二队-" + tag, "PRO_HAZCHEM", "瑶海化工园区", -4, "HAZCHEM", "FIRE_RESCUE", 1, 117.322, 31.872);
        List<Object> badCapability =
                List.of("瑶海医疗救护队-" + tag, "PRO_MEDICAL", "瑶海区卫健委", 15, "MEDICAL", "TELEPATHY", 2, 117.323, 31.873);
        Path badFile = xlsx("teams-bad", List.of(good, badHeadcount, badCapability));

        driver.get(base + "/resources/teams");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-file")));
        driver.findElement(By.id("import-file"))
                .sendKeys(badFile.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
        List<WebElement> lines = errors.findElements(By.cssSelector("li.import-error"));
        assertThat(lines)
                .extracting(WebElement::getText)
                .hasSize(2)
                .anySatisfy(t -> assertThat(t).contains("第 3 行", "不能为负数"))
                .anySatisfy(t -> assertThat(t).contains("第 4 行", "TELEPATHY"));
        shot("rescue-01-import-rejected");
        driver.get(base + "/resources/teams?q=" + tag);
        assertThat(driver.findElements(By.cssSelector("#teams-table tr[data-team-id]")))
                .isEmpty();

        List<Object> fixedHeadcount =
                List.of("瑶海危化救援二队-" + tag, "PRO_HAZCHEM", "瑶海化工园区", 4, "HAZCHEM", "FIRE_RESCUE", 1, 117.322, 31.872);
        List<Object> fixedCapability =
                List.of("瑶海医疗救护队-" + tag, "PRO_MEDICAL", "瑶海区卫健委", 15, "MEDICAL", "EVACUATION", 2, 117.323, 31.873);
        Path fixedFile = xlsx("teams-fixed", List.of(good, fixedHeadcount, fixedCapability));
        driver.findElement(By.id("import-file"))
                .sendKeys(fixedFile.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-ok")));
        assertThat(driver.findElement(By.id("import-ok")).getText()).contains("3");
        driver.get(base + "/resources/teams?q=" + tag);
        assertThat(driver.findElements(By.cssSelector("#teams-table tr[data-team-id]")))
                .hasSize(3);
        shot("rescue-02-imported");

        driver.get(base + "/resources/dispatch?incident=" + incident);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recommendations")));
        assertThat(driver.findElement(By.id("needed-capabilities")).getText()).contains("危化品救援", "消防", "医疗");
        List<WebElement> recommended = driver.findElements(By.cssSelector("tr.recommendation"));
        assertThat(recommended).isNotEmpty();
        assertThat(driver.getPageSource()).contains("瑶海危化救援一队-" + tag);
        WebElement first = recommended.get(0);
        String teamId = first.getAttribute("data-team-id");
        assertThat(first.findElement(By.cssSelector(".explanation")).getText()).contains("覆盖所需能力");
        shot("rescue-03-recommendations");
        first.findElement(By.cssSelector("button.dispatch-button")).click();

        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team-status")));
        assertThat(driver.getCurrentUrl()).contains("/resources/teams/" + teamId);
        assertThat(status.getAttribute("data-status")).isEqualTo("DISPATCHED");
        assertThat(status.getText()).isEqualTo("已出动");
        assertThat(driver.findElement(By.id("team-incident")).getText()).contains("氯气泄漏");
        shot("rescue-04-dispatched");

        driver.get(base + "/resources/dispatch?incident=" + incident);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("engaged-teams")));
        assertThat(driver.findElements(By.cssSelector("#engaged-teams tr[data-team-id='" + teamId + "']")))
                .singleElement()
                .satisfies(row -> assertThat(row.getAttribute("data-status")).isEqualTo("DISPATCHED"));
        assertThat(driver.findElements(By.cssSelector("tr.recommendation[data-team-id='" + teamId + "']")))
                .as("no longer recommended")
                .isEmpty();

        driver.get(base + "/resources/map");
        WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resource-map")));
        wait.until(ExpectedConditions.attributeToBe(map, "data-loaded", "true"));
        WebElement item = driver.findElement(By.cssSelector("#team-status-list li[data-team-id='" + teamId + "']"));
        assertThat(item.getAttribute("data-status")).isEqualTo("DISPATCHED");
        shot("rescue-05-map");

        // the dispatch became a task of the event, addressed to the team
        driver.get(base + "/incidents/" + incident);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("command-task-table"), "赶赴现场处置："));
        shot("rescue-06-event-task");
    }

    private static void shot(String name) throws IOException {
        File png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
