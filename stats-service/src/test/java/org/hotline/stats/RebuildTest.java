package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.stats.EventsOnKafka.contact;
import static org.hotline.stats.EventsOnKafka.newCallerKey;
import static org.hotline.stats.EventsOnKafka.publish;
import static org.hotline.stats.EventsOnKafka.publishAll;
import static org.hotline.stats.EventsOnKafka.publishRaw;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.events.CareKind;
import org.hotline.events.CaseCareRecorded;
import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.CaseTransitioned;
import org.hotline.events.Channel;
import org.hotline.events.ContactRecorded;
import org.hotline.events.CustodyMode;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.events.Topics;
import org.hotline.testing.MetricsScrape;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Rebuild by replay. The live store of the test JVM has consumed both topics from their very
 * beginning, so a replay of the whole topics must give exactly the figures it holds.
 */
@QuarkusTest
@TestSecurity(user = "analyst-2", roles = { Roles.ANALYST, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class RebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aRebuiltStoreGivesExactlyTheFiguresOfTheIncrementalOneDespiteRedeliveredAndOutOfOrderEvents() {
        publishAll(messyHistory());
        publishRaw(Topics.CASES, UUID.randomUUID().toString(), "{\"type\":\"CaseOpened.v1\",\"broken\":");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ContactCountingTest.series("contacts", "day", "2014-04-01", "2014-04-03", "origin")
                    .getList("buckets.total")).containsExactly(2, 1, 2);
            assertThat(ContactCountingTest.series("entered.IN_CUSTODY", "month", "2014-04-01", "2014-04-30", null)
                    .getList("buckets.total")).containsExactly(2);
        });
        Map<String, Object> incremental = stableFigures();

        JsonPath started = given().post("/api/v1/admin/rebuild").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/admin/rebuild")).extract().jsonPath();
        assertThat(started.getString("state")).isEqualTo("RUNNING");
        await().atMost(PATIENCE).until(() -> !progress().getString("state").equals("RUNNING"));

        JsonPath done = progress();
        assertThat(done.getString("state")).isEqualTo("DONE");
        assertThat(done.getInt("generation")).isEqualTo(started.getInt("generation"));
        Map<String, Map<String, Integer>> topics = done.getMap("topics");
        assertThat(topics).containsOnlyKeys(Topics.CONTACTS, Topics.CASES);
        topics.values().forEach(topic -> assertThat(topic.get("done")).isEqualTo(topic.get("total")).isPositive());
        assertThat(done.getLong("unreadable")).isPositive();
        assertThat(figures()).isEqualTo(incremental);
        MetricsScrape metrics = MetricsScrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
        assertThat(metrics.value("hotline_stats_rebuild_running")).hasValue(0.0);
        for (String topic : List.of(Topics.CONTACTS, Topics.CASES)) {
            assertThat(metrics.value("hotline_stats_rebuild_records_read", "topic", topic)).as("read of %s", topic)
                    .hasValue(topics.get(topic).get("done").doubleValue())
                    .isEqualTo(metrics.value("hotline_stats_rebuild_records_to_read", "topic", topic));
        }
    }

    @Test
    void aContactRecordedWhileARebuildRunsCountsOnceAfterTheSwitch() {
        given().post("/api/v1/admin/rebuild").then().statusCode(202);
        publish(contact(newCallerKey(), Instant.parse("2013-05-05T12:00:00Z")));

        await().atMost(PATIENCE).until(() -> !progress().getString("state").equals("RUNNING"));
        assertThat(progress().getString("state")).isEqualTo("DONE");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(ContactCountingTest.series("contacts", "day", "2013-05-04", "2013-05-06", null)
                        .getList("buckets.total")).containsExactly(0, 1, 0));
    }

    /** Contacts and cases of April 2014, with events delivered twice and arriving out of order. */
    private static List<HotlineEvent> messyHistory() {
        String callerKey = newCallerKey();
        ContactRecorded twice = contact(callerKey, Instant.parse("2014-04-01T08:00:00Z"), Channel.PHONE, Origin.RU,
                Purpose.SURRENDER_REQUEST);
        UUID caseId = UUID.randomUUID();
        UUID capturedId = UUID.randomUUID();
        Instant opened = Instant.parse("2014-04-01T08:00:00Z");
        CaseTransitioned custody = new CaseTransitioned(UUID.randomUUID(), caseId, "K7M2-Q9TX", 3,
                opened.plus(Duration.ofHours(40)), CaseState.VERIFIED, CaseState.IN_CUSTODY, CustodyMode.SURRENDERED,
                Origin.RU);
        List<HotlineEvent> events = new ArrayList<>();
        events.add(twice);
        events.add(contact(callerKey, Instant.parse("2014-04-03T08:00:00Z"), Channel.CHAT_BOT, Origin.RU,
                Purpose.FOLLOW_UP));
        events.add(twice);
        events.add(contact(callerKey, Instant.parse("2014-04-01T07:00:00Z"), Channel.WEB_FORM, Origin.BY,
                Purpose.INFORMATION));   // late: older than the one before
        events.add(contact(newCallerKey(), Instant.parse("2014-04-02T23:30:00Z"), Channel.PHONE, Origin.UA_OCCUPIED,
                Purpose.SURRENDER_REQUEST));   // 02:30 on the 3rd in Kyiv
        events.add(contact(newCallerKey(), Instant.parse("2014-04-01T21:30:00Z"), Channel.PHONE, Origin.OTHER,
                Purpose.SURRENDER_REQUEST));   // 00:30 on the 2nd in Kyiv
        // The custody transition before the verification, each delivered twice, the opening last.
        CaseTransitioned verified = new CaseTransitioned(UUID.randomUUID(), caseId, "K7M2-Q9TX", 2,
                opened.plus(Duration.ofHours(4)), CaseState.REQUESTED, CaseState.VERIFIED, null, Origin.RU);
        events.add(custody);
        events.add(verified);
        events.add(custody);
        events.add(verified);
        events.add(new CaseCareRecorded(UUID.randomUUID(), caseId, "K7M2-Q9TX", 5, opened.plus(Duration.ofDays(3)),
                CareKind.CAPTURE_CARD_SENT));
        events.add(new CaseContactLinked(UUID.randomUUID(), caseId, "K7M2-Q9TX", 4, opened.plus(Duration.ofDays(2)),
                UUID.randomUUID(), Purpose.FOLLOW_UP, 2));
        events.add(new CaseOpened(UUID.randomUUID(), caseId, "K7M2-Q9TX", 1, opened, callerKey, Origin.RU,
                CaseState.REQUESTED, null));
        events.add(new CaseOpened(UUID.randomUUID(), capturedId, "C4PT-URED", 1, opened.plus(Duration.ofDays(5)),
                null, Origin.UA_OCCUPIED, CaseState.IN_CUSTODY, CustodyMode.CAPTURED));
        return events;
    }

    /** The figures, once two readings a moment apart agree: the live consumers have caught up. */
    private static Map<String, Object> stableFigures() {
        List<Map<String, Object>> readings = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            readings.add(figures());
            return readings.size() > 1
                    && readings.get(readings.size() - 1).equals(readings.get(readings.size() - 2));
        });
        return readings.get(readings.size() - 1);
    }

    /** The whole summary (but the time it was read) and series of every metric over every year of test data. */
    private static Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> summary = new LinkedHashMap<>(ContactCountingTest.summary().getMap(""));
        summary.remove("asOf");
        figures.put("summary", summary);
        for (String metric : List.of("contacts", "surrenderRequests", "casesOpened", "entered.REQUESTED",
                "entered.VERIFIED", "entered.IN_CUSTODY", "entered.EXCHANGED")) {
            for (String groupBy : metric.startsWith("entered") || metric.equals("casesOpened")
                    ? List.of("", "origin") : List.of("", "origin", "channel", "purpose")) {
                figures.put(metric + "/" + groupBy, ContactCountingTest.series(metric, "month", "2013-01-01",
                        "2030-12-31", groupBy.isEmpty() ? null : groupBy).getList("buckets"));
            }
        }
        figures.put("contacts/day/2014", ContactCountingTest.series("contacts", "day", "2014-03-25", "2014-04-10",
                "origin").getList("buckets"));
        return figures;
    }

    private static JsonPath progress() {
        return given().get("/api/v1/admin/rebuild").then().statusCode(200).extract().jsonPath();
    }
}
