package cn.yingji.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.monitoring.WarningId;
import cn.yingji.monitoring.WarningIssued;
import cn.yingji.monitoring.WarningLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 叫应 end to end in a real browser: a red warning for 瑶海区 starts a campaign; the district duty officer watches
 * the reach board while the county flood chief and the township's party secretary and head answer through the
 * links they were sent (the board fills in live, without reloading); one village contact does not answer, and once
 * the retries have run out (timers brought forward, fired by the real poller) the township secretary is called as
 * superior and appears on the board. Screenshots: {@code <build dir>/browser-screenshots/callout-*.png}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"yingji.callout.timer-enabled=true", "yingji.callout.timer-interval=PT0.3S"})
@ActiveProfiles("test")
class CalloutBrowserTest {

    static final String DISTRICT = "/340100000000/340102000000/";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    record Call(UUID id, String tier, String kind, String person, String path) {}

    private List<Call> calls(UUID campaign) {
        return jdbc.sql("""
                        select id, tier_key, position_kind, coalesce(person_name, ''), division_path from callout.call
                        where campaign_id = :c order by tier_index, division_path, position_kind
                        """)
                .param("c", campaign)
                .query((rs, n) -> new Call(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    private String link(UUID call) {
        return jdbc.sql("select link from notify.message where correlation = :c order by created_at limit 1")
                .param("c", call.toString())
                .query(String.class)
                .single();
    }

    private String state(UUID call) {
        return jdbc.sql("select state from callout.call where id = :c")
                .param("c", call)
                .query(String.class)
                .single();
    }

    private String answeredOnBoard(Browser b, String tier) {
        return b.driver
                .findElement(By.cssSelector("#by-tier tr[data-key='" + tier + "'] td.answered"))
                .getText();
    }

    @Test
    void aRedWarningIsCalledOutAnsweredAndEscalated() throws Exception {
        SecurityContextHolder.clearContext();
        try (Browser desk = new Browser(port, "callout", "1400,1000")) {
            desk.signIn("duty.yaohai");
            WarningId warning = new WarningId(UUID.randomUUID());
            Instant now = Instant.now();
            tx.executeWithoutResult(s -> publisher.publishEvent(new WarningIssued(
                    warning,
                    WarningLevel.RED,
                    "RAINSTORM",
                    "瑶海区暴雨红色预警",
                    List.of("340102000000"),
                    List.of(DISTRICT),
                    "合肥市气象台",
                    true,
                    false,
                    now,
                    null,
                    now)));
            // the campaign starts after the warning's transaction commits (on another thread): bounded wait
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> !jdbc.sql("select id from callout.campaign where warning_id = :w")
                            .param("w", warning.value())
                            .query(UUID.class)
                            .list()
                            .isEmpty());
            UUID campaign = jdbc.sql("select id from callout.campaign where warning_id = :w")
                    .param("w", warning.value())
                    .query(UUID.class)
                    .single();
            desk.open("/callout/campaigns");
            desk.wait
                    .until(ExpectedConditions.elementToBeClickable(By.linkText("瑶海区暴雨红色预警")))
                    .click();
            desk.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("by-tier")));
            desk.shot("1-board");
            String boardWindow = desk.driver.getWindowHandle();

            List<Call> calls = calls(campaign);
            Call chief = calls.stream()
                    .filter(c -> c.tier().equals("county"))
                    .findFirst()
                    .orElseThrow();
            Call silent = calls.stream()
                    .filter(c -> c.tier().equals("village"))
                    .findFirst()
                    .orElseThrow();
            String town = silent.path().substring(0, silent.path().indexOf('/', DISTRICT.length()) + 1);
            Call secretary = calls.stream()
                    .filter(c -> c.path().equals(town) && c.kind().equals("TOWNSHIP_PARTY_SECRETARY"))
                    .findFirst()
                    .orElseThrow();
            Call head = calls.stream()
                    .filter(c -> c.path().equals(town) && c.kind().equals("TOWNSHIP_HEAD"))
                    .findFirst()
                    .orElseThrow();
            assertThat(answeredOnBoard(desk, "county")).isEqualTo("0");

            // three officials answer through their links, in another tab; the board follows without a reload
            desk.driver.switchTo().newWindow(WindowType.TAB);
            String phone = desk.driver.getWindowHandle();
            int answered = 0;
            for (Call c : List.of(chief, secretary, head)) {
                desk.driver.switchTo().window(phone);
                desk.open(link(c.id()));
                desk.wait
                        .until(ExpectedConditions.elementToBeClickable(By.id("ack-received")))
                        .click();
                desk.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ack-done")));
                assertThat(state(c.id())).isEqualTo("ANSWERED");
                answered++;
                desk.driver.switchTo().window(boardWindow);
                String tier = c.tier();
                String expected = tier.equals("county") ? "1" : String.valueOf(answered - 1);
                desk.wait.until(d -> answeredOnBoard(desk, tier).equals(expected));
            }
            desk.shot("2-answered");
            // the chief then confirms on post with a location
            desk.driver.switchTo().window(phone);
            desk.open(link(chief.id()));
            desk.driver.findElement(By.id("ack-location")).sendKeys("区防汛指挥部");
            desk.driver.findElement(By.id("ack-onpost")).click();
            desk.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ack-done")));
            assertThat(state(chief.id())).isEqualTo("ON_POST");

            // the village contact stays silent: bring the timers forward until the retries have run out
            desk.driver.switchTo().window(boardWindow);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(400))
                    .until(() -> {
                        if (state(silent.id()).equals("UNANSWERED")) {
                            return true;
                        }
                        jdbc.sql(
                                        "update callout.due set due_at = now() - interval '1 second' where call_id = :c and state = 'PENDING'")
                                .param("c", silent.id())
                                .update();
                        return false;
                    });
            assertThat(state(silent.id())).isEqualTo("UNANSWERED");
            Call superior = calls(campaign).stream()
                    .filter(c -> jdbc.sql("select parent_call from callout.call where id = :id")
                            .param("id", c.id())
                            .query(UUID.class)
                            .optional()
                            .map(silent.id()::equals)
                            .orElse(false))
                    .findFirst()
                    .orElseThrow();
            assertThat(superior.path()).isEqualTo(town);
            assertThat(superior.kind()).isEqualTo("TOWNSHIP_PARTY_SECRETARY");
            String css = "#calls tr[data-person='" + superior.person() + "']";
            desk.wait.until(d -> d.findElements(By.cssSelector(css)).stream()
                    .anyMatch(r -> r.getText().contains("上级督促")));
            desk.wait.until(d -> d.findElements(By.cssSelector("#calls tr[data-state='UNANSWERED']"))
                            .size()
                    > 0);
            desk.shot("3-escalated");

            desk.open("/callout/campaigns/" + campaign + "/record");
            desk.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("table")));
            assertThat(desk.driver.getPageSource()).contains("瑶海区暴雨红色预警").contains("区防汛指挥部");
            desk.shot("4-record");
        }
    }
}
