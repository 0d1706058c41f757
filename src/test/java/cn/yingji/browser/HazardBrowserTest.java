package cn.yingji.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.yingji.hazard.HazardFixtures;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Hidden hazards end to end in a real browser (Debian chromium, headless):
 *
 * <ul>
 *   <li>a resident reports a hazard with a photo from a phone-sized window and gets a follow-up code; the grid worker
 *       verifies it, the township assigns it with the five implementations to the enterprise, the enterprise starts,
 *       uploads evidence and is refused when it tries to accept its own work, the township accepts and closes it;
 *       the resident's code then shows every step;
 *   <li>the grid worker's field page offline (DevTools network conditions): two reports queue on the phone, are
 *       sent when the network comes back, and two more retries of each with the same idempotency keys leave exactly
 *       two hazards.
 * </ul>
 *
 * Screenshots go to {@code <build dir>/browser-screenshots/hazard-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HazardBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String PASSWORD = "Demo!2026yj";

    static ChromeDriverService service;
    static ChromeDriver driver;
    static Path userDataDir;
    static Path screenshots;
    static Path photo;

    @LocalServerPort
    int port;

    @Autowired
    HazardFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException, URISyntaxException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("The browser test needs Debian chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER);
        }
        Path testClasses = Path.of(HazardBrowserTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        screenshots = Files.createDirectories(testClasses.getParent().resolve("browser-screenshots"));
        userDataDir = Files.createTempDirectory("yingji-chromium-");
        photo = Files.createTempFile("hazard-", ".png");
        Files.write(photo, HazardFixtures.PNG);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
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
        if (photo != null) {
            Files.deleteIfExists(photo);
        }
        if (userDataDir != null) {
            try (var files = Files.walk(userDataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Waits, ignoring elements replaced by a page load in the middle of a check. */
    private WebDriverWait waiter() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private void signIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login");
        waiter().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waiter().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    private void desktop() {
        driver.manage().window().setSize(new Dimension(1366, 900));
    }

    private void openHazard(UUID id) {
        driver.get(base() + "/hazards/" + id);
        waiter().until(ExpectedConditions.presenceOfElementLocated(By.id("hazard-state")));
    }

    private void awaitState(String state) {
        waiter().until(ExpectedConditions.attributeToBe(By.id("hazard-state"), "data-state", state));
    }

    private void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private void click(String id) {
        WebElement e = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    @Test
    void aResidentsPhotoReportIsVerifiedAssignedRectifiedAcceptedAndClosedAndTheCodeShowsEveryStep()
            throws IOException {
        double[] p = fixtures.inGrid();
        String description = "楼道堆放纸箱堵塞安全出口 " + UUID.randomUUID().toString().substring(0, 8);

        // The resident, on a phone, without signing in.
        driver.manage().deleteAllCookies();
        phone();
        driver.get(base() + "/report");
        waiter().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-submit")));
        driver.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        type("description", description);
        new Select(driver.findElement(By.id("industry"))).selectByValue("FIRE");
        type("address", "明光路街道某小区3栋");
        type("lon", String.valueOf(p[0]));
        type("lat", String.valueOf(p[1]));
        shot("hazard-01-resident-form");
        click("report-submit");
        WebElement codeEl = waiter().until(ExpectedConditions.visibilityOfElementLocated(By.id("follow-up-code")));
        String code = codeEl.getText();
        assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
        shot("hazard-02-resident-code");
        UUID id = jdbc.sql("select id from hazard.hazards where description = :d")
                .param("d", description)
                .query(UUID.class)
                .single();

        // The grid worker verifies it on site.
        desktop();
        signIn("grid.mingguang");
        openHazard(id);
        assertThat(driver.findElements(By.cssSelector("#steps img.step-photo"))).hasSize(1);
        type("verify-note", "现场核实，纸箱堵塞安全出口属实");
        click("verify-submit");
        awaitState("VERIFIED");
        shot("hazard-03-verified");

        // The township assigns it with the five implementations; first a deadline in the past is refused.
        signIn("township.mingguang");
        openHazard(id);
        new Select(driver.findElement(By.id("assign-enterprise")))
                .selectByValue(fixtures.demoEnterprise().toString());
        type("assign-responsible", "张经理");
        type("assign-measures", "清理纸箱，张贴警示，落实日常巡查");
        type("assign-funds", "1500");
        setDate("assign-deadline", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
        type("assign-plan", "清理期间设专人值守");
        click("assign-submit");
        waiter().until(ExpectedConditions.visibilityOfElementLocated(By.id("assign-deadline-error")));
        assertThat(driver.findElement(By.id("assign-deadline-error")).getText()).contains("整改时限不能早于今天");
        assertThat(driver.findElement(By.id("hazard-state")).getAttribute("data-state"))
                .isEqualTo("VERIFIED");
        shot("hazard-04-deadline-refused");
        new Select(driver.findElement(By.id("assign-enterprise")))
                .selectByValue(fixtures.demoEnterprise().toString());
        type("assign-responsible", "张经理");
        type("assign-measures", "清理纸箱，张贴警示，落实日常巡查");
        type("assign-funds", "1500");
        setDate("assign-deadline", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7));
        type("assign-plan", "清理期间设专人值守");
        click("assign-submit");
        awaitState("ASSIGNED");
        assertThat(driver.findElement(By.id("hazard-enterprise")).getText()).isEqualTo("合肥演示化工有限公司");
        shot("hazard-05-assigned");

        // The enterprise rectifies with evidence, and may not accept its own work.
        signIn("enterprise");
        openHazard(id);
        click("start-submit");
        awaitState("RECTIFYING");
        driver.findElement(By.id("rectify-photo"))
                .sendKeys(photo.toAbsolutePath().toString());
        type("rectify-note", "纸箱已清理，安全出口畅通");
        click("rectify-submit");
        awaitState("RECTIFIED");
        click("accept-submit");
        waiter().until(ExpectedConditions.visibilityOfElementLocated(By.id("step-error")));
        assertThat(driver.findElement(By.id("step-error")).getText()).contains("整改人不能验收");
        assertThat(driver.findElement(By.id("hazard-state")).getAttribute("data-state"))
                .isEqualTo("RECTIFIED");
        shot("hazard-06-self-acceptance-refused");

        // Someone else accepts, and the township closes it (销号).
        signIn("township.mingguang");
        openHazard(id);
        type("accept-note", "复查合格");
        click("accept-submit");
        awaitState("ACCEPTED");
        click("close-submit");
        awaitState("CLOSED");
        shot("hazard-07-closed");

        // The resident checks with the code.
        driver.manage().deleteAllCookies();
        phone();
        driver.get(base() + "/report/track");
        type("code", code);
        click("track-submit");
        waiter().until(ExpectedConditions.attributeToBe(By.id("follow-up-state"), "data-state", "CLOSED"));
        List<String> actions = driver.findElements(By.cssSelector("#follow-up-steps li")).stream()
                .map(e -> e.getAttribute("data-action"))
                .toList();
        assertThat(actions).containsExactly("REPORT", "VERIFY", "ASSIGN", "START", "RECTIFY", "ACCEPT", "CLOSE");
        shot("hazard-08-follow-up");

        // A forged code answers a clear "not found".
        type("code", "ABCD-EFGH-JKMN-PQRS");
        click("track-submit");
        waiter().until(ExpectedConditions.visibilityOfElementLocated(By.id("track-not-found")));
        assertThat(driver.findElements(By.id("follow-up"))).isEmpty();
        desktop();
    }

    @Test
    void theGridWorkersFieldPageQueuesReportsOfflineAndSendsEachExactlyOnce() throws IOException {
        double[] p = fixtures.inGrid();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        phone();
        signIn("grid.mingguang");
        // No service worker from another test: DevTools' offline mode does not cover requests a worker passes on.
        driver.get(base() + "/hazards");
        forgetServiceWorkers();
        driver.get(base() + "/hazards/field");
        waiter().until(ExpectedConditions.presenceOfElementLocated(By.id("field-form")));
        driver.executeScript("localStorage.clear();");
        driver.navigate().refresh();
        waiter().until(ExpectedConditions.attributeToBe(By.id("queue"), "data-count", "0"));

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        driver.setNetworkConditions(offline);
        try {
            for (int i = 1; i <= 2; i++) {
                driver.findElement(By.id("f-photo"))
                        .sendKeys(photo.toAbsolutePath().toString());
                type("f-description", "离线上报 " + tag + " #" + i);
                type("f-lon", String.valueOf(p[0]));
                type("f-lat", String.valueOf(p[1]));
                click("field-submit");
                waiter().until(ExpectedConditions.attributeToBe(By.id("queue"), "data-count", String.valueOf(i)));
            }
            shot("hazard-10-offline-queued");
            assertThat(count(tag))
                    .as("nothing reached the server while offline")
                    .isZero();
            // A sync attempt while offline keeps both queued.
            click("field-sync");
            waiter().until(d ->
                    "false".equals(d.findElement(By.id("field-page")).getAttribute("data-syncing")));
            assertThat(driver.findElement(By.id("queue")).getAttribute("data-count"))
                    .isEqualTo("2");
        } finally {
            driver.deleteNetworkConditions();
        }
        String queued = (String) driver.executeScript("return localStorage.getItem('yingji.hazard.queue');");

        // Back online: the queue drains.
        click("field-sync");
        waiter().until(ExpectedConditions.attributeToBe(By.id("queue"), "data-count", "0"));
        assertThat(count(tag)).isEqualTo(2);
        shot("hazard-11-online-sent");

        // Two more retries of each report (as if the answers had been lost): still exactly two hazards.
        for (int retry = 0; retry < 2; retry++) {
            Object left = driver.executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "localStorage.setItem('yingji.hazard.queue', arguments[0]);"
                            + "window.yingjiHazardSync().then(function () {"
                            + "  done(JSON.parse(localStorage.getItem('yingji.hazard.queue')).length); });",
                    queued);
            assertThat(((Number) left).intValue()).isZero();
        }
        assertThat(count(tag)).isEqualTo(2);
        assertThat(jdbc.sql("select count(distinct idempotency_key) from hazard.hazards where description like :d")
                        .param("d", "离线上报 " + tag + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        desktop();
    }

    @Test
    void theFieldPageCanBeKeptOnThePhoneForOfflineUse() throws IOException {
        phone();
        signIn("grid.mingguang");
        driver.get(base() + "/hazards/field");
        waiter().until(ExpectedConditions.presenceOfElementLocated(By.id("field-form")));
        click("field-keep");
        waiter().until(ExpectedConditions.attributeToBe(By.id("field-page"), "data-kept", "true"));
        Object kept = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "caches.match('/hazards/field').then(function (r) { return r ? r.text() : ''; })"
                + ".then(done, function () { done(''); });");
        assertThat((String) kept).contains("id=\"field-form\"");
        driver.navigate().refresh();
        waiter().until(ExpectedConditions.presenceOfElementLocated(By.id("field-form")));
        assertThat(driver.executeScript("return !!navigator.serviceWorker.controller;"))
                .as("the page is served through its worker")
                .isEqualTo(Boolean.TRUE);
        shot("hazard-12-kept");
        driver.get(base() + "/hazards");
        forgetServiceWorkers();
        desktop();
    }

    private void forgetServiceWorkers() {
        driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "if (!navigator.serviceWorker) { done(0); return; }"
                + "navigator.serviceWorker.getRegistrations()"
                + ".then(function (rs) { return Promise.all(rs.map(function (r) { return r.unregister(); })); })"
                + ".then(function () { return caches.keys(); })"
                + ".then(function (ks) { return Promise.all(ks.map(function (k) { return caches.delete(k); })); })"
                + ".then(function () { done(1); }, function () { done(0); });");
    }

    private long count(String tag) {
        return jdbc.sql("select count(*) from hazard.hazards where description like :d")
                .param("d", "离线上报 " + tag + "%")
                .query(Long.class)
                .single();
    }

    private void setDate(String id, LocalDate date) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), date.toString());
    }

    private static void shot(String name) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
