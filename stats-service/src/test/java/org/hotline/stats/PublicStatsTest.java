package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.stats.EventsOnKafka.contact;
import static org.hotline.stats.EventsOnKafka.newCallerKey;
import static org.hotline.stats.EventsOnKafka.publishAll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline.events.Channel;
import org.hotline.events.ContactRecorded;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** The view for the press and the public: small counts hidden, and no way to work them out again. */
@QuarkusTest
@TestSecurity(user = "analyst-2", roles = { Roles.ANALYST, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class PublicStatsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aSmallChannelIsHiddenTogetherWithTheNextSmallestWhileTheInternalSeriesStaysExact() {
        Instant day = Instant.parse("2015-06-01T09:00:00Z");
        List<ContactRecorded> contacts = new ArrayList<>();
        String callerKey = newCallerKey();
        for (int i = 0; i < 12; i++) {
            contacts.add(contact(callerKey, day, Channel.PHONE, Origin.RU, Purpose.INFORMATION));
        }
        for (int i = 0; i < 3; i++) {
            contacts.add(contact(callerKey, day, Channel.CHAT_BOT, Origin.RU, Purpose.INFORMATION));
        }
        for (int i = 0; i < 15; i++) {
            contacts.add(contact(callerKey, day, Channel.WEB_FORM, Origin.RU, Purpose.INFORMATION));
        }
        publishAll(contacts);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                ContactCountingTest.series("contacts", "day", "2015-06-01", "2015-06-01", "channel")
                        .getMap("buckets[0].groups"))
                .isEqualTo(Map.of("PHONE", 12, "CHAT_BOT", 3, "WEB_FORM", 15)));

        JsonPath grouped = publicSeries("2015-06-01", "2015-06-01", "channel");
        assertThat(grouped.getMap("buckets[0]")).isEqualTo(Map.of("start", "2015-06-01", "end", "2015-06-01",
                "total", 30, "groups", Map.of("PHONE", "suppressed", "CHAT_BOT", "<10", "WEB_FORM", 15)));
        assertThat(grouped.getInt("threshold")).isEqualTo(10);

        // Unsplit, the days are one row: the two empty days would give each other away without a third.
        assertThat(publicSeries("2015-06-01", "2015-06-03", null).getList("buckets.total"))
                .containsExactly("suppressed", "<10", "<10");
    }

    @Test
    void everyPublicCountIsAtLeastTheThresholdOrHiddenAndNoRowHasASingleHiddenCell() {
        JsonPath summary = given().get("/api/v1/stats/public/summary").then().statusCode(200).extract().jsonPath();

        Map<String, Map<String, Object>> byOrigin = summary.getMap("contacts.byOrigin");
        List<Object> originCounts = byOrigin.values().stream().map(share -> share.get("count")).toList();
        assertPublishable(originCounts);
        if (summary.get("contacts.total") instanceof Number) {
            assertThat(originCounts.stream().filter(String.class::isInstance).count()).isNotEqualTo(1);
        }
        List<Object> states = new ArrayList<>(summary.getMap("cases.byState").values());
        assertPublishable(states);
        if (summary.get("cases.total") instanceof Number) {
            assertThat(states.stream().filter(String.class::isInstance).count()).isNotEqualTo(1);
        }
        assertPublishable(List.of(summary.get("contacts.total"), summary.get("contacts.last1h"),
                summary.get("contacts.last24h"), summary.get("surrenderRequests.thisMonth")));
        assertThat(summary.getMap("cases")).doesNotContainKeys("overdueByDeadline", "medianRequestToCustody");
    }

    @Test
    void thePublicSeriesRefusesBadParametersLikeTheInternalOne() {
        given().queryParam("metric", "visits").get("/api/v1/stats/public/series")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void assertPublishable(List<Object> counts) {
        assertThat(counts).allSatisfy(count -> {
            if (count instanceof Number number) {
                assertThat(number.longValue()).isGreaterThanOrEqualTo(10);
            } else {
                assertThat(count).isIn("<10", "suppressed");
            }
        });
    }

    private static JsonPath publicSeries(String from, String to, String groupBy) {
        var request = given().queryParam("metric", "contacts").queryParam("granularity", "day")
                .queryParam("from", from).queryParam("to", to);
        if (groupBy != null) {
            request.queryParam("groupBy", groupBy);
        }
        return request.get("/api/v1/stats/public/series").then().statusCode(200).extract().jsonPath();
    }
}
