package cn.yingji.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * End to end in a real browser (Debian chromium, headless): the city duty officer signs in, opens the map, sees the
 * demo city's districts and a township's grids, switches the language to English and signs out. Screenshots of
 * every step go to {@code <build dir>/browser-screenshots/}.
 *
 * <p>A RANDOM_PORT context differs from the MOCK one of {@code @YingjiTest}, so this class starts a second Spring
 * context (with the demo city loaded idempotently at its start).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DutyOfficerMapBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(30);

    static ChromeDriverService service;
    static WebDriver driver;
    static Path userDataDir;
    static Path screenshots;

    private final int port;

    DutyOfficerMapBrowserTest(@LocalServerPort int port) {
        this.port = port;
    }

    @BeforeAll
    static void startBrowser() throws IOException, URISyntaxException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("The browser test needs Debian chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get update && apt-get install -y chromium chromium-driver");
        }
        Path testClasses = Path.of(DutyOfficerMapBrowserTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        screenshots = Files.createDirectories(testClasses.getParent().resolve("browser-screenshots"));
        userDataDir = Files.createTempDirectory("yingji-chromium-");
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
        if (userDataDir != null) {
            try (var files = Files.walk(userDataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void dutyOfficerSignsInSeesTheCityOnTheMapSwitchesLanguageAndSignsOut() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        String base = "http://localhost:" + port;

        driver.get(base + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
        assertThat(driver.getPageSource()).contains("登录");
        shot("01-login");

        driver.findElement(By.id("username")).sendKeys("duty");
        driver.findElement(By.id("password")).sendKeys("Demo!2026yj");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");
        shot("02-signed-in");

        driver.get(base + "/map");
        WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("map")));
        wait.until(ExpectedConditions.attributeToBe(map, "data-loaded", "true"));
        assertThat(Integer.parseInt(map.getAttribute("data-division-count")))
                .as("counties and townships drawn")
                .isGreaterThanOrEqualTo(9);
        assertThat(driver.findElements(By.cssSelector("#geo-township option")))
                .extracting(WebElement::getText)
                .anyMatch(t -> t.contains("明光路街道"));
        shot("03-map-districts");

        new Select(driver.findElement(By.id("geo-township"))).selectByValue("340102001000");
        wait.until(ExpectedConditions.attributeToBe(map, "data-grids-loaded", "true"));
        assertThat(Integer.parseInt(map.getAttribute("data-grid-count")))
                .as("grids of 明光路街道 drawn")
                .isPositive();
        shot("04-map-grids");

        driver.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBe(By.id("logout"), "Sign out"));
        WebElement englishMap = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("map")));
        wait.until(ExpectedConditions.attributeToBe(englishMap, "data-loaded", "true"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        shot("05-english");

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
        assertThat(driver.findElements(By.id("logout"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".alert.info")).isDisplayed())
                .as("signed-out notice")
                .isTrue();
        shot("06-signed-out");

        driver.get(base + "/map");
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private static void shot(String name) throws IOException {
        File png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
