package io.firstwall.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
        fitsAPhone("the rule tests fit a phone", "rule-tests-390");
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
                .contains("row " + tableRow + ", Generation above (MW): '10x0' is not a number");
        assertThat(driver.findElement(By.cssSelector("#grid tr[data-line='" + tableRow + "']")).getAttribute("class"))
                .as("the row is marked in the grid").contains("error-row");
        assertThat(driver.findElement(By.id("publish")).isEnabled()).as("publish is off while problems remain").isFalse();
        assertThat(driver.findElement(By.id("publish-off")).getText()).contains("validate again");
        assertThat(driver.findElement(By.id("review-summary")).getText()).startsWith("1 problem in the files");
        BrowserSupport.screenshot(driver, "rule-error");

        // In the grid, Memphis's air-permit threshold goes from 100 to 10,000 MW: its 1,720 MW of turbines stay under it.
        setEditorText(table);
        WebElement threshold = driver.findElement(By.cssSelector("#grid tr[data-line='" + tableRow + "'] .cell[data-col='5']"));
        assertThat(threshold.getAttribute("value")).isEqualTo("100");
        threshold.clear();
        threshold.sendKeys("10000");
        assertThat(editorText()).contains("US-TN,ONSITE_GAS,,FUEL_CELL,10000,permits.air_permit_months.contested");
        driver.findElement(By.id("validate")).click();
        WebElement impact = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("impact")));
        WebElement first = impact.findElement(By.cssSelector("tbody tr"));
        assertThat(first.getText()).contains("1 GW on-site gas campus")
                .contains("cascade on-site generation > construction > electrical equipment > permits > chip supply > memory (HBM)")
                .contains("cascade on-site generation > construction > electrical equipment > chip supply > memory (HBM)");
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
        fitsAPhone("the review fits a phone", "revert-review-390");
        driver.findElement(By.id("message")).sendKeys("the 10,000 MW threshold had no source");
        driver.findElement(By.id("publish")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "Reverted to revision"));
        assertThat(Files.readString(rulesDir.resolve("permits/permits_by_region.drl.csv")))
                .contains("US-TN,ONSITE_GAS,,FUEL_CELL,100,permits.air_permit_months.contested");
        assertThat(driver.findElement(By.id("revisions")).getText()).contains("the 10,000 MW threshold had no source");
    }

    /** At 390 px wide the page does not scroll sideways; a screenshot, then back to 1440 px. */
    void fitsAPhone(String what, String screenshot) throws IOException {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .longValue()).as(what).isLessThanOrEqualTo(0);
        BrowserSupport.screenshot(driver, screenshot);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * The expert flow of the README, end to end: a new permit rule written in sentences (a typo named
     * in plain words, a click to its line, the fix), a row added to the permits table in the business
     * grid (a gap warning), the impact previewed and published, the plan's "why" showing both new
     * rules, and a revert through the review.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void anExpertWritesARuleInSentencesAddsATableRowSeesWhyAndReverts() throws IOException {
        openRuleFile("permits/permits_sentences.dslr");
        String original = editorText();
        assertThat(driver.findElement(By.id("sentence-hint")).getText()).contains("Ctrl-Space");
        String rule = """

                rule "PERM-060 On-site gas in Memphis needs a FERC certificate for its gas lateral, with a NEPA review"
                when
                    There is a plan
                    - located in US-TN
                    - powerd by on-site gas
                    The plan is on Earth
                    The lead time is the fact permits.nepa_eis_deadline_months
                then
                    It needs the pipeline permit: a FERC certificate for a new gas lateral to the site, with its NEPA review
                end
                """;
        setEditorText(original + rule);
        int typo = (original + rule).lines().toList().indexOf("    - powerd by on-site gas") + 1;

        // The offered sentences: typing at the start of a condition line and pressing Ctrl-Space.
        js("var cm = document.querySelector('.CodeMirror').CodeMirror; cm.focus();"
                + " cm.setCursor({line: arguments[0], ch: 0}); cm.replaceRange('\\n', {line: arguments[0], ch: 0});"
                + " cm.setCursor({line: arguments[0], ch: 0});", typo - 1);
        driver.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys("    - loc");
        driver.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        WebElement hints = BrowserSupport.waitFor(driver).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".CodeMirror-hints")));
        assertThat(hints.getText()).contains("- located in {region}").doesNotContain("It needs the");
        BrowserSupport.screenshot(driver, "expert-sentences");
        driver.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(Keys.ESCAPE);
        fitsAPhone("the sentence editor fits a phone", "expert-sentences-390");
        setEditorText(original + rule);

        // The typo is said in plain words at its line; a click puts the cursor there.
        driver.findElement(By.id("validate")).click();
        WebElement errors = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
        assertThat(errors.getText()).contains("permits_sentences.dslr:" + typo)
                .contains("\"- powerd by on-site gas\" is not a sentence the vocabulary knows as a condition")
                .contains("the nearest is \"- powered by on-site gas\"");
        assertThat(driver.findElement(By.id("publish")).isEnabled()).isFalse();
        errors.findElement(By.cssSelector("a.jump")).click();
        assertThat(((Number) js("return document.querySelector('.CodeMirror').CodeMirror.getCursor().line;")).intValue())
                .isEqualTo(typo - 1);
        js("var cm = document.querySelector('.CodeMirror').CodeMirror; var l = cm.getCursor().line;"
                + " cm.replaceRange('    - powered by on-site gas', {line: l, ch: 0}, {line: l, ch: cm.getLine(l).length});");

        // What the sentences stand for, on demand.
        driver.findElement(By.id("show-drl")).click();
        WebElement drl = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("drl-text")));
        BrowserSupport.waitFor(driver).until(d -> drl.getText().contains("PERM-060"));
        assertThat(drl.getText()).contains("$p : Plan(location == \"US-TN\", power == Power.ONSITE_GAS)")
                .contains("insert(Calc.permit(drools.getRule().getName(), \"pipeline\", $p, $f,");

        driver.findElement(By.id("validate")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("review-summary")));
        assertThat(driver.findElement(By.id("review-summary")).getText()).startsWith("No problems in the files");
        driver.findElement(By.id("message")).sendKeys("FERC certificate for Memphis gas laterals");
        driver.findElement(By.id("publish")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "it is live"));
        assertThat(Files.readString(rulesDir.resolve("permits/permits_sentences.dslr"))).contains("PERM-060")
                .contains("    - powered by on-site gas");

        // The permits table as a business grid: a new row, a bad number named in plain words, then a gap.
        openRuleFile("permits/permits_by_region.drl.csv");
        WebElement grid = driver.findElement(By.id("grid"));
        assertThat(grid.findElement(By.tagName("thead")).getAttribute("textContent")).contains("Region", "Power", "Lead time (fact id)")
                .doesNotContain("CONDITION").doesNotContain("$param");
        assertThat(driver.findElement(By.id("text-tab")).isDisplayed()).as("the CSV text is a tab, not a second copy").isFalse();
        assertThat(driver.findElement(By.id("engine-rows")).getAttribute("open")).isNull();
        // Engine rows changed in the CSV text: the grid waits for a validation rather than misplace cells.
        String tableText = editorText();
        driver.findElement(By.id("tab-text")).click();
        setEditorText(tableText.replace("power == Power.$param", "power != Power.$param"));
        driver.findElement(By.id("tab-grid")).click();
        assertThat(driver.findElement(By.id("grid")).getText()).contains("The engine rows changed in the CSV text");
        setEditorText(tableText);
        driver.findElement(By.id("tab-grid")).click();
        int rows = grid.findElements(By.cssSelector("tbody tr")).size();
        assertThat(rows).isPositive();
        driver.findElement(By.id("add-row")).click();
        WebElement added = grid.findElements(By.cssSelector("tbody tr")).get(rows);
        added.findElement(By.cssSelector(".cell-name")).sendKeys("PERM-029 On-site gas in Memphis needs a groundwater well permit");
        new Select(added.findElement(By.cssSelector(".cell-region"))).selectByValue("US-TN");
        new Select(added.findElement(By.cssSelector(".cell-power"))).selectByValue("ONSITE_GAS");
        added.findElement(By.cssSelector(".cell-number")).sendKeys("10x0");
        added.findElement(By.cssSelector(".cell-fact")).sendKeys("permits.local_approval_months.US-TN");
        added.findElement(By.cssSelector("[data-col='7']")).sendKeys("water,a Shelby County groundwater well permit");
        assertThat(editorText()).contains("PERM-029 On-site gas in Memphis needs a groundwater well permit,US-TN,ONSITE_GAS,,,10x0,"
                + "permits.local_approval_months.US-TN,\"water,a Shelby County groundwater well permit\"");
        int line = Integer.parseInt(added.getAttribute("data-line"));
        driver.findElement(By.id("validate")).click();
        errors = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
        assertThat(errors.getText()).contains("row " + line + ", Generation above (MW): '10x0' is not a number");
        errors.findElement(By.cssSelector("a.jump")).click();
        WebElement bad = driver.findElement(By.cssSelector("#grid tr[data-line='" + line + "']"));
        assertThat(bad.getAttribute("class")).contains("error-row");
        assertThat(driver.switchTo().activeElement().getAttribute("data-col")).as("the click focused the row").isNotNull();
        BrowserSupport.screenshot(driver, "expert-grid-error");
        WebElement number = bad.findElement(By.cssSelector(".cell-number"));
        number.clear();
        number.sendKeys("0");
        driver.findElement(By.id("validate")).click();
        WebElement warnings = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("warnings")));
        assertThat(warnings.getText()).contains("gap: no row gives ONSITE_GAS plans in").contains("the 'water' lane");
        assertThat(driver.findElement(By.id("review-summary")).getText()).contains("1 warning").contains("of 11 saved plans");
        assertThat(driver.findElement(By.id("publish")).isEnabled()).as("a gap warns, it does not block").isTrue();
        BrowserSupport.screenshot(driver, "expert-flow");
        fitsAPhone("the grid scrolls inside its box on a phone, the page does not", "expert-flow-390");
        driver.findElement(By.id("message")).sendKeys("Memphis groundwater wells");
        driver.findElement(By.id("publish")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "it is live"));

        // Why, for the Memphis plan: both new rules fired, the table rule by its row.
        driver.get(url("/plans"));
        driver.findElement(By.linkText("1 GW on-site gas campus")).click();
        driver.findElement(By.id("why-link")).click();
        WebElement ferc = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#why-table tr[data-rule='PERM-060']")));
        assertThat(ferc.getAttribute("class")).contains("fired");
        assertThat(ferc.getText()).contains("permits/permits_sentences.dslr");
        WebElement well = driver.findElement(By.cssSelector("#why-table tr[data-rule='PERM-029']"));
        assertThat(well.getText()).contains("fired").contains("row " + line);
        WebElement texas = driver.findElement(By.cssSelector("#why-table tr[data-rule='PERM-012']"));
        assertThat(texas.getText()).contains("did not fire").contains("location == \"US-TX\"").contains("location is US-TN");
        driver.findElement(By.id("why-filter")).sendKeys("PERM-06");
        assertThat(driver.findElements(By.cssSelector("#why-table tbody tr")).stream().filter(WebElement::isDisplayed)
                .map(r -> r.getAttribute("data-rule")).toList()).containsExactly("PERM-060");
        BrowserSupport.screenshot(driver, "why-1440");
        fitsAPhone("why fits a phone", "why-390");

        // The table change is reverted through the review.
        driver.get(url("/rules/history"));
        driver.findElements(By.cssSelector("#revisions a.revert")).get(0).click();
        WebElement review = BrowserSupport.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("validation")));
        assertThat(review.getText()).contains("PERM-029");
        assertThat(Files.readString(rulesDir.resolve("permits/permits_by_region.drl.csv"))).contains("PERM-029");
        driver.findElement(By.id("message")).sendKeys("the well permit has no source yet");
        driver.findElement(By.id("publish")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "Reverted to revision"));
        assertThat(Files.readString(rulesDir.resolve("permits/permits_by_region.drl.csv"))).doesNotContain("PERM-029");
        assertThat(Files.readString(rulesDir.resolve("permits/permits_sentences.dslr"))).contains("PERM-060");

        // The other tests of this class start from the rules as they were.
        openRuleFile("permits/permits_sentences.dslr");
        setEditorText(original);
        driver.findElement(By.id("message")).sendKeys("test over");
        driver.findElement(By.id("publish")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "it is live"));
        assertThat(Files.readString(rulesDir.resolve("permits/permits_sentences.dslr"))).isEqualTo(original);
    }
}
