package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import org.hotline.events.CaseReference;
import org.hotline.events.CaseState;
import org.hotline.intake.Contacts;
import org.hotline.intake.FakeCaseService;
import org.hotline.intake.IntakeDatabase;
import org.hotline.problem.Roles;
import org.hotline.testing.AuditTrail;
import org.hotline.testing.AuditTrail.Entry;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * case-service slows down, then refuses (429), an operator who names too many unknown references
 * (its ReferenceLookupThrottleTest); intake passes the refusal on to the operator, stores nothing,
 * and keeps answering everyone else.
 */
@QuarkusTest
@TestSecurity(user = "operator-throttled", roles = Roles.OPERATOR)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class FollowUpThrottleTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aFollowUpCaseServiceRefusesAsThrottledIs429WithRetryAfterAndNothingIsStored() {
        String reference = throttledReference(42);
        long auditedBefore = refusedAsTooMany();

        Contacts.post(Contacts.followUp(reference))
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "42")
                .body("status", equalTo(429))
                .body("errors.field", equalTo(List.of("caseReference")));

        assertThat(IntakeDatabase.count("select count(*) from contact where case_reference = ?", reference)).isZero();
        // Every 429 is on file under the operator (RefusalAudit writes it after the answer has gone): this one, once.
        await().atMost(Duration.ofSeconds(10)).until(() -> refusedAsTooMany() >= auditedBefore + 1);
        assertThat(refusedAsTooMany()).isEqualTo(auditedBefore + 1);
    }

    private static long refusedAsTooMany() {
        return AuditTrail.of("intake").by("operator-throttled").stream()
                .filter(entry -> entry.equals(new Entry("operator-throttled", "http.refused", "POST /api/v1/contacts",
                        null, "refused-429")))
                .count();
    }

    @Test
    void refusalsDoNotOpenTheBreakerForOtherFollowUps() {
        String throttled = throttledReference(30);
        for (int i = 0; i < 15; i++) {
            Contacts.post(Contacts.followUp(throttled)).statusCode(429);
        }
        String known = CaseReference.generate(RANDOM, CaseReference.Issuer.CASE_SERVICE);
        FakeCaseService.open(known, CaseState.VERIFIED);

        // Verified, so case-service was asked: a breaker opened by the refusals would leave it unverified.
        Contacts.post(Contacts.followUp(known)).statusCode(201).body("referenceVerified", equalTo(true));
    }

    @Test
    void aThrottledLineOfAnImportIsRefusedAloneAndNotStored() {
        String throttled = throttledReference(7);
        String body = String.join("\n", Contacts.followUp(throttled).replace("\n", " "),
                Contacts.surrenderRequest(Contacts.freshPhoneNumber()).replace("\n", " "));

        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/contacts:batch")
                .then().statusCode(200)
                .body("results[0].status", equalTo(429))
                .body("results[1].status", equalTo(201));

        assertThat(IntakeDatabase.count("select count(*) from contact where case_reference = ?", throttled)).isZero();
    }

    private static String throttledReference(int retryAfterSeconds) {
        String reference = CaseReference.generate(RANDOM, CaseReference.Issuer.CASE_SERVICE);
        FakeCaseService.throttle(reference, retryAfterSeconds);
        return reference;
    }
}
