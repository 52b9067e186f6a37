package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.hotline.cases.service.CaseOpenings;
import org.hotline.problem.Roles;
import org.hotline.stack.Tokens;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * An Idempotency-Key of POST /api/v1/cases is the officer's own, what is kept of his request holds
 * none of its free text, and the keys go once their retention has passed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CaseIdempotencyKeyScopeTest {

    private static final Tokens TOKENS = Tokens.forTests();

    @Inject
    CaseOpenings openings;

    @Inject
    Scheduler scheduler;

    @Test
    void theSameKeyFromAnotherOfficerOpensHisOwnCaseAndEachRetryGetsItsOwn() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("state", "IN_CUSTODY", "mode", "CAPTURED", "origin", "RU");

        String firstOfA = open("officer-a", key, body).statusCode(201).extract().path("reference");
        String firstOfB = open("officer-b", key, body).statusCode(201).extract().path("reference");
        String retryOfA = open("officer-a", key, body).statusCode(201).extract().path("reference");
        String retryOfB = open("officer-b", key, body).statusCode(201).extract().path("reference");

        assertThat(firstOfB).isNotEqualTo(firstOfA);
        assertThat(retryOfA).isEqualTo(firstOfA);
        assertThat(retryOfB).isEqualTo(firstOfB);
    }

    @Test
    void theStoredFingerprintHoldsNothingOfTheReason() {
        String one = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String canary = "canary-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("state", "IN_CUSTODY", "mode", "CAPTURED", "origin", "RU",
                "reason", "handed over by " + canary);
        open("officer-a", one, body).statusCode(201);
        open("officer-a", other, Map.of("state", "IN_CUSTODY", "mode", "CAPTURED", "origin", "RU",
                "reason", "another note entirely")).statusCode(201);

        String stored = fingerprintOf("officer-a:" + one);

        // Two requests that differ only in their note: one fingerprint, so the note is not in it.
        assertThat(stored).matches("[0-9a-f]{64}").isEqualTo(fingerprintOf("officer-a:" + other));
        assertThat(rows("select count(*) from case_idempotency_key k where strpos(k::text, ?) > 0", canary)).isZero();
    }

    @Test
    void thePurgeRemovesTheKeysPastTheRetentionAndKeepsTheOthers() {
        String aged = "officer-a:" + UUID.randomUUID();
        String fresh = "officer-a:" + UUID.randomUUID();
        store(aged, Duration.ofHours(25));
        store(fresh, Duration.ofHours(23));

        openings.purgeExpired();

        assertThat(rows("select count(*) from case_idempotency_key where key = ?", aged)).isZero();
        assertThat(rows("select count(*) from case_idempotency_key where key = ?", fresh)).isEqualTo(1);
    }

    @Test
    void thePurgeIsScheduled() {
        assertThat(scheduler.getScheduledJobs()).anySatisfy(job -> assertThat(job.getMethodDescription())
                .isEqualTo(CaseOpenings.class.getName() + "#purgeExpired"));
    }

    private static ValidatableResponse open(String officer, String key, Map<String, Object> body) {
        return given().auth().oauth2(TOKENS.mint(officer, Roles.CASE_OFFICER)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post("/api/v1/cases").then();
    }

    private static void store(String key, Duration age) {
        rows("""
                with stored as (insert into case_idempotency_key (key, request_hash, case_reference, created_at)
                                values (?, 'f', 'none', ?) returning 1) select count(*) from stored""",
                key, Timestamp.from(Instant.now().minus(age)));
    }

    private static String fingerprintOf(String key) {
        return query("select request_hash from case_idempotency_key where key = ?", key);
    }

    private static long rows(String sql, Object... parameters) {
        return Long.parseLong(query(sql, parameters));
    }

    private static String query(String sql, Object... parameters) {
        try (Connection connection = RealInfrastructure.postgres().connect("cases");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet found = statement.executeQuery()) {
                return found.next() ? found.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
