package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.stats.EventsOnKafka.contact;
import static org.hotline.stats.EventsOnKafka.newCallerKey;
import static org.hotline.stats.EventsOnKafka.publishAll;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.Channel;
import org.hotline.events.ContactRecorded;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.problem.Roles;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.service.Publisher;
import org.hotline.testing.AuditTrail;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * The view for the press and the public: published once a period has closed, never live; small
 * counts hidden and every other count rounded to a multiple of 5; cached, and limited per client
 * address. Each scenario is its own client (X-Forwarded-For, trusted in the test profile only).
 */
@QuarkusTest
@TestSecurity(user = "analyst-2", roles = { Roles.ANALYST, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class PublicStatsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SUMMARY = "/api/v1/stats/public/summary";
    private static final String SERIES = "/api/v1/stats/public/series";

    @Inject
    Publisher publisher;

    @Inject
    StatsConfig config;

    @AfterEach
    void backToTheSystemClock() {
        TestClock.CLOCK.reset();
    }

    @Test
    void theFiguresStayTheSameUntilThePeriodClosesThenMoveByRoundedAmountsWithSmallCountsHidden() {
        String client = "192.0.2.1";
        publisher.publishLatestClosed();
        Response before = from(client).get(SUMMARY).then().statusCode(200).extract().response();
        LocalDate today = LocalDate.ofInstant(TestClock.CLOCK.instant(), config.timeZone());

        // A day long closed (a late arrival from 2009), and three contacts of today.
        LocalDate longAgo = LocalDate.parse("2009-03-14");
        List<ContactRecorded> contacts = new ArrayList<>();
        String callerKey = newCallerKey();
        var noon = longAgo.atTime(12, 0).atZone(config.timeZone()).toInstant();
        add(contacts, 23, callerKey, noon, Channel.WEB_FORM, Origin.RU);
        add(contacts, 12, callerKey, noon, Channel.PHONE, Origin.UA_OCCUPIED);
        add(contacts, 3, callerKey, noon, Channel.CHAT_BOT, Origin.BY);
        add(contacts, 3, callerKey, TestClock.CLOCK.instant(), Channel.CHAT_BOT, Origin.BY);
        publishAll(contacts);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                ContactCountingTest.series("contacts", "day", longAgo.toString(), longAgo.toString(), "origin")
                        .getMap("buckets[0].groups"))
                .isEqualTo(Map.of("RU", 23, "UA_OCCUPIED", 12, "BY", 3, "OTHER", 0, "UNKNOWN", 0)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                ContactCountingTest.series("contacts", "day", today.toString(), today.toString(), "origin")
                        .getInt("buckets[0].groups.BY")).isGreaterThanOrEqualTo(3));

        // Counted inside, but the period is still the one published before they came.
        assertThat(publisher.publishLatestClosed()).isEmpty();
        Response unchanged = from(client).get(SUMMARY).then().statusCode(200).extract().response();
        assertThat(unchanged.asByteArray()).isEqualTo(before.asByteArray());
        assertThat(unchanged.header("ETag")).isEqualTo(before.header("ETag"));
        assertThat(publicSeries(client, longAgo, longAgo, "origin").getMap("buckets[0]")).isEqualTo(Map.of(
                "start", longAgo.toString(), "end", longAgo.toString(), "total", "<10", "groups",
                Map.of("RU", "<10", "UA_OCCUPIED", "<10", "BY", "<10", "OTHER", "<10", "UNKNOWN", "<10")));

        // Today closes, the delay passes, and the next publication takes them in.
        TestClock.CLOCK.shiftBy(Duration.ofDays(1).plus(config.publication().delay()));
        assertThat(publisher.publishLatestClosed()).contains(today);
        Response after = from(client).get(SUMMARY).then().statusCode(200).extract().response();
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));

        JsonPath published = after.jsonPath();
        assertThat(published.getMap("period")).isEqualTo(Map.of("start", today.toString(), "end", today.toString(),
                "granularity", "day"));
        assertThat(published.getInt("roundingBase")).isEqualTo(5);
        assertThat(published.getMap("contacts")).doesNotContainKeys("last1h", "last24h", "last7d", "last30d");
        assertThat(published.getMap("cases")).doesNotContainKeys("overdueByDeadline", "medianRequestToCustody");
        assertEveryCountHiddenOrARoundedCountAtLeastTheThreshold(published.get());
        // The 41 contacts above are in the total now, whatever the shared store held before: a hidden
        // total before ("<10" or "suppressed") counts as 0, and the total after is a count, not hidden.
        Object totalBefore = before.jsonPath().get("contacts.sinceLaunch.total");
        Object totalAfter = published.get("contacts.sinceLaunch.total");
        assertThat(totalAfter).isInstanceOf(Number.class);
        long shownBefore = totalBefore instanceof Number b ? b.longValue() : 0;
        assertThat(((Number) totalAfter).longValue() - shownBefore).isGreaterThanOrEqualTo(40)
                .matches(d -> d % 5 == 0, "a multiple of 5");

        // 23 → 25, 12 → 10, 38 → 40; the three from Belarus and the empty origins are below the threshold.
        assertThat(publicSeries(client, longAgo, longAgo, "origin").getMap("buckets[0]")).isEqualTo(Map.of(
                "start", longAgo.toString(), "end", longAgo.toString(), "total", 40, "groups",
                Map.of("RU", 25, "UA_OCCUPIED", 10, "BY", "<10", "OTHER", "<10", "UNKNOWN", "<10")));
        // By channel the chat bots' 3 alone would follow from the total: the phones' 12 are hidden with them.
        assertThat(publicSeries(client, longAgo, longAgo, "channel").getMap("buckets[0].groups")).isEqualTo(Map.of(
                "PHONE", "suppressed", "CHAT_BOT", "<10", "WEB_FORM", 25));
        // Unsplit, the days are one row: the two empty days would give each other away without a third.
        assertThat(publicSeries(client, longAgo, longAgo.plusDays(2), null).getList("buckets.total"))
                .containsExactly("suppressed", "<10", "<10");
    }

    @Test
    void anUnchangedFigureIsAnswered304AndEveryAnswerMayBeCachedUntilTheNextPublication() {
        String client = "192.0.2.2";
        publisher.publishLatestClosed();
        Response first = from(client).get(SUMMARY).then().statusCode(200).extract().response();
        String tag = first.header("ETag");
        assertThat(tag).isNotBlank();
        assertThat(first.header("Cache-Control")).startsWith("public, max-age=");
        long maxAge = Long.parseLong(first.header("Cache-Control").substring("public, max-age=".length()));
        assertThat(maxAge).isBetween(0L, config.publication().maxAge().toSeconds());

        from(client).header("If-None-Match", tag).get(SUMMARY).then().statusCode(304).header("ETag", tag);
        from(client).header("If-None-Match", "\"something-else\"").get(SUMMARY).then().statusCode(200);

        Response series = from(client).queryParam("metric", "contacts").queryParam("granularity", "month")
                .queryParam("from", "2009-01-01").queryParam("to", "2009-12-31").get(SERIES)
                .then().statusCode(200).extract().response();
        from(client).header("If-None-Match", series.header("ETag")).queryParam("metric", "contacts")
                .queryParam("granularity", "month").queryParam("from", "2009-01-01").queryParam("to", "2009-12-31")
                .get(SERIES).then().statusCode(304);
    }

    @Test
    void aClientPollingFasterThanTheLimitIsRefusedWith429AndToldWhenToComeBackWhileOthersAreServed() {
        String poller = "192.0.2.3";
        long auditedBefore = refusedAsTooMany(SUMMARY);
        int burst = config.publication().rateLimit().burst();
        for (int i = 0; i < burst; i++) {
            from(poller).get(SUMMARY).then().statusCode(200);
        }

        Response refused = from(poller).get(SUMMARY);
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"));
        assertThat(Long.parseLong(refused.header("Retry-After")))
                .isBetween(1L, config.publication().rateLimit().refillEvery().toSeconds() + 1);
        from("192.0.2.4").get(SUMMARY).then().statusCode(200);
        // Every 429 is on file (RefusalAudit writes it after the answer has gone): this one, once.
        await().atMost(Duration.ofSeconds(10)).until(() -> refusedAsTooMany(SUMMARY) >= auditedBefore + 1);
        assertThat(refusedAsTooMany(SUMMARY)).isEqualTo(auditedBefore + 1);
    }

    private static long refusedAsTooMany(String path) {
        return AuditTrail.of("stats").about("GET " + path).stream()
                .filter(entry -> entry.action().equals("http.refused") && entry.outcome().equals("refused-429"))
                .count();
    }

    @Test
    void thePublicSeriesHasNothingFinerThanADayAndNamesEveryBadField() {
        JsonPath problem = from("192.0.2.5").queryParam("metric", "contacts").queryParam("granularity", "hour")
                .queryParam("from", "2023-03-01T10:00:00Z").queryParam("to", "2023-03-01T12:00:00Z").get(SERIES)
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();

        assertThat(problem.getList("errors.field")).containsExactlyInAnyOrder("granularity", "from", "to");
    }

    @Test
    void thePublicSeriesRefusesBadParametersLikeTheInternalOne() {
        from("192.0.2.6").queryParam("metric", "visits").get(SERIES)
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void add(List<ContactRecorded> contacts, int count, String callerKey, java.time.Instant at,
                            Channel channel, Origin origin) {
        for (int i = 0; i < count; i++) {
            contacts.add(contact(callerKey, at, channel, origin, Purpose.INFORMATION));
        }
    }

    /** Every count in the document is "<10", "suppressed", or a multiple of 5 no smaller than the threshold. */
    @SuppressWarnings("unchecked")
    private static void assertEveryCountHiddenOrARoundedCountAtLeastTheThreshold(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) map);
            // Not counts: the period, the settings, and shares and changes worked out from published counts.
            List.of("period", "publishedAt", "nextPublicationAfter", "timeZone", "threshold", "roundingBase", "share",
                    "monthOverMonthChange").forEach(fields::remove);
            fields.values().forEach(PublicStatsTest::assertEveryCountHiddenOrARoundedCountAtLeastTheThreshold);
        } else if (node instanceof Number number) {
            assertThat(number.longValue()).isGreaterThanOrEqualTo(10).matches(n -> n % 5 == 0, "a multiple of 5");
        } else {
            assertThat(node).isIn("<10", "suppressed");
        }
    }

    private static JsonPath publicSeries(String client, LocalDate from, LocalDate to, String groupBy) {
        RequestSpecification request = from(client).queryParam("metric", "contacts").queryParam("granularity", "day")
                .queryParam("from", from.toString()).queryParam("to", to.toString());
        if (groupBy != null) {
            request.queryParam("groupBy", groupBy);
        }
        return request.get(SERIES).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification from(String client) {
        return given().header("X-Forwarded-For", client);
    }
}
