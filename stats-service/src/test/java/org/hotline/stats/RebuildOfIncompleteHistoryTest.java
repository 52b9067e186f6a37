package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.stats.EventsOnKafka.contact;
import static org.hotline.stats.EventsOnKafka.newCallerKey;
import static org.hotline.stats.EventsOnKafka.publish;
import static org.hotline.stats.EventsOnKafka.publishRaw;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.hotline.problem.Roles;
import org.hotline.events.EventJson;
import org.hotline.stats.repository.Generations;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;

/**
 * A rebuild is refused when records were deleted from the start of a replayed topic. The records
 * are deleted from topics made for this test only: the broker is shared by every test class of
 * this JVM, and the other rebuild tests replay the real topics.
 */
@QuarkusTest
@TestProfile(RebuildOfIncompleteHistoryTest.TopicsOfItsOwn.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
@TestSecurity(user = "admin-1", roles = { Roles.ADMIN, Roles.ANALYST })
class RebuildOfIncompleteHistoryTest {

    private static final String CONTACTS = "rebuild-of-incomplete-history.contacts";
    private static final String CASES = "rebuild-of-incomplete-history.cases";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The rebuild replays the topics of this test; the live consumers still read the real ones. */
    public static class TopicsOfItsOwn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotline.stats.rebuild.contacts-topic", CONTACTS,
                    "hotline.stats.rebuild.cases-topic", CASES);
        }
    }

    @Inject
    Generations generations;

    @Test
    void aRebuildOfTopicsWithDeletedRecordsIsRefusedAndTheActiveGenerationStays() throws Exception {
        // Something the active generation holds and a wrong switch would lose.
        publish(contact(newCallerKey(), Instant.parse("2012-06-15T12:00:00Z")));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(ContactCountingTest.series("contacts", "month", "2012-06-01", "2012-06-30", null)
                        .getList("buckets.total")).containsExactly(1));
        try (Admin admin = RealInfrastructure.kafka().admin()) {
            admin.createTopics(List.of(new NewTopic(CONTACTS, 1, (short) 1), new NewTopic(CASES, 2, (short) 1)))
                    .all().get();
            for (int i = 0; i < 3; i++) {
                String callerKey = newCallerKey();
                publishRaw(CONTACTS, callerKey,
                        EventJson.write(contact(callerKey, Instant.parse("2012-07-01T12:00:00Z"))));
            }
            // As retention would: the first two records of the only partition are gone.
            admin.deleteRecords(Map.of(new TopicPartition(CONTACTS, 0), RecordsToDelete.beforeOffset(2))).all().get();

            Map<String, Object> figures = stableFigures();
            int active = QuarkusTransaction.requiringNew().call(generations::active);
            Map<String, Object> progress = progress();

            Map<String, Object> problem = given().post("/api/v1/admin/rebuild")
                    .then().statusCode(409).contentType("application/problem+json")
                    .extract().jsonPath().getMap("");

            assertThat(problem).isEqualTo(Map.of(
                    "type", "about:blank",
                    "title", "Conflict",
                    "status", 409,
                    "detail", "Records were deleted from the start of the topics, so a replay would miss them: "
                            + CONTACTS + " partition 0 starts at offset 2. "
                            + "The rebuild is refused and the active generation stays.",
                    "truncatedPartitions", List.of(Map.of("topic", CONTACTS, "partition", 0,
                            "logStartOffset", 2))));
            assertThat(QuarkusTransaction.requiringNew().call(generations::live))
                    .as("the active generation, and none being built").containsExactly(active);
            assertThat(progress()).isEqualTo(progress);
            assertThat(figures()).isEqualTo(figures);
        }
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

    /** Counts that move only with events, not with the clock (unlike the rolling windows). */
    private static Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        var summary = ContactCountingTest.summary();
        figures.put("contacts", summary.getLong("contacts.total"));
        figures.put("byState", summary.getMap("cases.byState"));
        figures.put("funnel", summary.getMap("cases.funnel"));
        for (String metric : List.of("contacts", "casesOpened", "entered.IN_CUSTODY")) {
            figures.put(metric, ContactCountingTest.series(metric, "month", "2012-01-01", "2030-12-31", null)
                    .getList("buckets.total"));
        }
        return figures;
    }

    private static Map<String, Object> progress() {
        return given().get("/api/v1/admin/rebuild").then().statusCode(200).extract().jsonPath().getMap("");
    }
}
