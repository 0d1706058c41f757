package cn.yingji.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.command.CommandFixtures;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The command system end to end in real browsers: a duty officer records a hazardous-chemicals accident and sees
 * its grade and clocks; a commander activates a level-III response from the matching plan; the rescue team leader
 * receives and completes the task the checklist gave them; the duty officer confirms it — while a second browser
 * on the command centre follows every step by Server-Sent Events without reloading.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.test.context.TestConstructor(
        autowireMode = org.springframework.test.context.TestConstructor.AutowireMode.ALL)
class CommandFlowBrowserTest {

    private final int port;
    private final CommandFixtures fixtures;

    CommandFlowBrowserTest(@LocalServerPort int port, CommandFixtures fixtures) {
        this.port = port;
        this.fixtures = fixtures;
    }

    @Test
    void accidentToResponseToTaskWithTheCentreFollowingLive() throws Exception {
        String title = "浏览器测试液氯泄漏" + UUID.randomUUID().toString().substring(0, 6);
        double[] point = fixtures.pointIn(CommandFixtures.YAOHAI);
        try (Browser user = new Browser(port, "command", "1366,1000");
                Browser wall = new Browser(port, "centre", "1366,900")) {
            // the command centre, opened once and never reloaded
            wall.signIn("duty");
            wall.open("/centre");
            WebElement live = wall.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("centre-live")));
            wall.wait.until(ExpectedConditions.attributeToBe(live, "data-live", "true"));
            wall.script("window.__notReloaded = true;");

            // 1. the duty officer records the accident
            user.signIn("duty");
            user.open("/incidents/new");
            user.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-submit")));
            new Select(user.driver.findElement(By.id("typeCode"))).selectByValue("HAZARDOUS_CHEMICALS");
            user.driver.findElement(By.id("title")).sendKeys(title);
            String occurred = LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
                    .minusMinutes(20)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            user.set("occurredAt", occurred);
            user.set("lon", String.valueOf(point[0]));
            user.set("lat", String.valueOf(point[1]));
            user.set("deaths", "3");
            user.driver.findElement(By.id("description")).sendKeys("储罐阀门泄漏，3 人死亡");
            user.shot("01-intake");
            user.driver.findElement(By.id("incident-submit")).click();
            WebElement grade = user.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-grade")));
            assertThat(grade.getText()).isEqualTo("较大");
            assertThat(user.driver.findElements(By.cssSelector("#incident-clocks tbody tr")))
                    .hasSizeGreaterThanOrEqualTo(2);
            String dossier = user.driver.getCurrentUrl();
            user.shot("02-graded-with-clocks");

            // the wall shows the new event without reload
            wall.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("centre-events"), title));
            wall.shot("01-event-arrived");

            // 2. the commander activates a level-III response from the proposed plan
            user.signOut();
            user.signIn("commander");
            user.driver.get(dossier);
            WebElement activate = user.wait.until(ExpectedConditions.elementToBeClickable(By.id("command-activate")));
            List<WebElement> plans = user.driver.findElements(By.cssSelector(".command-match"));
            assertThat(plans.get(0).getText()).contains("合肥市危险化学品事故应急预案", "建议Ⅲ级响应");
            assertThat(new Select(user.driver.findElement(By.id("command-level")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("III");
            user.driver.findElement(By.id("command-reason")).sendKeys("较大危化品事故，启动市级Ⅲ级响应");
            user.shot("03-plan-proposed");
            activate.click();
            WebElement level =
                    user.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("command-active-level")));
            assertThat(level.getText()).isEqualTo("Ⅲ级响应");
            List<WebElement> rows = user.driver.findElements(By.cssSelector("#command-task-table tbody tr[data-task]"));
            assertThat(rows).hasSize(6);
            assertThat(user.driver.findElement(By.id("incident-timeline")).getText())
                    .contains("启动III级应急响应");
            user.shot("04-response-activated");

            // the wall lists the checklist's tasks
            wall.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("centre-tasks"), "危化品救援队伍到场处置泄漏"));

            // 3. the team leader receives and completes their task
            user.signOut();
            user.signIn("rescue.leader");
            user.open("/tasks");
            WebElement mine = user.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//table[@id='my-tasks']//tr[td[contains(., '危化品救援队伍到场处置泄漏')]]//a")));
            mine.click();
            user.wait
                    .until(ExpectedConditions.elementToBeClickable(By.id("task-receive")))
                    .click();
            user.wait.until(ExpectedConditions.attributeToBe(By.id("task-state"), "data-state", "RECEIVED"));
            String taskUrl = user.driver.getCurrentUrl();
            String taskId = taskUrl.substring(taskUrl.lastIndexOf('/') + 1);
            user.driver.findElement(By.id("fb-text")).sendKeys("已到场，泄漏点已封堵，警戒区 300 米");
            user.set("fb-lon", String.valueOf(point[0]));
            user.set("fb-lat", String.valueOf(point[1]));
            user.shot("05-task-feedback");
            user.driver.findElement(By.id("task-done")).click();
            user.wait.until(ExpectedConditions.attributeToBe(By.id("task-state"), "data-state", "DONE_REPORTED"));
            // the leader cannot confirm their own task: no button
            assertThat(user.driver.findElements(By.id("task-confirm"))).isEmpty();
            user.shot("06-reported-done");

            wall.wait.until(ExpectedConditions.attributeToBe(
                    By.cssSelector("#centre-tasks li[data-task='" + taskId + "']"), "data-state", "DONE_REPORTED"));
            wall.shot("02-task-reported-done");

            // 4. someone else confirms completion
            user.signOut();
            user.signIn("duty");
            user.driver.get(taskUrl);
            user.wait
                    .until(ExpectedConditions.elementToBeClickable(By.id("task-confirm")))
                    .click();
            user.wait.until(ExpectedConditions.attributeToBe(By.id("task-state"), "data-state", "COMPLETED"));
            assertThat(user.driver.findElement(By.id("task-history")).getText()).contains("签收", "报告完成", "确认办结");
            user.shot("07-confirmed");

            // the completed task leaves the wall's open list, still without a reload
            wall.wait.until(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("#centre-tasks li[data-task='" + taskId + "']"), 0));
            assertThat(wall.script("return window.__notReloaded === true;")).isEqualTo(true);
            wall.shot("03-task-completed");
        }
    }
}
