package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Stats-service's ops dashboard in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), used as the ops room uses it: signed in through the stack's Keycloak,
 * then the counters, the filters of the series, the data tables beside the charts and the status
 * strip.
 */
final class DashboardBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary",
            "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver browser;
    private final Path profile;

    private DashboardBrowser(ChromeDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    /** Starts Chromium with a window of the given size; fails, rather than skips, if it is not installed. */
    static DashboardBrowser open(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The dashboard check needs Chromium at " + CHROMIUM + " and its driver at "
                    + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("dashboard-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        // The driver binary is given, so Selenium Manager downloads nothing.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new DashboardBrowser(new ChromeDriver(service, options), profile);
    }

    /**
     * Opens the page as a duty officer does: stats-service sends the browser to Keycloak's login
     * form, which is filled in and sent; Keycloak sends it back with a code, stats-service makes it a
     * session, and the page opens.
     */
    void signIn(String dashboardUrl, String user, String password) {
        browser.get(dashboardUrl);
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.titleIs("Hotline ops room"));
    }

    /** Where the browser is now. */
    String address() {
        return browser.getCurrentUrl();
    }

    /** The text of an element of the page. */
    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Follows a link of the page, by its id. */
    void follow(String linkId) {
        browser.findElement(By.id(linkId)).click();
    }

    /** Opens an address in the same browser, its cookies and all. */
    void open(String url) {
        browser.get(url);
    }

    /** The names of the cookies the browser holds for the page's site, with their flags. */
    List<org.openqa.selenium.Cookie> cookies() {
        return List.copyOf(browser.manage().getCookies());
    }

    /** A counter's figure, once the page has filled it in (it shows a dash until the first update). */
    OptionalLong counter(String id) {
        String text = browser.findElement(By.id(id)).getText().replace(",", "");
        return text.matches("\\d+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    /**
     * Chooses what the series shows, as the duty officer does: the figure, the range, the period and the
     * grouping in the filters (the dates set directly, as a date picker's typing depends on the locale),
     * then "Show".
     */
    void chooseSeries(String metric, String from, String to, String granularity, String groupBy) {
        new Select(browser.findElement(By.id("metric"))).selectByValue(metric);
        new Select(browser.findElement(By.id("granularity"))).selectByValue(granularity);
        new Select(browser.findElement(By.id("group-by"))).selectByValue(groupBy);
        browser.executeScript("document.getElementById('from').value = arguments[0];"
                + " document.getElementById('to').value = arguments[1];", from, to);
        browser.findElement(By.id("show")).click();
    }

    /** The series chart's title, which names the figure, the period, the grouping and the range. */
    String seriesTitle() {
        return browser.findElement(By.id("series-title")).getText();
    }

    /** A data table as a screen reader gets it: each row's header and data cells, the header row first. */
    List<List<String>> table(String id) {
        // One script reads the whole table at once, so a live redraw cannot tear it.
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) browser.executeScript(
                "return Array.from(document.querySelectorAll('#' + arguments[0] + ' tr')).map(function (row) {"
                        + " return Array.from(row.cells).map(function (cell) { return cell.textContent.trim(); });"
                        + " });", id);
        return rows;
    }

    /** The series table's totals by month (its first column a month, its last the total). */
    Map<YearMonth, Long> seriesTotalsByMonth() {
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        table("series-table").stream().skip(1).forEach(row -> months.put(YearMonth.parse(row.get(0)),
                Long.parseLong(row.get(row.size() - 1).replace(",", ""))));
        return months;
    }

    /** The bars drawn in the series chart. */
    int seriesBars() {
        return browser.findElements(By.cssSelector("#series-chart rect")).size();
    }

    /** Each signal of the status strip and its level (OK, AMBER, RED, UNKNOWN) as the page shows it. */
    Map<String, String> statusLevels() {
        Map<String, String> levels = new LinkedHashMap<>();
        browser.findElements(By.cssSelector("#status-strip .signal")).forEach(tile -> levels.put(
                tile.getAttribute("id").substring("status-".length()), tile.getAttribute("data-level")));
        return levels;
    }

    /** Saves the whole page as a PNG, the window grown to its height first so nothing is cut off. */
    void screenshot(Path file) {
        long pageHeight = ((Number) browser.executeScript("return document.documentElement.scrollHeight;")).longValue();
        long viewportHeight = ((Number) browser.executeScript("return window.innerHeight;")).longValue();
        if (pageHeight > viewportHeight) {
            Dimension window = browser.manage().window().getSize();
            browser.manage().window().setSize(
                    new Dimension(window.getWidth(), window.getHeight() + (int) (pageHeight - viewportHeight)));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
