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
import java.util.Optional;
import java.util.UUID;

import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.CaseTransitioned;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
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
    void aCaseEventDeliveredTwiceIsAppliedOnce() {
        UUID caseId = UUID.randomUUID();
        publish(opened(caseId));
        CaseTransitioned verified = transitioned(caseId, 2, CaseState.REQUESTED, CaseState.VERIFIED);
        publish(verified);
        publish(verified);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(snapshot(caseId))
                .contains(new Snapshot("VERIFIED", "RU", null, 2)));
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
                     "select state, origin, custody_mode, case_version from case_snapshot where case_id = ?")) {
            select.setObject(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Snapshot(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)))
                        : Optional.empty();
            }
        }
    }
}
