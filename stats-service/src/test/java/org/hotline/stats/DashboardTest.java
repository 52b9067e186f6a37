package org.hotline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.stats.EventsOnKafka.contact;
import static org.hotline.stats.EventsOnKafka.newCallerKey;
import static org.hotline.stats.EventsOnKafka.publish;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.hotline.stack.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The ops dashboard in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}); CI installs them, so their absence fails the test rather than skip it.
 * These tests run without an identity provider, so the browser sends an analyst's bearer token
 * with every request (as a header, through the DevTools protocol), which the page and its API
 * calls accept as they accept the session cookie; signing in through a real Keycloak is
 * system-tests' DashboardSignInIT.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class DashboardTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary",
            "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> COUNTERS = List.of("contacts-total", "last1h", "last24h", "last7d", "last30d",
            "requests-this-month", "requests-previous-month");

    @TestHTTPResource("/")
    URL dashboard;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The dashboard test needs Chromium at " + CHROMIUM + " and its driver at " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver");
        }
        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        // The driver binary is given, so Selenium Manager downloads nothing.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("Authorization", Tokens.forTests().bearer("analyst-2", Roles.ANALYST))));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theDashboardShowsTheFiguresOfTheApiAndUpdatesLiveAfterANewContact() throws IOException {
        browser.get(dashboard.toString());

        assertThat(browser.getTitle()).isEqualTo("Hotline ops room");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(shown()).isEqualTo(fromApi()));
        assertThat(browser.findElement(By.id("updated")).getText()).contains("Europe/Kyiv");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                browser.findElements(By.cssSelector("#series-chart rect"))).isNotEmpty());
        assertThat(browser.findElements(By.cssSelector("#origin-chart rect"))).hasSize(Origin.values().length);
        assertThat(browser.findElements(By.cssSelector("#funnel-chart rect"))).hasSize(4);
        // Every chart has a table beside it, and the status strip has a level for each signal.
        for (String table : List.of("series-table", "origin-table", "funnel-table", "custody-table",
                "cases-by-state")) {
            assertThat(browser.findElements(By.cssSelector("#" + table + " tbody tr"))).as(table).isNotEmpty();
        }
        assertThat(browser.findElements(By.cssSelector("#status-strip .signal"))).hasSize(4);
        // The broker answers in this test (intake and case-service do not run, so the outbox age may be unknown).
        for (String signal : List.of("consumerLag", "deadLetters")) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                var tile = browser.findElement(By.id("status-" + signal));
                assertThat(tile.getAttribute("data-level")).as(signal).isIn("OK", "AMBER", "RED");
                assertThat(tile.findElement(By.className("value")).getText()).as(signal).matches("[\\d,]+( records)?");
            });
        }
        long totalBefore = shown().get(0);

        publish(contact(newCallerKey(), Instant.now(), Channel.PHONE, Origin.RU, Purpose.SURRENDER_REQUEST));

        // No reload: the page must change by itself.
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(shown().get(0)).isEqualTo(totalBefore + 1);
            assertThat(shown()).isEqualTo(fromApi());
        });
        Path screenshot = Path.of("target", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void theFiltersChooseTheSeriesAndItsTableAndABadRangeIsSaid() {
        publish(contact(newCallerKey(), Instant.parse("2011-05-03T09:00:00Z"), Channel.CHAT_BOT, Origin.RU,
                Purpose.SURRENDER_REQUEST));
        publish(contact(newCallerKey(), Instant.parse("2011-05-11T09:00:00Z"), Channel.PHONE, Origin.BY,
                Purpose.INFORMATION));
        publish(contact(newCallerKey(), Instant.parse("2011-05-11T10:00:00Z"), Channel.PHONE, Origin.RU,
                Purpose.INFORMATION));
        browser.get(dashboard.toString());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                browser.findElements(By.cssSelector("#series-table tbody tr"))).isNotEmpty());

        choose("metric", "contacts");
        choose("granularity", "week");
        choose("group-by", "channel");
        setDate("from", "2011-05-01");
        setDate("to", "2011-05-15");
        browser.findElement(By.id("show")).click();

        // Weeks from Monday, the first cut to the range: May 1 (a Sunday), 2-8, 9-15. A month no
        // other test of this module writes to, since they share the database.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tableRows("series-table")).containsExactly(
                List.of("Week from", "PHONE", "CHAT_BOT", "WEB_FORM", "Total"),
                List.of("2011-05-01", "0", "0", "0", "0"),
                List.of("2011-05-02", "0", "1", "0", "1"),
                List.of("2011-05-09", "2", "0", "0", "2")));
        assertThat(browser.findElement(By.id("series-title")).getText())
                .isEqualTo("All contacts per week by channel, 2011-05-01 to 2011-05-15 (Europe/Kyiv)");
        assertThat(browser.findElements(By.cssSelector("#series-legend li"))).hasSize(3);

        setDate("from", "2011-06-01");
        browser.findElement(By.id("show")).click();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(browser.findElement(By.id("series-error")).getText())
                .contains("from: must not be after to"));
    }

    private void choose(String id, String value) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    private void setDate(String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private List<List<String>> tableRows(String id) {
        return browser.findElements(By.cssSelector("#" + id + " tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream()
                        .map(cell -> cell.getText().trim()).toList())
                .toList();
    }

    private List<Long> shown() {
        return COUNTERS.stream()
                .map(id -> browser.findElement(By.id(id)).getText().replace(",", ""))
                .map(text -> text.matches("\\d+") ? Long.parseLong(text) : -1L)
                .toList();
    }

    private static List<Long> fromApi() {
        JsonPath summary = ContactCountingTest.summary();
        return List.of("contacts.total", "contacts.last1h", "contacts.last24h", "contacts.last7d",
                        "contacts.last30d", "surrenderRequests.thisMonth", "surrenderRequests.previousMonth").stream()
                .map(summary::getLong).toList();
    }
}
