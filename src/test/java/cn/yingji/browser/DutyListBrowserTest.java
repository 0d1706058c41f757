package cn.yingji.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.directory.PositionId;
import cn.yingji.responsibility.ResponsibilityFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.springframework.test.context.TestConstructor;

/**
 * Lists follow the position, not the person: a district officer publishes a duty list for the 明光路街道 township
 * head position, appoints a new holder, and the new holder finds the list under "my lists" and completes an item
 * with a PDF as evidence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DutyListBrowserTest {

    private final int port;
    private final ResponsibilityFixtures fixtures;

    DutyListBrowserTest(@LocalServerPort int port, ResponsibilityFixtures fixtures) {
        this.port = port;
        this.fixtures = fixtures;
    }

    @Test
    void aPublishedListFollowsThePositionToItsNewHolder() throws Exception {
        String t = UUID.randomUUID().toString().substring(0, 6);
        PositionId head = fixtures.townshipHead();
        String newHolder = "resp-new-head-" + t;
        fixtures.personWithAccount(newHolder, "新镇长" + t);
        Path pdf = Files.createTempFile("evidence-", ".pdf");
        Files.write(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII));
        String title = "明光路街道主要负责人安全生产职责清单" + t;
        try (Browser b = new Browser(port, "duty-list", "1366,1000")) {
            // 1. the district officer drafts and publishes the list for the position
            b.signIn("district.yaohai");
            b.open("/responsibility/lists/new?position=" + head.value());
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-save")));
            assertThat(new Select(b.driver.findElement(By.id("positionId")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo(head.value().toString());
            b.driver.findElement(By.id("title")).sendKeys(title);
            b.driver.findElement(By.id("basis")).sendKeys("《安全生产法》第二十一条");
            List<WebElement> rows = b.driver.findElements(By.cssSelector("#list-items tbody tr"));
            new Select(rows.get(0).findElement(By.name("principle"))).selectByValue("PARTY_GOV_SAME");
            rows.get(0).findElement(By.name("content")).sendKeys("每月专题研究一次安全生产工作");
            new Select(rows.get(0).findElement(By.name("evidenceRequired"))).selectByValue("true");
            rows.get(1).findElement(By.name("content")).sendKeys("汛前组织开展防汛隐患排查");
            b.script(
                    "arguments[0].value = arguments[1];",
                    rows.get(1).findElement(By.name("dueOn")),
                    LocalDate.now().plusDays(60).toString());
            b.shot("01-draft");
            b.driver.findElement(By.id("list-save")).click();
            b.wait.until(ExpectedConditions.elementToBeClickable(By.id("list-publish")))
                    .click();
            b.wait.until(ExpectedConditions.attributeToBe(By.id("list-state"), "data-state", "PUBLISHED"));
            String listUrl = b.driver.getCurrentUrl();
            b.shot("02-published");

            // 2. the position changes holder
            b.open("/positions/" + head.value());
            WebElement person = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person")));
            new Select(person)
                    .selectByVisibleText(new Select(person)
                            .getOptions().stream()
                                    .map(WebElement::getText)
                                    .filter(text -> text.startsWith("新镇长" + t))
                                    .findFirst()
                                    .orElseThrow());
            b.driver
                    .findElement(By.xpath("//form[contains(@action, '/assign')]//button[@type='submit']"))
                    .click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "新镇长" + t));
            b.shot("03-new-holder");
            b.signOut();

            // 3. the new holder finds the list and completes an item with evidence
            b.open("/login");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
            b.driver.findElement(By.id("username")).sendKeys(newHolder);
            b.driver.findElement(By.id("password")).sendKeys(ResponsibilityFixtures.PASSWORD);
            b.driver.findElement(By.id("login-submit")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
            b.open("/responsibility/mine");
            WebElement link = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(title)));
            b.shot("04-my-lists");
            link.click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.item-complete")));
            assertThat(b.driver.getCurrentUrl()).isEqualTo(listUrl);
            WebElement form =
                    b.driver.findElements(By.cssSelector("form.item-complete")).get(0);
            // without the required evidence the item stays open and the holder is told why
            form.findElement(By.name("note")).sendKeys("本月已召开安全生产专题会");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-errors")))
                            .getText())
                    .contains("佐证");
            form = b.driver.findElements(By.cssSelector("form.item-complete")).get(0);
            form.findElement(By.name("note")).sendKeys("本月已召开安全生产专题会");
            form.findElement(By.name("evidence")).sendKeys(pdf.toString());
            b.shot("05-evidence");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-ok")));
            WebElement first = b.driver.findElement(By.cssSelector("#list-items tbody tr"));
            assertThat(first.getAttribute("data-done")).isEqualTo("true");
            assertThat(first.getText()).contains(newHolder, pdf.getFileName().toString());
            b.shot("06-completed");
        } finally {
            Files.deleteIfExists(pdf);
        }
    }
}
