package io.firstwall.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.firstwall.analysis.AnalysisFixtures;

/**
 * A domain expert in a real headless Chromium edits a fact: a missing source is refused at its
 * field; the new figure shows its row, a rule test that now answers differently and the
 * impact on the saved plans; publishing is refused until the expert accepts the new answer; then the
 * affected plan's analysis changes and the file's history shows the revision. Works on copies of
 * data/ and rules/.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:facts-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class FactsBrowserTests extends BrowserTest {

    static final String LINE = "permits.tx.ccn_deadline_days";
    static Path dataDir;

    @DynamicPropertySource
    static void copies(DynamicPropertyRegistry registry) {
        dataDir = AnalysisFixtures.copyOfData();
        Path rulesDir = AnalysisFixtures.copyOfRules();
        registry.add("firstwall.data-dir", () -> dataDir.toString());
        registry.add("firstwall.rules-dir", () -> rulesDir.toString());
    }

    @Test
    void anExpertEditsAFactSeesTheImpactAcceptsTheNewAnswerAndPublishes() throws IOException {
        driver.manage().deleteAllCookies();
        driver.get(url("/facts"));
        BrowserSupport.logIn(driver, "expert", "expert");
        WebElement row = visible(By.id("fact-" + LINE));
        assertThat(row.getText()).contains("180").contains("180 – 365").contains("days");
        BrowserSupport.screenshot(driver, "facts");
        row.findElement(By.linkText("edit")).click();

        // No source: refused at the field, nothing changes.
        visible(By.id("fact-form"));
        driver.findElement(By.id("source")).clear();
        driver.findElement(By.id("check")).click();
        assertThat(visible(By.id("source-error")).getText()).contains("A source is required");

        // Five years instead of the statute's 180 days, with a source.
        BrowserSupport.type(driver, By.id("value"), "1800");
        BrowserSupport.type(driver, By.id("low"), "");
        BrowserSupport.type(driver, By.id("high"), "");
        BrowserSupport.type(driver, By.id("source"), "assumption: a contested certificate, for a what-if");
        driver.findElement(By.id("check")).click();
        String changes = visible(By.cssSelector("#validation table.cell-diff")).getText();
        assertThat(changes).as("only the changed cells are marked, old to new").contains("180 \u2192 1800")
                .contains("365 \u2192").contains(LINE);
        WebElement idCell = driver.findElement(By.cssSelector("#validation table.cell-diff tr.changed-row td"));
        assertThat(idCell.getText()).isEqualTo(LINE);
        assertThat(idCell.getAttribute("class")).as("the fact id did not change").doesNotContain("changed");
        assertThat(visible(By.id("review-summary")).getText()).as("never 'no problems' above a failing rule test")
                .contains("1 of").contains("rule tests fails").contains("blocks publishing");
        assertThat(driver.findElement(By.id("scenarios")).getText()).contains("FAIL tests/ercot-campus-new-line.json");
        WebElement first = driver.findElement(By.cssSelector("#impact tbody tr"));
        assertThat(first.getText()).contains("ERCOT campus on a new 345 kV line").contains("permits on");
        assertThat(first.findElement(By.cssSelector("td.changed"))).isNotNull();
        BrowserSupport.screenshot(driver, "fact-review");

        // Publishing without accepting the new answer is refused; accepting it publishes.
        driver.findElement(By.id("message")).sendKeys("what-if: a contested line certificate");
        driver.findElement(By.id("publish")).click();
        assertThat(visible(By.id("edit-error")).getText()).contains("answers differently");
        driver.findElement(By.id("message")).sendKeys("what-if: a contested line certificate");
        driver.findElement(By.id("accept")).click();
        driver.findElement(By.id("publish")).click();
        BrowserSupport.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "analyses use it now"));
        assertThat(driver.findElement(By.id("fact-" + LINE)).getText()).containsAnyOf("1,800", "1800");
        assertThat(Files.readString(dataDir.resolve("facts/permits.csv"))).contains(LINE + ",1800,,,days");

        driver.get(url("/plans"));
        driver.findElement(By.linkText("ERCOT campus on a new 345 kV line")).click();
        assertThat(visible(By.cssSelector("p.headline")).getText()).contains("permits");

        driver.get(url("/facts/history?file=facts/permits.csv"));
        assertThat(visible(By.cssSelector("article.file-change")).getText())
                .contains("what-if: a contested line certificate").contains("expert").contains("+ " + LINE + ",1800");
        BrowserSupport.screenshot(driver, "fact-history");
    }

    @Test
    void anAdminCreatesAnExpertAccountWhoCanThenEditFacts() throws IOException {
        driver.manage().deleteAllCookies();
        driver.get(url("/admin/users"));
        BrowserSupport.logIn(driver, "admin", "admin");
        visible(By.id("new-account"));
        BrowserSupport.type(driver, By.id("name"), "dana");
        BrowserSupport.type(driver, By.id("password"), "short");
        driver.findElement(By.id("create")).click();
        assertThat(visible(By.id("password-error")).getText()).contains("At least 10 characters");
        BrowserSupport.type(driver, By.id("password"), "dana's long passphrase");
        driver.findElement(By.cssSelector("#new-account input[name=roles][value=EXPERT]")).click();
        driver.findElement(By.id("create")).click();
        assertThat(visible(By.cssSelector(".flash.ok")).getText()).contains("Created dana");
        assertThat(driver.findElement(By.id("account-dana")).getText()).contains("dana");
        BrowserSupport.screenshot(driver, "users");

        driver.manage().deleteAllCookies();
        driver.get(url("/facts"));
        BrowserSupport.logIn(driver, "dana", "dana's long passphrase");
        assertThat(visible(By.id("fact-" + LINE)).findElements(By.linkText("edit"))).hasSize(1);
        assertThat(driver.findElements(By.linkText("Users"))).isEmpty();
    }

    /** A series shows as its rows and as a small chart whose dots lead to the rows; its point's edit page shows it too. */
    @Test
    void aSeriesIsShownAsRowsAndAsAChartAtDesktopAndPhoneWidths() throws IOException {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        driver.get(url("/facts"));
        BrowserSupport.logIn(driver, "expert", "expert");
        WebElement chart = visible(By.id("series-chip.cowos_wafers_per_month"));
        assertThat(chart.getText()).contains("chip.cowos_wafers_per_month").contains("wafers/month").contains("2024-01-01")
                .contains("2028-01-01");
        assertThat(chart.findElements(By.cssSelector("circle"))).hasSize(17);
        assertThat(chart.findElement(By.tagName("svg")).getAttribute("aria-label"))
                .startsWith("chip.cowos_wafers_per_month: 17 points from 2024-01-01 (15,000) to 2028-01-01 (112,000)");
        assertThat(chart.findElement(By.tagName("svg")).getSize().getWidth()).isBetween(300, 520);
        assertThat(visible(By.id("series-launch.licensed_per_year.slc37")).findElements(By.cssSelector("circle"))).hasSize(1);
        new org.openqa.selenium.interactions.Actions(driver).scrollToElement(chart).perform();
        BrowserSupport.screenshot(driver, "fact-series-1440");
        // Each point's row links to the chart, each dot back to its row.
        assertThat(driver.findElement(By.id("fact-chip.cowos_wafers_per_month@2027-01-01"))
                .findElement(By.cssSelector("a.series-link")).getAttribute("href")).endsWith("#series-chip.cowos_wafers_per_month");
        chart.findElements(By.cssSelector("a")).get(12).click();
        assertThat(driver.getCurrentUrl()).endsWith("#fact-chip.cowos_wafers_per_month@2027-01-01");
        assertThat(visible(By.id("fact-chip.cowos_wafers_per_month@2027-01-01")).getText()).contains("110000");

        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        chart = visible(By.id("series-chip.cowos_wafers_per_month"));
        assertThat(chart.findElement(By.tagName("svg")).getSize().getWidth()).isLessThanOrEqualTo(390);
        new org.openqa.selenium.interactions.Actions(driver).scrollToElement(chart).perform();
        BrowserSupport.screenshot(driver, "fact-series-390");

        driver.get(url("/facts/edit?id=chip.cowos_wafers_per_month@2027-01-01"));
        WebElement own = visible(By.id("fact-series"));
        assertThat(own.getText()).contains("The series this fact belongs to");
        assertThat(own.findElements(By.cssSelector("circle.current"))).hasSize(1);
        new org.openqa.selenium.interactions.Actions(driver).scrollToElement(own).perform();
        BrowserSupport.screenshot(driver, "fact-series-edit-390");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
    }
}
