package io.firstwall.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An expert creates a personal API token on the account page, sees it once, uses it from a script,
 * and revokes it; after five wrong passwords the login page says the account is locked.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:account-browser-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class AccountBrowserTests extends BrowserTest {

    int status(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/plans")))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anExpertCreatesUsesAndRevokesAnApiToken() throws Exception {
        driver.manage().window().setSize(new Dimension(1440, 900));
        driver.manage().deleteAllCookies();
        driver.get(url("/account"));
        BrowserSupport.logIn(driver, "expert", "expert");
        BrowserSupport.type(driver, By.id("token-name"), "nightly export");
        driver.findElement(By.cssSelector("#token-form button")).click();
        String token = visible(By.id("new-token")).getAttribute("value");
        assertThat(token).startsWith("fw_");
        assertThat(driver.findElement(By.cssSelector(".flash.ok")).getText()).contains("not shown again");
        assertThat(status(token)).isEqualTo(200);
        BrowserSupport.screenshot(driver, "account-token-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        assertThat(driver.findElements(By.id("new-token"))).as("the token is shown once").isEmpty();
        assertThat(visible(By.cssSelector("table")).getText()).contains("nightly export");
        BrowserSupport.screenshot(driver, "account-token-390");
        driver.findElement(By.xpath("//td[text()='nightly export']/..//button")).click();
        assertThat(visible(By.cssSelector(".flash.ok")).getText()).contains("revoked");
        assertThat(status(token)).isEqualTo(401);
        driver.manage().window().setSize(new Dimension(1400, 1600));
    }

    @Test
    void theLoginPageSaysWhenAnAccountIsLockedAfterGuessing() throws Exception {
        driver.manage().deleteAllCookies();
        for (int i = 0; i < 6; i++) {
            driver.get(url("/login"));
            BrowserSupport.type(driver, By.id("username"), "analyst");
            BrowserSupport.type(driver, By.id("password"), "wrong " + i);
            driver.findElement(By.id("log-in")).click();
            // Each refusal is answered before the next try: a try still in flight when the page moves on is lost.
            visible(By.cssSelector(".flash.error"));
        }
        driver.get(url("/login"));
        BrowserSupport.type(driver, By.id("username"), "analyst");
        BrowserSupport.type(driver, By.id("password"), "analyst");
        driver.findElement(By.id("log-in")).click();
        assertThat(visible(By.cssSelector(".flash.error")).getText()).contains("Too many wrong passwords for analyst");
        assertThat(driver.getCurrentUrl()).contains("/login");
        BrowserSupport.screenshot(driver, "login-locked");
    }
}
