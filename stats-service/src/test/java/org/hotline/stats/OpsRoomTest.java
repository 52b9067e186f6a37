package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hotline.stats.EventsOnKafka.contact;
import static org.hotline.stats.EventsOnKafka.newCallerKey;
import static org.hotline.stats.EventsOnKafka.publish;
import static org.hotline.stats.EventsOnKafka.publishRaw;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.events.CareKind;
import org.hotline.events.CaseCareRecorded;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;
import org.hotline.events.Topics;
import org.hotline.problem.Roles;
import org.hotline.stack.Tokens;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The endpoints the ops room's dashboard reads beside the summary and the series, with real tokens. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
@WithTestResource(OutboxMetricsStandIn.class)
class OpsRoomTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void theExtentRunsFromTheFirstToTheLastDayWithAContact() {
        publish(contact(newCallerKey(), Instant.parse("2001-02-03T12:00:00Z")));
        publish(contact(newCallerKey(), Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath extent = get("/api/v1/stats/extent", Roles.ANALYST);
            // Null until the first contact is counted: an assertion, so the wait goes on.
            assertThat(extent.getString("first")).as("first day with a contact").isNotNull();
            assertThat(extent.getString("last")).as("last day with a contact").isNotNull();
            assertThat(LocalDate.parse(extent.getString("first"))).isBeforeOrEqualTo(LocalDate.parse("2001-02-03"));
            assertThat(LocalDate.parse(extent.getString("last"))).isAfterOrEqualTo(LocalDate.now(KYIV).minusDays(1));
            assertThat(extent.getString("timeZone")).isEqualTo("Europe/Kyiv");
        });
    }

    @Test
    void anOverdueCaseIsListedPerMissedDeadlineWithItsReferenceOnlyForACaseOfficer() {
        // In custody 400 days ago: longer overdue than anything else the tests store, so listed first.
        UUID caseId = UUID.randomUUID();
        String reference = "OV" + caseId.toString().substring(0, 2).toUpperCase() + "-DUE1";
        Instant custody = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        publish(new CaseOpened(UUID.randomUUID(), caseId, reference, 1, custody, null, Origin.UA_OCCUPIED,
                CaseState.IN_CUSTODY, CustodyMode.CAPTURED));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                itemsOf(get("/api/v1/stats/overdue", Roles.ANALYST, Roles.CASE_OFFICER), reference))
                .extracting(item -> item.get("deadline"))
                .containsExactlyInAnyOrder("captureCard", "familyContact", "informationBureau"));

        JsonPath forOfficer = get("/api/v1/stats/overdue", Roles.ANALYST, Roles.CASE_OFFICER);
        Map<String, Object> captureCard = itemsOf(forOfficer, reference).stream()
                .filter(item -> "captureCard".equals(item.get("deadline"))).findFirst().orElseThrow();
        // Overdue from the capture card's due time to the answer's own instant, in whole seconds.
        Duration overdue = Duration.between(custody.plus(7, ChronoUnit.DAYS),
                Instant.parse(forOfficer.getString("asOf"))).withNanos(0);
        assertThat(captureCard).containsEntry("link", "http://127.0.0.1:8082/api/v1/cases/" + reference)
                .containsEntry("origin", "UA_OCCUPIED")
                .containsEntry("custodyAt", custody.toString())
                .containsEntry("due", custody.plus(7, ChronoUnit.DAYS).toString())
                .containsEntry("overdueBy", overdue.toString());
        assertThat(((Number) captureCard.get("overdueHours")).doubleValue())
                .isCloseTo(Math.round(overdue.toSeconds() / 36.0) / 100.0, within(0.01));

        JsonPath forAnalyst = get("/api/v1/stats/overdue", Roles.ANALYST);
        assertThat(forAnalyst.getList("items", Map.class))
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item).doesNotContainKeys("reference", "link"));
        assertThat(forAnalyst.getLong("total")).isGreaterThanOrEqualTo(3);

        publish(new CaseCareRecorded(UUID.randomUUID(), caseId, reference, 2, custody.plus(1, ChronoUnit.DAYS),
                CareKind.CAPTURE_CARD_SENT));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                itemsOf(get("/api/v1/stats/overdue", Roles.ANALYST, Roles.CASE_OFFICER), reference))
                .extracting(item -> item.get("deadline"))
                .containsExactlyInAnyOrder("familyContact", "informationBureau"));
    }

    @Test
    void theStatusStripTellsEachSignalWithItsLevelByTheConfiguredThresholds() {
        double deadLettersBefore = signal(status(), "deadLetters").getOrDefault("value", 0.0) instanceof Number n
                ? n.doubleValue() : 0.0;
        publishRaw(Topics.CONTACTS, newCallerKey(), "{\"type\":\"ContactRecorded.v1\",\"occurredAt\":\"not a time\"");
        publish(contact(newCallerKey(), Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath status = status();
            assertThat(status.getList("signals.name"))
                    .containsExactly("outboxAge", "consumerLag", "deadLetters", "lastEvent");
            Map<String, Object> deadLetters = signal(status, "deadLetters");
            assertThat(((Number) deadLetters.get("value")).doubleValue()).isGreaterThan(deadLettersBefore);
            assertThat(deadLetters.get("level")).isIn("AMBER", "RED");
            Map<String, Object> lastEvent = signal(status, "lastEvent");
            assertThat(lastEvent).containsEntry("level", "OK").containsKey("at");
        });
        JsonPath status = status();
        // The stand-in serves 12.0 and 90.5: the oldest counts, amber from 60 s, red from 300 s.
        assertThat(signal(status, "outboxAge")).containsEntry("value", (float) OutboxMetricsStandIn.OLDEST_AGE_SECONDS)
                .containsEntry("level", "AMBER").containsEntry("unit", "seconds")
                .containsEntry("amber", 60.0f).containsEntry("red", 300.0f);
        Map<String, Object> lag = signal(status, "consumerLag");
        assertThat(lag.get("level")).isNotEqualTo("UNKNOWN");
        assertThat(lag.get("detail").toString()).contains("stats-service");
    }

    @Test
    void theNewEndpointsNeedTheAnalystRole() {
        for (String path : List.of("/api/v1/stats/extent", "/api/v1/stats/overdue", "/api/v1/stats/status")) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(TOKENS.mint("officer-1", Roles.CASE_OFFICER)).get(path).then().statusCode(403);
        }
    }

    private static JsonPath status() {
        return get("/api/v1/stats/status", Roles.ANALYST);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signal(JsonPath status, String name) {
        return status.getList("signals", Map.class).stream().filter(s -> name.equals(s.get("name"))).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> itemsOf(JsonPath overdue, String reference) {
        return overdue.getList("items", Map.class).stream()
                .filter(item -> reference.equals(item.get("reference")))
                .map(item -> (Map<String, Object>) item).toList();
    }

    private static JsonPath get(String path, String... roles) {
        return given().auth().oauth2(TOKENS.mint("ops-1", roles)).get(path)
                .then().statusCode(200).extract().jsonPath();
    }
}
