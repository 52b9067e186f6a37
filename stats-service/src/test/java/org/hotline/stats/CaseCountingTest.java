package org.hotline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.stats.EventsOnKafka.publish;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hotline.events.CaseAssigned;
import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.CaseTransitioned;
import org.hotline.events.CustodyMode;
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

@QuarkusTest
@TestSecurity(user = "analyst-2", roles = { Roles.ANALYST, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class CaseCountingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    record Snapshot(String state, String origin, String custodyMode, long caseVersion) {
    }

    @Test
    void casesByStateFollowTheOpeningAndThenTheTransition() {
        UUID caseId = UUID.randomUUID();
        JsonPath before = ContactCountingTest.summary();

        publish(opened(caseId));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(stateDeltas(before, ContactCountingTest.summary())).containsExactly(1L, 0L));

        publish(transitioned(caseId, 2, CaseState.REQUESTED, CaseState.VERIFIED));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(stateDeltas(before, ContactCountingTest.summary())).containsExactly(0L, 1L));
    }

    @Test
    void aStaleVersionDoesNotRollTheStateBack() {
        UUID caseId = UUID.randomUUID();
        publish(opened(caseId));
        publish(transitioned(caseId, 2, CaseState.REQUESTED, CaseState.VERIFIED));
        publish(new CaseTransitioned(UUID.randomUUID(), caseId, "K7M2-Q9TX", 3, Instant.now(),
                CaseState.VERIFIED, CaseState.IN_CUSTODY, CustodyMode.SURRENDERED, Origin.RU));
        publish(transitioned(caseId, 2, CaseState.REQUESTED, CaseState.WITHDRAWN));   // stale: version 2 again
        // Same case, same partition: once this is applied, the stale one above was read.
        publish(new CaseContactLinked(UUID.randomUUID(), caseId, "K7M2-Q9TX", 4, Instant.now(), UUID.randomUUID(),
                Purpose.FOLLOW_UP, 2));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(snapshot(caseId))
                .contains(new Snapshot("IN_CUSTODY", "RU", "SURRENDERED", 4)));
    }

    @Test
    void anAssignmentChangesNoFigureButIsAppliedAsTheCasesNextVersionNotDeadLettered() {
        UUID caseId = UUID.randomUUID();
        JsonPath before = ContactCountingTest.summary();
        publish(opened(caseId));
        publish(new CaseAssigned(UUID.randomUUID(), caseId, "K7M2-Q9TX", 2, Instant.now(), "officer-7", "north",
                List.of(UUID.randomUUID())));

        // A dead-lettered assignment would leave the case at version 1.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(snapshot(caseId))
                .contains(new Snapshot("REQUESTED", "RU", null, 2)));
        assertThat(stateDeltas(before, ContactCountingTest.summary())).containsExactly(1L, 0L);
    }

    @Test
    void aCaseEventDeliveredTwiceIsAppliedOnce() {
        UUID caseId = UUID.randomUUID();
        publish(opened(caseId));
        CaseTransitioned verified = transitioned(caseId, 2, CaseState.REQUESTED, CaseState.VERIFIED);
        publish(verified);
        publish(verified);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(snapshot(caseId))
                .contains(new Snapshot("VERIFIED", "RU", null, 2)));
    }

    @Test
    void casesOpenedAndCasesEnteringCustodyAreSeriesByTheirOwnTimeAndOrigin() {
        UUID requested = UUID.randomUUID();
        UUID captured = UUID.randomUUID();
        Instant opened = Instant.parse("2015-03-02T10:00:00Z");
        publish(new CaseOpened(UUID.randomUUID(), requested, "K7M2-Q9TX", 1, opened, "ck-" + requested, Origin.RU,
                CaseState.REQUESTED, null));
        publish(new CaseTransitioned(UUID.randomUUID(), requested, "K7M2-Q9TX", 2, opened.plusSeconds(86_400),
                CaseState.REQUESTED, CaseState.VERIFIED, null, Origin.RU));
        publish(new CaseTransitioned(UUID.randomUUID(), requested, "K7M2-Q9TX", 3, opened.plusSeconds(3 * 86_400),
                CaseState.VERIFIED, CaseState.SURRENDER_ARRANGED, null, Origin.RU));
        publish(new CaseTransitioned(UUID.randomUUID(), requested, "K7M2-Q9TX", 4, opened.plusSeconds(4 * 86_400),
                CaseState.SURRENDER_ARRANGED, CaseState.IN_CUSTODY, CustodyMode.SURRENDERED, Origin.RU));
        publish(new CaseOpened(UUID.randomUUID(), captured, "C4PT-URED", 1, opened.plusSeconds(4 * 86_400), null,
                Origin.UA_OCCUPIED, CaseState.IN_CUSTODY, CustodyMode.CAPTURED));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ContactCountingTest.series("casesOpened", "day", "2015-03-02", "2015-03-06", null)
                    .getList("buckets.total")).containsExactly(1, 0, 0, 0, 1);
            assertThat(ContactCountingTest.series("entered.VERIFIED", "day", "2015-03-02", "2015-03-06", null)
                    .getList("buckets.total")).containsExactly(0, 1, 0, 0, 0);
            JsonPath custody = ContactCountingTest.series("entered.IN_CUSTODY", "week", "2015-03-02", "2015-03-08",
                    "origin");
            assertThat(custody.getString("metric")).isEqualTo("entered.IN_CUSTODY");
            assertThat(custody.getList("buckets.total")).containsExactly(2);
            assertThat(custody.getMap("buckets[0].groups"))
                    .isEqualTo(Map.of("RU", 1, "UA_OCCUPIED", 1, "BY", 0, "OTHER", 0, "UNKNOWN", 0));
        });
    }

    @Test
    void aDirectlyCapturedCaseCountsInCustodyAndAsCapturedButNotAsRequested() {
        JsonPath before = ContactCountingTest.summary();

        publish(new CaseOpened(UUID.randomUUID(), UUID.randomUUID(), "C4PT-URED", 1, Instant.now(), null, Origin.RU,
                CaseState.IN_CUSTODY, CustodyMode.CAPTURED));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath after = ContactCountingTest.summary();
            assertThat(List.of("cases.funnel.REQUESTED", "cases.funnel.IN_CUSTODY", "cases.byState.IN_CUSTODY",
                    "cases.custodyByMode.CAPTURED", "cases.custodyByMode.SURRENDERED").stream()
                    .map(path -> after.getLong(path) - before.getLong(path)).toList())
                    .containsExactly(0L, 1L, 1L, 1L, 0L);
        });
    }

    @Test
    void groupingCasesByChannelIsRefused() {
        io.restassured.RestAssured.given().queryParam("metric", "casesOpened").queryParam("granularity", "day")
                .queryParam("from", "2015-03-02").queryParam("to", "2015-03-06").queryParam("groupBy", "channel")
                .get("/api/v1/stats/series")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static CaseOpened opened(UUID caseId) {
        return new CaseOpened(UUID.randomUUID(), caseId, "K7M2-Q9TX", 1, Instant.now(), "ck-" + UUID.randomUUID(),
                Origin.RU, CaseState.REQUESTED, null);
    }

    private static CaseTransitioned transitioned(UUID caseId, long version, CaseState from, CaseState to) {
        return new CaseTransitioned(UUID.randomUUID(), caseId, "K7M2-Q9TX", version, Instant.now(), from, to, null,
                Origin.RU);
    }

    private static List<Long> stateDeltas(JsonPath before, JsonPath after) {
        return List.of(CaseState.REQUESTED, CaseState.VERIFIED).stream()
                .map(s -> after.getLong("cases.byState." + s) - before.getLong("cases.byState." + s))
                .toList();
    }

    private static Optional<Snapshot> snapshot(UUID caseId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                RealInfrastructure.postgres().jdbcUrl("stats"), "postgres", "");
             PreparedStatement select = connection.prepareStatement(
                     "select state, origin, custody_mode, case_version from case_snapshot where case_id = ? "
                             + "and generation = (select generation from stats_generation where status = 'ACTIVE')")) {
            select.setObject(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                // Only the active generation: a rebuild may be writing a second one.
                return row.next()
                        ? Optional.of(new Snapshot(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)))
                        : Optional.empty();
            }
        }
    }
}
