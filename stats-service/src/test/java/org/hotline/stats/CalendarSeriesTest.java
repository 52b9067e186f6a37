package org.hotline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.stats.ContactCountingTest.series;
import static org.hotline.stats.ContactCountingTest.summary;
import static org.hotline.stats.EventsOnKafka.contact;
import static org.hotline.stats.EventsOnKafka.newCallerKey;
import static org.hotline.stats.EventsOnKafka.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** Buckets in the ops room's zone: weeks, instants as bounds, daylight-saving changes, rolling windows. */
@QuarkusTest
@TestSecurity(user = "analyst-2", roles = { Roles.ANALYST, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class CalendarSeriesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Kyiv moved from UTC+2 to UTC+3 at 03:00 local time on Sunday 2023-03-26: that day has 23 hours. */
    @Test
    void daysAndWeeksFollowKyivAcrossTheSpringDaylightSavingChange() {
        String callerKey = newCallerKey();
        publish(contact(callerKey, Instant.parse("2023-03-25T21:30:00Z")));   // 23:30 on the 25th (UTC+2)
        publish(contact(callerKey, Instant.parse("2023-03-25T22:30:00Z")));   // 00:30 on the 26th (UTC+2)
        publish(contact(callerKey, Instant.parse("2023-03-26T20:30:00Z")));   // 23:30 on the 26th (UTC+3)
        publish(contact(callerKey, Instant.parse("2023-03-26T21:30:00Z")));   // 00:30 on the 27th (UTC+3)

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(series("contacts", "day", "2023-03-25", "2023-03-27", null).getList("buckets.total"))
                    .containsExactly(1, 2, 1);
            JsonPath weeks = series("contacts", "week", "2023-03-20", "2023-04-02", null);
            assertThat(weeks.getList("buckets.start")).containsExactly("2023-03-20", "2023-03-27");
            assertThat(weeks.getList("buckets.end")).containsExactly("2023-03-26", "2023-04-02");
            assertThat(weeks.getList("buckets.total")).containsExactly(3, 1);
        });
    }

    @Test
    void aWeekStartsOnMondayAndPartialWeeksAreCutToTheRange() {
        String callerKey = newCallerKey();
        publish(contact(callerKey, Instant.parse("2016-08-01T08:00:00Z")));   // Monday
        publish(contact(callerKey, Instant.parse("2016-08-07T20:00:00Z")));   // Sunday, 23:00 in Kyiv
        publish(contact(callerKey, Instant.parse("2016-08-07T21:30:00Z")));   // Monday the 8th, 00:30 in Kyiv

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath weeks = series("contacts", "week", "2016-08-03", "2016-08-10", null);
            assertThat(weeks.getList("buckets.start")).containsExactly("2016-08-03", "2016-08-08");
            assertThat(weeks.getList("buckets.end")).containsExactly("2016-08-07", "2016-08-10");
            assertThat(weeks.getList("buckets.total")).containsExactly(1, 1);
        });
    }

    @Test
    void instantsBoundTheRangeToTheHour() {
        String callerKey = newCallerKey();
        publish(contact(callerKey, Instant.parse("2016-09-05T09:59:00Z")));
        publish(contact(callerKey, Instant.parse("2016-09-05T10:15:00Z")));
        publish(contact(callerKey, Instant.parse("2016-09-05T12:45:00Z")));
        publish(contact(callerKey, Instant.parse("2016-09-05T13:00:00Z")));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath series = series("contacts", "day", "2016-09-05T10:30:00Z", "2016-09-05T12:10:00Z", null);
            assertThat(series.getList("buckets.start")).containsExactly("2016-09-05");
            assertThat(series.getList("buckets.total")).containsExactly(2);
            assertThat(series("contacts", "day", "2016-09-05T13:00:00+03:00", "2016-09-05T16:00:00+03:00", null)
                    .getList("buckets.total")).containsExactly(3);
        });
    }

    @Test
    void aContactNowCountsInEveryRollingWindowAndSinceLaunch() {
        JsonPath before = summary();

        publish(contact(newCallerKey(), Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath after = summary();
            assertThat(List.of("contacts.last1h", "contacts.last24h", "contacts.last7d", "contacts.last30d",
                    "contacts.sinceLaunch", "contacts.total").stream()
                    .map(path -> after.getLong(path) - before.getLong(path)).toList())
                    .containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
        });
    }

    @Test
    void aContactTwoHoursAgoIsOutsideTheLastHourButInsideTheLastDay() {
        JsonPath before = summary();

        publish(contact(newCallerKey(), Instant.now().minus(Duration.ofHours(2))));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath after = summary();
            assertThat(List.of("contacts.last1h", "contacts.last24h", "contacts.total").stream()
                    .map(path -> after.getLong(path) - before.getLong(path)).toList())
                    .containsExactly(0L, 1L, 1L);
        });
    }
}
