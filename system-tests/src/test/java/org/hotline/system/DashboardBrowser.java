package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

/**
 * Stats-service's ops dashboard in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), read as the ops room sees it: the counters and the bars of the
 * surrender-requests-per-month chart.
 */
final class DashboardBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary",
            "/usr/bin/chromedriver"));

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

    /** Opens the page as an analyst is handed it: with his token in the address, which the page takes out. */
    void show(String url) {
        browser.get(url + "#token=" + System.getProperty(RunningHotline.TOKEN_PROPERTY, ""));
    }

    /** A counter's figure, once the page has filled it in (it shows a dash until the first update). */
    OptionalLong counter(String id) {
        String text = browser.findElement(By.id(id)).getText().replace(",", "");
        return text.matches("\\d+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    /** The bars of the surrender-requests-per-month chart, by month; empty until it is drawn. */
    Map<YearMonth, Long> surrenderRequestsPerMonth() {
        // Each bar carries its value and a tooltip "yyyy-MM: n"; one script reads them all at once.
        @SuppressWarnings("unchecked")
        List<List<Object>> bars = (List<List<Object>>) browser.executeScript(
                "return Array.from(document.querySelectorAll('#requests-chart rect')).map(function (bar) {"
                        + " return [bar.querySelector('title').textContent, bar.getAttribute('data-value')]; });");
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        bars.forEach(bar -> months.put(YearMonth.parse(bar.get(0).toString().substring(0, 7)),
                Long.parseLong(bar.get(1).toString())));
        return months;
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
