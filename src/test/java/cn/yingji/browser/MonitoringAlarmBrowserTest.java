package cn.yingji.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.geo.Divisions;
import cn.yingji.monitoring.Direction;
import cn.yingji.monitoring.LinkKind;
import cn.yingji.monitoring.MonitoringAdministration;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.NewPoint;
import cn.yingji.monitoring.NewSensor;
import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.SensorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestConstructor;

/**
 * Monitoring end to end in a real browser: the duty officer has the live board open, a reading crosses the orange
 * threshold, the alarm appears on the board within a second (server-sent events), the officer assesses it into a
 * warning, and the warning's CAP 1.2 document downloads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class MonitoringAlarmBrowserTest {

    private final int port;
    private final MonitoringAdministration admin;
    private final Divisions divisions;
    private final JdbcClient jdbc;

    MonitoringAlarmBrowserTest(
            @LocalServerPort int port, MonitoringAdministration admin, Divisions divisions, JdbcClient jdbc) {
        this.port = port;
        this.admin = admin;
        this.divisions = divisions;
        this.jdbc = jdbc;
    }

    private double[] inMingguang() {
        String path = "/340100000000/340102000000/340102001000/";
        for (double[] c : jdbc.sql("select (@@ outline)[0], (@@ outline)[1] from geo.grids where path like :p limit 50")
                .param("p", path + "%")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list()) {
            if (divisions.locate(c[0], c[1]).map(l -> l.path().startsWith(path)).orElse(false)) {
                return c;
            }
        }
        throw new AssertionError("no point in 明光路街道");
    }

    @Test
    void anOrangeReadingShowsWithinASecondAndBecomesAWarningWhoseCapDownloads() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        SecurityContextHolder.clearContext();
        double[] at = inMingguang();
        MonitoringPoint point = admin.createPoint(
                new NewPoint("MP-BR-" + tag, "浏览器测试罐区" + tag, LinkKind.HAZARD_SOURCE, null, "一号罐区", at[0], at[1]));
        Sensor sensor = admin.addSensor(
                point.id(),
                new NewSensor(
                        "GAS-BR-" + tag,
                        "可燃气体",
                        SensorKind.FLAMMABLE_GAS,
                        "%LEL",
                        60,
                        Direction.ABOVE,
                        10.0,
                        20.0,
                        30.0,
                        40.0,
                        1.0,
                        null,
                        0));
        Path downloads = Files.createTempDirectory("yingji-downloads-");
        try (Browser b = new Browser(port, "monitoring", "1366,1000")) {
            ((ChromeDriver) b.driver)
                    .executeCdpCommand(
                            "Browser.setDownloadBehavior",
                            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            b.signIn("duty");
            b.open("/monitoring");
            b.wait.until(ExpectedConditions.attributeToBe(By.id("mon-live"), "data-connected", "true"));
            b.shot("1-board");
            String body = "[{\"sensor\":\"" + sensor.code() + "\",\"at\":\""
                    + Instant.now().minusSeconds(1) + "\",\"value\":31.5}]";
            long start = System.nanoTime();
            b.script(
                    "fetch('/api/v1/monitoring/readings', {method: 'POST', credentials: 'same-origin',"
                            + " headers: {'Content-Type': 'application/json', 'X-CSRF-TOKEN':"
                            + " document.querySelector('meta[name=_csrf]').content}, body: arguments[0]})"
                            + ";",
                    body);
            By row = By.xpath("//tbody[@id='alarm-rows']/tr[contains(., '" + sensor.code() + "')]");
            new WebDriverWait(b.driver, Duration.ofSeconds(1)).until(ExpectedConditions.presenceOfElementLocated(row));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("alarm on the board after %d ms", millis).isLessThan(1000);
            b.shot("2-alarm-live");
            b.driver.findElement(row).findElement(By.tagName("a")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issue-warning")));
            b.set("w-content", "储罐区可燃气体浓度达到橙色阈值，请周边单位做好防范。");
            b.set("w-measures", "停止动火作业，疏散无关人员。");
            b.set("w-expires", "2099-12-31T18:00");
            b.shot("3-assess");
            b.driver.findElement(By.id("issue-warning")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("download-cap")));
            String identifier =
                    b.driver.findElement(By.id("warning-identifier")).getText();
            b.shot("4-warning");
            b.driver.findElement(By.id("download-cap")).click();
            b.wait.until(d -> capFiles(downloads).size() == 1);
            String cap = Files.readString(capFiles(downloads).get(0));
            assertThat(cap)
                    .contains(
                            "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">",
                            "<identifier>" + identifier,
                            "<severity>Severe</severity>",
                            "<value>Orange</value>");
        } finally {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<Path> capFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".cap.xml")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
