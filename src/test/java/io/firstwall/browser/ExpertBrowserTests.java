package io.firstwall.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import io.firstwall.analysis.AnalysisFixtures;

/**
 * A domain expert in a real headless Chromium: edits a threshold in a decision table, sees the
 * impact preview, publishes, and the analysis of the affected plan changes; a broken edit is refused
 * with its row. The app works on a copy of rules/.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:expert-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ExpertBrowserTests extends BrowserTest {

    static Path rulesDir;

    @DynamicPropertySource
    static void rulesCopy(DynamicPropertyRegistry registry) {
        rulesDir = AnalysisFixtures.copyOfRules();
        registry.add("firstwall.rules-dir", () -> rulesDir.toString());
    }

    void setEditorText(String text) {
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);", text);
    }

    /** An expert opens a rule file from the rules page, in the editor. */
    void openRuleFile(String path) {
        driver.get(url("/rules"));
        BrowserSupport.logIn(driver, "expert", "expert");
        driver.findElement(By.xpath("//tr[td/code='" + path + "']//a")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
    }

    String editorText() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('.CodeMirror').CodeMirror.getValue();");
    }

    @Test
    void aParenthesisLeftOpenIsSaidInPlainWordsAtItsLineAndAClickGoesThere() throws IOException {
        openRuleFile("grid/grid_interconnect.drl");
        String text = editorText();
        List<String> lines = new ArrayList<>(text.lines().toList());
        int broken = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("$p : Plan(") && lines.get(i).endsWith(")")) {
                lines.set(i, lines.get(i).substring(0, lines.get(i).length() - 1));
                broken = i + 1;
                break;
            }
        }
        assertThat(broken).isPositive();
        setEditorText(String.join("\n", lines) + "\n");
        driver.findElement(By.id("validate")).click();
        WebElement errors = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
        WebElement first = errors.findElement(By.cssSelector("li"));
        assertThat(first.getText()).contains("a parenthesis opened on line " + broken).contains("is never closed");
        assertThat(first.findElement(By.cssSelector("details summary")).getText()).isEqualTo("What the parser said");
        assertThat(driver.findElement(By.id("publish")).isEnabled()).isFalse();
        assertThat(errors.getLocation().getY()).as("the problems are above the editor, not below the fold")
                .isLessThan(driver.findElement(By.cssSelector(".CodeMirror")).getLocation().getY());

        first.findElement(By.cssSelector("a.jump")).click();
        Long cursor = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('.CodeMirror').CodeMirror.getCursor().line;");
        assertThat(cursor).as("the click put the cursor on the line").isEqualTo(broken - 1L);
        Long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('.CodeMirror').getBoundingClientRect().height | 0;");
        Long window = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerHeight;");
        assertThat(height).as("the editor fills most of the window").isGreaterThan(window / 2);
        BrowserSupport.screenshot(driver, "rule-plain-error");

        setEditorText(text);
        driver.findElement(By.id("validate")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("review-summary")));
        assertThat(driver.findElement(By.id("review-summary")).getText()).startsWith("No problems in the files");
        assertThat(driver.findElement(By.id("publish")).isEnabled()).isTrue();
    }

    @Test
    void aSavedPlanBecomesARuleTestInOneClick() throws IOException {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        driver.get(url("/rules"));
        BrowserSupport.logIn(driver, "expert", "expert");
        driver.findElement(By.id("rule-tests-link")).click();
        WebElement summary = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("tests-summary")));
        assertThat(summary.getText()).contains("rule tests pass");
        int before = driver.findElements(By.cssSelector("#rule-tests tbody tr")).size();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("planId")))
                .selectByVisibleText("Modest H100 expansion with power and HBM in hand");
        driver.findElement(By.id("add-test")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "expects what the plan gets now"));
        assertThat(driver.findElements(By.cssSelector("#rule-tests tbody tr"))).hasSize(before + 1);
        assertThat(driver.findElement(By.id("rule-tests")).getText()).contains("tests/modest-h100-expansion-with-power-and-hbm-in-hand.json");
        BrowserSupport.screenshot(driver, "rule-tests-1440");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat(((Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .longValue()).as("the rule tests fit a phone").isLessThanOrEqualTo(0);
        BrowserSupport.screenshot(driver, "rule-tests-390");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
    }

    @Test
    void anExpertChangesAThresholdSeesTheImpactAndPublishes() throws IOException {
        openRuleFile("permits/permits_by_region.drl.csv");
        String table = editorText();
        assertThat(driver.findElement(By.id("hit-policy")).getText()).as("the hit policy in words")
                .contains("Every row whose conditions a plan meets applies");
        String row = "US-TN,ONSITE_GAS,,FUEL_CELL,100,permits.air_permit_months.contested";

        // A broken threshold is refused with its row.
        setEditorText(table.replace(row, "US-TN,ONSITE_GAS,,FUEL_CELL,10x0,permits.air_permit_months.contested"));
        driver.findElement(By.id("validate")).click();
        WebElement errors = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
        int tableRow = Arrays.asList(table.split("\n")).indexOf(table.lines()
                .filter(l -> l.contains(row)).findFirst().orElseThrow()) + 1;
        assertThat(errors.getText()).contains("rules/permits/permits_by_region.drl.csv:" + tableRow + " ")
                .contains("row " + tableRow + " of the table");
        assertThat(driver.findElement(By.id("publish")).isEnabled()).as("publish is off while problems remain").isFalse();
        assertThat(driver.findElement(By.id("publish-off")).getText()).contains("validate again");
        assertThat(driver.findElement(By.id("review-summary")).getText()).startsWith("1 problem in the files");
        BrowserSupport.screenshot(driver, "rule-error");

        // In the grid, Memphis's air-permit threshold goes from 100 to 10,000 MW: its 1,720 MW of turbines stay under it.
        setEditorText(table);
        WebElement threshold = driver.findElement(By.cssSelector("#grid input[data-row='" + (tableRow - 1) + "'][data-col='5']"));
        assertThat(threshold.getAttribute("value")).isEqualTo("100");
        threshold.clear();
        threshold.sendKeys("10000");
        assertThat(editorText()).contains("US-TN,ONSITE_GAS,,FUEL_CELL,10000,permits.air_permit_months.contested");
        driver.findElement(By.id("validate")).click();
        WebElement impact = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("impact")));
        WebElement first = impact.findElement(By.cssSelector("tbody tr"));
        assertThat(first.getText()).contains("1 GW on-site gas campus")
                .contains("cascade on-site generation > electrical equipment > permits > memory (HBM)")
                .contains("cascade on-site generation > electrical equipment > memory (HBM)");
        assertThat(first.findElement(By.cssSelector("td.changed"))).isNotNull();
        BrowserSupport.screenshot(driver, "rule-impact");
        driver.findElement(By.id("message")).sendKeys("Memphis air permits only above 10,000 MW");
        driver.findElement(By.id("publish")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "it is live"));
        assertThat(Files.readString(rulesDir.resolve("permits/permits_by_region.drl.csv")))
                .contains("US-TN,ONSITE_GAS,,FUEL_CELL,10000,permits.air_permit_months.contested");

        driver.get(url("/plans"));
        driver.findElement(By.linkText("1 GW on-site gas campus")).click();
        String cascade = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("p.cascade"))).getText();
        assertThat(cascade).contains("on-site generation").doesNotContain("permits");

        driver.get(url("/rules/history"));
        assertThat(driver.findElement(By.id("revisions")).getText()).contains("Memphis air permits only above 10,000 MW")
                .contains("expert");

        // Reverting goes through the same review: the rows it puts back, the impact, a message, then publish.
        driver.findElements(By.cssSelector("#revisions a.revert")).get(0).click();
        WebElement review = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("validation")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Revert to revision");
        assertThat(review.getText()).as("the table row it puts back, cell by cell").contains("10000 \u2192 100")
                .contains("1 GW on-site gas campus");
        assertThat(Files.readString(rulesDir.resolve("permits/permits_by_region.drl.csv")))
                .as("nothing is reverted by the review").contains("US-TN,ONSITE_GAS,,FUEL_CELL,10000,");
        BrowserSupport.screenshot(driver, "revert-review");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .longValue()).as("the review fits a phone").isLessThanOrEqualTo(0);
        BrowserSupport.screenshot(driver, "revert-review-390");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        driver.findElement(By.id("message")).sendKeys("the 10,000 MW threshold had no source");
        driver.findElement(By.id("publish")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "Reverted to revision"));
        assertThat(Files.readString(rulesDir.resolve("permits/permits_by_region.drl.csv")))
                .contains("US-TN,ONSITE_GAS,,FUEL_CELL,100,permits.air_permit_months.contested");
        assertThat(driver.findElement(By.id("revisions")).getText()).contains("the 10,000 MW threshold had no source");
    }
}
