package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.history.BulkImport;
import org.hotline.history.HistoryPlan;
import org.hotline.history.Seed;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The published figures, reproduced: a scaled synthetic history fed through intake's bulk API
 * must show up in stats, month by month, exactly as the scaled reference table says, and on the
 * ops dashboard in a real browser. Other scenarios share the system, so the figures are compared
 * as the change the seed made; and they date their own contacts after the history (2024, 2025),
 * so that their day counts stay theirs.
 */
@ExtendWith(RunningHotline.class)
class HistorySeedIT {

    private static final BigDecimal SCALE = new BigDecimal(System.getProperty("seed.scale", "0.001"));
    /** The picture of the dashboard docs/DASHBOARD.md shows. */
    private static final Path SCREENSHOT = Hotline.repoRoot()
            .resolve("system-tests/target/dashboard-after-seed.png");

    @Test
    void scaledHistoryShowsTheScaledReferenceTableInStatsMonthByMonth(Hotline hotline) {
        HistoryPlan plan = HistoryPlan.of(SCALE);
        Map<YearMonth, Long> requestsBefore = monthly(hotline, "surrenderRequests");
        Map<YearMonth, Long> contactsBefore = monthly(hotline, "contacts");

        BulkImport.Outcome outcome = Seed.run(plan, 2022, URI.create(hotline.intakeUrl()), 1_000);

        assertThat(outcome.refused()).as("lines refused: %s", outcome.refusals()).isZero();
        Map<YearMonth, Long> expectedRequests = new LinkedHashMap<>();
        Map<YearMonth, Long> expectedContacts = new LinkedHashMap<>();
        plan.months().forEach(month -> {
            expectedRequests.put(month.month().month(), month.surrenderRequests());
            expectedContacts.put(month.month().month(), month.contacts());
        });
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(difference(monthly(hotline, "contacts"), contactsBefore)).isEqualTo(expectedContacts);
            assertThat(difference(monthly(hotline, "surrenderRequests"), requestsBefore)).isEqualTo(expectedRequests);
        });

        try (DashboardBrowser dashboard = DashboardBrowser.open(1400, 1000)) {
            dashboard.signIn(hotline.dashboardUrl(), "analyst", hotline.exampleUsersPassword());
            // The page fills itself from the live stream: wait until it shows what the API says.
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(dashboard.counter("contacts-total")).hasValue(contactsTotal(hotline)));

            // The history's months, per month: the table beside the chart says what the API says.
            dashboard.chooseSeries("surrenderRequests", "2022-09-18", "2023-04-07", "month", "");
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                assertThat(dashboard.seriesTotalsByMonth()).isEqualTo(monthly(hotline, "surrenderRequests"));
                assertThat(dashboard.seriesBars()).isEqualTo(8);
            });

            // Grouped by origin: a column per origin, and each month's groups add up to its total.
            dashboard.chooseSeries("surrenderRequests", "2022-09-18", "2023-04-07", "month", "origin");
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                List<List<String>> table = dashboard.table("series-table");
                assertThat(table.get(0)).containsExactly("Month", "RU", "UA_OCCUPIED", "BY", "OTHER", "UNKNOWN",
                        "Total");
                assertThat(table).hasSize(9);
                table.subList(1, table.size()).forEach(row -> assertThat(
                        row.subList(1, 6).stream().mapToLong(HistorySeedIT::count).sum()).isEqualTo(count(row.get(6))));
                assertThat(dashboard.seriesTitle()).isEqualTo(
                        "Surrender requests per month by origin, 2022-09-18 to 2023-04-07 (Europe/Kyiv)");
            });
            assertThat(dashboard.seriesTotalsByMonth()).isEqualTo(monthly(hotline, "surrenderRequests"));

            // The other figures' tables, and the status strip with every source answering.
            assertThat(dashboard.table("funnel-table")).hasSize(5);
            assertThat(dashboard.table("origin-table")).hasSize(6);
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(dashboard.statusLevels())
                    .containsOnlyKeys("outboxAge", "consumerLag", "deadLetters", "lastEvent")
                    .doesNotContainValue("UNKNOWN")
                    .containsEntry("lastEvent", "OK"));
            dashboard.screenshot(SCREENSHOT);
        }
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    /** A count as a table cell shows it, with thousands separators. */
    private static long count(String cell) {
        return Long.parseLong(cell.replace(",", ""));
    }

    private static long contactsTotal(Hotline hotline) {
        return given().baseUri(hotline.statsUrl()).get("/api/v1/stats/summary")
                .then().statusCode(200)
                .extract().<Number>path("contacts.total").longValue();
    }

    private static Map<YearMonth, Long> monthly(Hotline hotline, String metric) {
        List<Map<String, Object>> buckets = given().baseUri(hotline.statsUrl())
                .queryParam("metric", metric).queryParam("granularity", "month")
                .queryParam("from", "2022-09-18").queryParam("to", "2023-04-07")
                .get("/api/v1/stats/series")
                .then().statusCode(200)
                .extract().path("buckets");
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        buckets.forEach(bucket -> months.put(YearMonth.parse(bucket.get("start").toString().substring(0, 7)),
                ((Number) bucket.get("total")).longValue()));
        return months;
    }

    private static Map<YearMonth, Long> difference(Map<YearMonth, Long> after, Map<YearMonth, Long> before) {
        Map<YearMonth, Long> change = new LinkedHashMap<>();
        after.forEach((month, count) -> change.put(month, count - before.getOrDefault(month, 0L)));
        return change;
    }
}
