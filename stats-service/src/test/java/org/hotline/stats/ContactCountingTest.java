package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.stats.EventsOnKafka.contact;
import static org.hotline.stats.EventsOnKafka.newCallerKey;
import static org.hotline.stats.EventsOnKafka.publish;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hotline.events.Channel;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.inbox.Consumed;
import org.hotline.inbox.InboxTransaction;
import org.hotline.problem.Roles;
import org.hotline.stack.Tokens;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.messaging.ContactConsumer;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Contacts from the real topic into the buckets. The store is shared by all tests, so each test
 * uses its own historic days, or compares the summary before and after.
 */
@QuarkusTest
@TestSecurity(user = "analyst-2", roles = { Roles.ANALYST, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class ContactCountingTest {

    @Inject
    InboxTransaction transaction;

    @Inject
    ContactConsumer contacts;

    @Inject
    StatsConfig config;

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @AfterEach
    void backToNow() {
        TestClock.CLOCK.reset();
    }

    @Test
    void aContactShowsUpInTheSummaryTotalsWindowsOriginAndMonth() {
        // "This month" must be the same Kyiv month for both summaries and the contact: the clock is
        // set back to the second day of the current month (never forward, never past its start), so
        // a month boundary is weeks away whenever the test runs.
        ZonedDateTime now = TestClock.CLOCK.instant().atZone(config.timeZone());
        ZonedDateTime secondDay = now.toLocalDate().withDayOfMonth(1).atStartOfDay(config.timeZone()).plusDays(1);
        if (now.isAfter(secondDay)) {
            TestClock.CLOCK.shiftBy(Duration.between(now, secondDay));
        }
        JsonPath before = summary();

        publish(contact(newCallerKey(), TestClock.CLOCK.instant(), Channel.CHAT_BOT, Origin.BY,
                Purpose.SURRENDER_REQUEST));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath after = summary();
            assertThat(deltas(before, after, "contacts.total", "contacts.last24h", "contacts.last7d",
                    "contacts.last30d", "contacts.byOrigin.BY.count", "contacts.byOrigin.RU.count",
                    "surrenderRequests.thisMonth", "surrenderRequests.previousMonth"))
                    .containsExactly(1L, 1L, 1L, 1L, 1L, 0L, 1L, 0L);
        });
        JsonPath after = summary();
        assertThat(after.getString("timeZone")).isEqualTo("Europe/Kyiv");
        Map<String, Map<String, Object>> byOrigin = after.getMap("contacts.byOrigin");
        assertThat(byOrigin).containsOnlyKeys("RU", "UA_OCCUPIED", "BY", "OTHER", "UNKNOWN");
        double shareOfBy = after.getDouble("contacts.byOrigin.BY.share");
        assertThat(shareOfBy).isCloseTo((double) after.getLong("contacts.byOrigin.BY.count")
                / after.getLong("contacts.total"), org.assertj.core.data.Offset.offset(0.0001));
    }

    @Test
    void aContactLateOnTheLastDayOfFebruaryInUtcCountsInMarchInKyiv() {
        String callerKey = newCallerKey();
        publish(contact(callerKey, Instant.parse("2023-02-28T21:30:00Z")));   // 23:30 in Kyiv: February
        publish(contact(callerKey, Instant.parse("2023-02-28T22:30:00Z")));   // 00:30 on 1 March in Kyiv

        await().atMost(PATIENCE).untilAsserted(() ->
                // Months cut to the two days around the boundary: other tests count later days of March 2023.
                assertThat(series("contacts", "month", "2023-02-28", "2023-03-01", "origin").getList("buckets"))
                        .isEqualTo(List.of(
                                bucket("2023-02-28", "2023-02-28", 1, origins(1)),
                                bucket("2023-03-01", "2023-03-01", 1, origins(1)))));
    }

    @Test
    void theSameEventDeliveredTwiceCountsOnce() {
        String callerKey = newCallerKey();
        ContactRecorded contact = contact(callerKey, Instant.parse("2022-06-10T10:00:00Z"));
        publish(contact);
        publish(contact);
        // Same caller key, same partition: once this one is counted, both copies above were read.
        publish(contact(callerKey, Instant.parse("2022-06-10T11:00:00Z"), Channel.WEB_FORM, Origin.RU,
                Purpose.INFORMATION));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(series("contacts", "day", "2022-06-10", "2022-06-10", "channel").getList("buckets"))
                        .isEqualTo(List.of(bucket("2022-06-10", "2022-06-10", 2,
                                Map.of("PHONE", 1, "CHAT_BOT", 0, "WEB_FORM", 1)))));
    }

    @Test
    void anEventRepeatedWithinABatchAndInALaterBatchCountsOnce() {
        String callerKey = newCallerKey();
        String repeated = EventJson.write(contact(callerKey, Instant.parse("2022-07-11T10:00:00Z")));
        String other = EventJson.write(contact(callerKey, Instant.parse("2022-07-11T11:00:00Z")));

        // The consumer's own code, called with batches of our making: which records Kafka polls together is its choice.
        transaction.apply(contacts, consumed(repeated, other, repeated));
        transaction.apply(contacts, consumed(other, repeated));

        assertThat(series("contacts", "day", "2022-07-11", "2022-07-11", null).getList("buckets.total"))
                .containsExactly(2);
    }

    @Test
    void aLateEventLandsInTheBucketOfItsOwnTime() {
        String callerKey = newCallerKey();
        publish(contact(callerKey, Instant.parse("2021-05-03T10:00:00Z")));
        publish(contact(callerKey, Instant.parse("2021-05-04T10:00:00Z")));
        publish(contact(callerKey, Instant.parse("2021-05-01T10:00:00Z")));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(series("contacts", "day", "2021-05-01", "2021-05-04", null).getList("buckets.total"))
                        .containsExactly(1, 0, 1, 1));
    }

    @Test
    void aSeriesHasAZeroBucketForEveryEmptyDay() {
        publish(contact(newCallerKey(), Instant.parse("2020-01-03T12:00:00Z"), Channel.PHONE, Origin.UA_OCCUPIED,
                Purpose.SURRENDER_REQUEST));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath series = series("surrenderRequests", "day", "2020-01-01", "2020-01-05", null);
            assertThat(series.getList("buckets.start")).containsExactly(
                    "2020-01-01", "2020-01-02", "2020-01-03", "2020-01-04", "2020-01-05");
            assertThat(series.getList("buckets.total")).containsExactly(0, 0, 1, 0, 0);
        });
    }

    @Test
    void surrenderRequestsCountOnlySurrenderRequests() {
        String callerKey = newCallerKey();
        publish(contact(callerKey, Instant.parse("2020-08-10T12:00:00Z"), Channel.PHONE, Origin.RU,
                Purpose.SURRENDER_REQUEST));
        publish(contact(callerKey, Instant.parse("2020-08-10T12:05:00Z"), Channel.PHONE, Origin.RU,
                Purpose.FOLLOW_UP));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(series("contacts", "month", "2020-08-01", "2020-08-31", null).getList("buckets.total"))
                    .containsExactly(2);
            assertThat(series("surrenderRequests", "month", "2020-08-01", "2020-08-31", null)
                    .getList("buckets.total")).containsExactly(1);
        });
    }

    @Test
    void partialPeriodsAtTheEdgesOfTheRangeCountOnlyTheirDaysInside() {
        String callerKey = newCallerKey();
        publish(contact(callerKey, Instant.parse("2018-03-05T12:00:00Z")));
        publish(contact(callerKey, Instant.parse("2018-03-20T12:00:00Z")));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(series("contacts", "month", "2018-03-10", "2018-04-05", null).getList("buckets"))
                        .isEqualTo(List.of(
                                bucket("2018-03-10", "2018-03-31", 1, null),
                                bucket("2018-04-01", "2018-04-05", 0, null))));
    }

    /** With a real analyst token, so that tests without a test identity (the dashboard's) can call it too. */
    static JsonPath summary() {
        return given().auth().oauth2(Tokens.forTests().mint("analyst-2", Roles.ANALYST)).get("/api/v1/stats/summary").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath series(String metric, String granularity, String from, String to, String groupBy) {
        var request = given().queryParam("metric", metric).queryParam("granularity", granularity)
                .queryParam("from", from).queryParam("to", to);
        if (groupBy != null) {
            request.queryParam("groupBy", groupBy);
        }
        return request.get("/api/v1/stats/series").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> deltas(JsonPath before, JsonPath after, String... paths) {
        return java.util.Arrays.stream(paths).map(p -> after.getLong(p) - before.getLong(p)).toList();
    }

    private static Map<String, Object> bucket(String start, String end, int total, Map<String, Integer> groups) {
        Map<String, Object> bucket = new LinkedHashMap<>();
        bucket.put("start", start);
        bucket.put("end", end);
        bucket.put("total", total);
        if (groups != null) {
            bucket.put("groups", groups);
        }
        return bucket;
    }

    private static Map<String, Integer> origins(int ru) {
        return Map.of("RU", ru, "UA_OCCUPIED", 0, "BY", 0, "OTHER", 0, "UNKNOWN", 0);
    }

    private static List<Consumed> consumed(String... payloads) {
        return Stream.of(payloads).map(payload -> new Consumed(payload, null, null)).toList();
    }
}
