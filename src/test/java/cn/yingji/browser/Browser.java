package cn.yingji.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium with its own profile (so several can hold different sessions at once), screenshots
 * into {@code <build dir>/browser-screenshots/<prefix>-*.png}.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(30);

    final WebDriver driver;
    final WebDriverWait wait;
    private final ChromeDriverService service;
    private final Path userDataDir;
    private final Path screenshots;
    private final String base;
    private final String prefix;

    Browser(int port, String prefix, String windowSize) throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("The browser test needs Debian chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get update && apt-get install -y chromium chromium-driver");
        }
        try {
            Path testClasses = Path.of(Browser.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            screenshots = Files.createDirectories(testClasses.getParent().resolve("browser-screenshots"));
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        this.base = "http://localhost:" + port;
        this.prefix = prefix;
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
                "--window-size=" + windowSize,
                "--lang=zh-CN",
                "--user-data-dir=" + userDataDir);
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
        // live lists are redrawn under the test's feet
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    void open(String path) {
        driver.get(base + path);
    }

    void signIn(String username) {
        open("/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("Demo!2026yj");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    void signOut() {
        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    /** Sets an input's value by script (date-time inputs ignore typed text in headless chromium). */
    void set(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript(
                        "var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                                + " e.dispatchEvent(new Event('input', {bubbles: true}));"
                                + " e.dispatchEvent(new Event('change', {bubbles: true}));",
                        id,
                        value);
    }

    Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
    }

    void shot(String name) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(
                png.toPath(), screenshots.resolve(prefix + "-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        service.stop();
        try (var files = Files.walk(userDataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
