package io.firstwall.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Selenium. Without chromium and chromedriver the tests are
 * skipped and say why, unless FIRSTWALL_REQUIRE_BROWSER=true (CI), where that is a failure.
 */
final class BrowserSupport {

    static final Path CHROMIUM = Path.of(System.getProperty("firstwall.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("firstwall.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private BrowserSupport() {
    }

    static WebDriver start() {
        boolean required = "true".equalsIgnoreCase(System.getenv("FIRSTWALL_REQUIRE_BROWSER"));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "real-browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver); not found";
            if (required) {
                fail(why + ", and FIRSTWALL_REQUIRE_BROWSER=true says this run must have them");
            }
            Assumptions.abort(why + ": skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    static void screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** A picture of one element only, scrolled into view first. */
    static void screenshot(WebDriver driver, WebElement element, String name) throws IOException {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", element);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
    }

    static void type(WebDriver driver, By by, String value) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(value);
    }

    /** Logs in when the browser stands on the login page. */
    static void logIn(WebDriver driver, String name, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            return;
        }
        type(driver, By.id("username"), name);
        type(driver, By.id("password"), password);
        driver.findElement(By.id("log-in")).click();
        waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
