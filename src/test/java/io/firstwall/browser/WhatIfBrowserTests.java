package io.firstwall.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An analyst in a real headless Chromium: creates a plan through the form, analyzes it, changes a
 * fact in what-if and sees the first wall change, saves scenarios and compares them. Needs Debian's
 * chromium and chromium-driver; without them the test is skipped and says why, except where
 * FIRSTWALL_REQUIRE_BROWSER=true (CI), where a missing browser fails it.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class WhatIfBrowserTests extends BrowserTest {

    WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    static void screenshot(String name) throws IOException {
        BrowserSupport.screenshot(driver, name);
    }

    /** The what-if field of the next open turbine slot for an order in January 2026 (a series point). */
    static final By SLOT_POINT = By.cssSelector("[id='o-turbine.heavy_duty.next_slot_year@2025-12-01']");

    static void setValue(WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                input, value);
    }

    /** The page is no wider than the window: nothing scrolls sideways. */
    static void assertNoSidewaysScroll(String what) {
        long scroll = ((Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth;")).longValue();
        long client = ((Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.clientWidth;")).longValue();
        assertThat(scroll).as(what + " scrolls sideways").isLessThanOrEqualTo(client);
    }

    static void type(By by, String value) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void anAnalystGoesFromThePlanListToAWhatIfComparison() throws IOException {
        driver.get(url("/plans"));
        logIn("analyst", "analyst");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Plans");
        screenshot("plans");
        driver.findElement(By.linkText("New plan")).click();

        // A first try without a name: the message stands next to the field.
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("name")));
        driver.findElement(By.cssSelector("form.plan-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".has-error .error"),
                "Give the plan a name."));

        type(By.id("name"), "Browser campus");
        new Select(driver.findElement(By.id("location"))).selectByValue("US-TN");
        new Select(driver.findElement(By.id("power"))).selectByValue("ONSITE_GAS");
        new Select(driver.findElement(By.id("accelerator"))).selectByValue("GB300");
        setValue(driver.findElement(By.id("decisionDate")), "2026-01-15");
        setValue(driver.findElement(By.name("phases[0].online")), "2026-12-31");
        type(By.name("phases[0].accelerators"), "110000");
        driver.findElement(By.cssSelector("fieldset[data-rows=phases] .add-row")).click();
        setValue(driver.findElement(By.name("phases[1].online")), "2027-06-30");
        type(By.name("phases[1].accelerators"), "330000");
        // The levers are typed: a box, a choice, a number with its unit; each says what it means.
        WebElement reserved = driver.findElement(By.cssSelector("[data-attribute=turbineSlotReserved] input[type=checkbox]"));
        assertThat(driver.findElement(By.cssSelector("[data-attribute=turbineSlotReserved]")).getText())
                .contains("Turbine slot reserved").contains("reserved OEM slot");
        assertThat(new Select(driver.findElement(By.cssSelector("[data-attribute=turbineType] select"))).getOptions())
                .extracting(WebElement::getText).containsExactly("not set (the rules' default)", "HEAVY_DUTY", "AERODERIVATIVE",
                        "GAS_ENGINE", "MOBILE_TURBINE", "FUEL_CELL");
        assertThat(driver.findElement(By.cssSelector("[data-attribute=existingPowerMW] .unit")).getText()).isEqualTo("MW");
        new Select(driver.findElement(By.cssSelector("[data-attribute=turbineType] select"))).selectByValue("HEAVY_DUTY");
        reserved.click();
        // A reservation has a size: the slot covers the 1,720 MW of turbines phase 2 needs.
        type(By.cssSelector("[data-attribute=turbineSlotMW] input[type=number]"), "1720");
        BrowserSupport.screenshot(driver, driver.findElement(By.cssSelector("fieldset.attributes")), "plan-levers");
        driver.findElement(By.cssSelector("form.plan-form button[type=submit]")).click();

        // The analysis: headline, chart, walls, cascade.
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.headline")));
        assertThat(driver.findElement(By.cssSelector("p.headline")).getText())
                .contains("Full capacity").contains("months late").contains("First wall: on-site generation, binding Dec 2026");
        assertThat(driver.findElement(By.cssSelector("#summary table.phases")).getText()).contains("Dec 2026")
                .contains("on-site generation");
        assertThat(driver.findElements(By.cssSelector("#walls-chart g.lane")).stream()
                .map(g -> g.getAttribute("data-factor")).toList()).containsExactly("TURBINE_SUPPLY", "CONSTRUCTION",
                "ELECTRICAL_EQUIPMENT", "PERMITS", "CHIP_SUPPLY", "MEMORY_SUPPLY");
        assertThat(driver.findElements(By.cssSelector("svg.timeline path.allowed"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("p.cascade")).getText()).contains("on-site generation").contains("permits");
        screenshot("analysis");

        // What-if: OEM slots open in 2025 in this scenario (the point that holds for a January 2026 order).
        driver.findElement(By.linkText("What if\u2026")).click();
        WebElement slot = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                SLOT_POINT));
        slot.sendKeys("2025");
        driver.findElement(By.id("analyze-scenario")).click();
        WebElement firstWallRow = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[contains(@class,'comparison')]//tr[th='First wall']")));
        List<WebElement> cells = firstWallRow.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo("on-site generation");
        // With turbines early, the new building (about 14 months to its first megawatts) binds first.
        assertThat(cells.get(1).getText()).isEqualTo("construction");
        assertThat(cells.get(1).getAttribute("class")).contains("changed");
        assertThat(driver.findElement(By.cssSelector("#scenario-result p.headline")).getText())
                .contains("First wall: construction");
        // Base and what-if in one swimlane chart, and the change in a chip.
        assertThat(visible(By.id("delta-chip")).getText()).matches("[+\u2212]\\d+ months? against the base");
        assertThat(driver.findElements(By.cssSelector("#scenario-result #walls-chart rect.base-wall"))).isNotEmpty();
        screenshot("whatif");
        BrowserSupport.screenshot(driver, driver.findElement(By.id("scenario-result")), "whatif-result");

        // Save it, then a second scenario with fast permits too, then compare the two.
        type(By.id("scenarioName"), "Slots in 2025");
        driver.findElement(By.id("save-scenario")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Slots in 2025"));

        // A bad override is marked at its field as you type, before any submit; fixing it clears the mark.
        WebElement pue = visible(By.id("o-pue.ai_site_peak"));
        pue.sendKeys("lots");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//input[@id='o-pue.ai_site_peak']/following-sibling::span[contains(@class,'live-error')]"),
                "is not a number"));
        pue.clear();
        pue.sendKeys(" ");
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".live-error")));

        // Saving stays on the scenario: its override is still in the form.
        assertThat(driver.getCurrentUrl()).contains("/whatif?from=");
        assertThat(visible(SLOT_POINT).getAttribute("value")).isEqualTo("2025");
        WebElement permits = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("o-permits.air_permit_months.contested")));
        permits.sendKeys("6");
        type(By.id("scenarioName"), "Slots in 2025 and fast permits");
        driver.findElement(By.id("save-scenario")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "fast permits"));
        driver.get(driver.getCurrentUrl().replaceAll("/whatif.*", "/scenarios"));

        driver.findElements(By.cssSelector("input[name=s]")).forEach(WebElement::click);
        driver.findElement(By.id("compare")).click();
        WebElement table = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("comparison")));
        List<WebElement> headers = table.findElements(By.cssSelector("thead th"));
        assertThat(headers.stream().map(h -> h.getAttribute("textContent").trim()).toList())
                .containsExactly("", "Base plan", "Slots in 2025", "Slots in 2025 and fast permits");
        List<WebElement> first = table.findElements(By.xpath(".//tr[th='First wall']/td"));
        assertThat(first.stream().map(WebElement::getText).toList())
                .containsExactly("on-site generation", "construction", "construction");
        assertThat(table.findElements(By.cssSelector("td.changed"))).isNotEmpty();
        assertThat(visible(By.id("delay-chart")).getText()).contains("Base plan").contains("months");
        // The what-if page's odds may still be drawing for this user: the comparison answers at once and says the odds
        // wait; a reload once they are done shows them.
        if (driver.findElements(By.id("odds-table")).isEmpty()) {
            assertThat(driver.findElement(By.id("odds-busy")).getText()).contains("not drawn this time");
            waitFor().until(d -> {
                d.navigate().refresh();
                return !d.findElements(By.id("odds-table")).isEmpty();
            });
            table = visible(By.id("comparison"));
        }
        assertThat(driver.findElement(By.id("odds-table")).getText()).contains("P(feasible)");
        screenshot("compare");
        // The same comparison on a phone: nothing scrolls sideways, the chart scales.
        driver.manage().window().setSize(new Dimension(390, 844));
        assertNoSidewaysScroll("compare at 390 px");
        assertThat(visible(By.id("delay-chart")).getSize().getWidth()).isLessThanOrEqualTo(390);
        // Every scenario name starts inside the chart, however long.
        List<?> nameEdges = (List<?>) ((JavascriptExecutor) driver).executeScript("const b = Array.from("
                + "document.querySelectorAll('#delay-chart text.bar-name')).map(t => t.getBBox());"
                + "return [Math.min(...b.map(r => r.x)), Math.max(...b.map(r => r.x + r.width))];");
        assertThat(((Number) nameEdges.get(0)).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) nameEdges.get(1)).doubleValue()).isLessThanOrEqualTo(760);
        screenshot("compare-390");
        driver.manage().window().setSize(new Dimension(1440, 900));
    }

    void logIn(String name, String password) {
        BrowserSupport.logIn(driver, name, password);
    }

    /**
     * The analysis page says how sure: probability bars, the cumulative chart with the target, the
     * tornado whose facts link to their rows; at desktop and phone widths.
     */
    @Test
    void theAnalysisPageShowsTheOddsTheChartAndTheTornado() throws IOException {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1440, 900));
        driver.get(url("/plans"));
        logIn("analyst", "analyst");
        driver.findElement(By.linkText("Central Ohio campus on gas engines while the grid is years out")).click();
        WebElement bars = visible(By.id("odds-bars"));
        WebElement equipment = bars.findElement(By.cssSelector("g[data-factor='ELECTRICAL_EQUIPMENT']"));
        assertThat(equipment.getText()).contains("electrical equipment").containsPattern("\\d+% \\(\\d+\u2013\\d+%\\)");
        double width = Double.parseDouble(equipment.findElement(By.tagName("rect")).getAttribute("width"));
        assertThat(width).isStrictlyBetween(40.0, 380.0);
        assertThat(bars.findElement(By.cssSelector("g[data-factor='feasible']")).getText()).contains("feasible as planned");
        assertThat(visible(By.id("full-capacity-chart")).getText()).contains("target 2028-06-30");
        WebElement tornado = visible(By.id("tornado"));
        assertThat(tornado.findElements(By.cssSelector("rect.low")).size()).isBetween(3, 10);
        assertThat(visible(By.id("percentiles")).getText()).contains("P10").contains("P90");
        new Actions(driver).scrollToElement(tornado).perform();
        BrowserSupport.screenshot(driver, "analysis-odds-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        WebElement phoneBars = visible(By.id("odds-bars"));
        assertThat(phoneBars.getSize().getWidth()).isLessThanOrEqualTo(390);
        // On a phone the tornado is a table that reads at phone size.
        WebElement table = visible(By.id("tornado-table"));
        assertThat(table.getText()).contains("grid_equipment.gsu.lead_weeks").containsPattern("210( weeks)? \u2192 \\d+ months");
        assertThat(driver.findElement(By.id("tornado")).isDisplayed()).isFalse();
        new Actions(driver).scrollToElement(table).perform();
        BrowserSupport.screenshot(driver, "analysis-odds-390");
        driver.manage().window().setSize(new Dimension(1440, 900));
        tornado = visible(By.id("tornado"));
        tornado.findElement(By.xpath(".//*[local-name()='a'][.//*[local-name()='text' and text()='grid_equipment.gsu.lead_weeks']]"))
                .click();
        assertThat(visible(By.id("fact-grid_equipment.gsu.lead_weeks")).getText()).contains("grid_equipment.gsu.lead_weeks");
        assertThat(driver.getCurrentUrl()).endsWith("/facts#fact-grid_equipment.gsu.lead_weeks");
    }

    /**
     * What would it take, as a planner walks it: from the analysis to the cheapest option, its levers under
     * the wall, and one tap to the option as a what-if with the changed plan in the form; at 1440 and 390 px.
     */
    @Test
    void anAnalystGoesFromAWallToTheCheapestOptionToItsWhatIf() throws IOException {
        driver.manage().deleteAllCookies();
        for (int width : new int[] {1440, 390}) {
            driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            driver.get(url("/plans"));
            if (driver.getCurrentUrl().contains("/login")) {
                logIn("analyst", "analyst");
            }
            driver.findElement(By.linkText("Central Ohio campus on gas engines while the grid is years out")).click();
            WebElement panel = visible(By.id("seek"));
            assertThat(panel.getText()).contains("What would it take?").containsPattern("P\\(on time\\) \\d+%")
                    .containsPattern("Cost: \\$[0-9.]+ [kMB]");
            assertThat(driver.findElement(By.cssSelector("tr[data-factor='TURBINE_SUPPLY'] .levers")).getText())
                    .startsWith("Levers that move it:");
            assertNoSidewaysScroll("analysis with options at " + width + " px");
            WebElement first = panel.findElement(By.cssSelector("ol.options li"));
            assertThat(first.getSize().getWidth()).isLessThanOrEqualTo(width);
            String words = first.findElement(By.className("option-words")).getText();
            new Actions(driver).scrollToElement(first).perform();
            screenshot("analysis-seek-" + width);
            first.findElement(By.linkText("Open as what-if")).click();
            assertThat(visible(By.id("from-seek")).getText()).contains("Opened from \"What would it take?\": " + words);
            assertThat(driver.findElement(By.id("scenarioName")).getAttribute("value")).isEqualTo(words);
            assertNoSidewaysScroll("what-if from an option at " + width + " px");
            screenshot("whatif-from-seek-" + width);
        }
        driver.manage().window().setSize(new Dimension(1440, 900));
    }

    /**
     * The solar-and-storage wall reads at a glance: named in the summary card, its own lane and colour in the
     * walls chart, the batteries named as what binds, the land as a note; at 1440 and 390 px.
     */
    @Test
    void theSolarWallReadsAtAGlanceOnADeskAndOnAPhone() throws IOException {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1440, 900));
        driver.get(url("/plans"));
        logIn("analyst", "analyst");
        driver.findElement(By.linkText("Phoenix off-grid solar-plus-storage campus, transformers ordered ahead")).click();
        assertThat(visible(By.id("summary")).getText()).contains("First wall: solar and storage");
        WebElement lane = visible(By.id("walls-chart")).findElement(By.cssSelector("g.lane[data-factor='SOLAR_STORAGE']"));
        assertThat(lane.getText()).contains("solar and storage");
        assertThat(lane.findElements(By.tagName("rect"))).anySatisfy(r -> assertThat(r.getAttribute("fill")).isEqualTo("#882255"));
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("MWh of batteries").contains("acres").contains("18 hours at the load");
        screenshot("analysis-solar-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        assertThat(visible(By.id("summary")).getText()).contains("solar and storage");
        assertNoSidewaysScroll("the solar plan's analysis");
        screenshot("analysis-solar-390");
        driver.manage().window().setSize(new Dimension(1440, 900));
    }

    /** At 390 px every analyst page fits the screen: no sideways scrolling, and Log out stays reachable. */
    @Test
    void onAPhoneNoPageScrollsSideways() throws IOException {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/plans"));
        logIn("analyst", "analyst");
        String orbital = driver.findElement(By.linkText("1 GW orbital cluster on silicon cells by end-2028"))
                .getAttribute("href");
        for (String page : List.of("/plans", orbital, orbital + "/whatif", orbital + "/scenarios", "/facts", "/reports",
                "/account", "/plans/new", "/glossary")) {
            driver.get(page.startsWith("http") ? page : url(page));
            visible(By.tagName("main"));
            long scroll = ((Number) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth;")).longValue();
            long client = ((Number) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.clientWidth;")).longValue();
            Object wide = ((JavascriptExecutor) driver).executeScript("const w = document.documentElement.clientWidth;"
                    + " return Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > w + 1"
                    + " && e.parentElement.getBoundingClientRect().right <= w + 1)"
                    + ".slice(0, 3).map(e => e.tagName + '.' + e.className + '#' + e.id + ' in ' + e.parentElement.tagName + '.' + e.parentElement.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');");
            assertThat(scroll).as(page + " scrolls sideways; too wide: " + wide).isLessThanOrEqualTo(client);
            if (page.endsWith("/whatif")) {
                // On a phone the what-if's result comes first, above the form.
                assertThat(driver.findElement(By.id("results")).getLocation().getY())
                        .isLessThan(driver.findElement(By.id("whatif-form")).getLocation().getY());
            }
            WebElement logout = driver.findElement(By.cssSelector(".nav .logout button"));
            assertThat(logout.getLocation().getX() + logout.getSize().getWidth()).as(page).isLessThanOrEqualTo((int) client);
        }
        // The nav collapses behind Menu: the links show when it is opened.
        driver.get(url("/plans"));
        WebElement facts = driver.findElement(By.cssSelector(".nav-links a[href='/facts']"));
        assertThat(facts.isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("label.nav-menu-button")).click();
        assertThat(facts.isDisplayed()).isTrue();
        facts.click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Facts");
        driver.get(orbital);
        // The summary card and the swimlane chart read at phone size too.
        assertThat(visible(By.cssSelector("#summary p.headline")).getText()).contains("Full capacity").contains("launch");
        WebElement lanes = visible(By.id("walls-chart"));
        assertThat(lanes.getSize().getWidth()).isLessThanOrEqualTo(390);
        assertThat(lanes.findElements(By.cssSelector("g.lane"))).isNotEmpty();
        screenshot("analysis-390");
        driver.manage().window().setSize(new Dimension(1440, 900));
    }

    @Test
    void anAdminStartsTheNightlyRunAndReadsItsReport() throws IOException {
        driver.manage().deleteAllCookies();
        driver.get(url("/batch"));
        logIn("admin", "admin");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("start-batch"))).click();
        WebElement runs = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("runs")));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("runs")).getText().contains("COMPLETED");
        });
        runs = driver.findElement(By.id("runs"));
        assertThat(runs.getText()).containsPattern("(\\d+) of \\1 done");
        screenshot("batch");
        driver.findElement(By.linkText("HTML")).click();
        waitFor().until(ExpectedConditions.titleContains("firstwall report"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("firstwall nightly report");
        assertThat(driver.getPageSource()).contains("What changed since the previous run").contains("Provenance");
        assertThat(visible(By.cssSelector("#summary")).getText()).contains("At a glance")
                .containsPattern("\\d+ plans? (hits its|hit their) first wall in the next 6 months");
        screenshot("report");
        // The manager's summary on a phone: on top, readable, no sideways scrolling of the page.
        driver.manage().window().setSize(new Dimension(390, 844));
        WebElement summary = visible(By.cssSelector("#summary"));
        assertThat(summary.getLocation().getY()).isLessThan(844);
        assertThat(summary.getSize().getWidth()).isLessThanOrEqualTo(390);
        assertNoSidewaysScroll("the report at 390 px");
        screenshot("report-390");
        driver.manage().window().setSize(new Dimension(1440, 900));
        driver.manage().deleteAllCookies();
    }

    /** A plan file with a typo'd lever is refused with the name it meant, nothing is imported, at both sizes. */
    @Test
    void aTypoInAnImportedPlanIsRefusedWithItsSuggestion() throws IOException {
        driver.manage().deleteAllCookies();
        Path file = Files.createTempFile("typo-plan", ".json");
        Files.writeString(file, Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json"))
                .replaceFirst("\"attributes\"\\s*:\\s*\\{[^}]*\\}", "\"attributes\": {\"turbineSlotReserverd\": true}"));
        for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            driver.get(url("/plans"));
            logIn("analyst", "analyst");
            int before = driver.findElements(By.cssSelector("table.plans tbody tr")).size();
            driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
            driver.findElement(By.cssSelector("form[action='/plans/import'] button[type=submit]")).click();
            WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.error")));
            assertThat(error.getText()).contains("is not a valid plan; nothing was imported");
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("turbineSlotReserverd").contains("did you mean turbineSlotReserved?");
            assertThat(driver.findElements(By.cssSelector("table.plans tbody tr"))).hasSize(before);
            assertNoSidewaysScroll("at " + size.getWidth() + " px");
            screenshot("import-typo-" + size.getWidth());
        }
        driver.manage().window().setSize(new Dimension(1440, 900));
        Files.delete(file);
    }

    @Test
    void anAnalystCannotStartTheBatch() {
        driver.manage().deleteAllCookies();
        driver.get(url("/batch"));
        logIn("analyst", "analyst");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        assertThat(driver.getPageSource()).doesNotContain("start-batch");
        assertThat(driver.findElements(By.linkText("Batch"))).isEmpty();
        driver.manage().deleteAllCookies();
    }

    @Test
    void aMissingPlanShowsAFriendlyPage() {
        driver.get(url("/plans/987654"));
        logIn("analyst", "analyst");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(driver.getPageSource()).doesNotContain("Whitelabel").doesNotContain("Exception");
    }
}
