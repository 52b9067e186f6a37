package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.hotline.cases.service.CaseQueries;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * An operator may read a case by its reference, so guessing references is slowed down, then
 * refused with 429: here 3 unknown references in a row, then one an hour. Each test is its own
 * token subject, so their buckets do not mix.
 */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class ReferenceLookupThrottleTest {

    /** The system clock, moved on by the test: an hour passes without waiting an hour. */
    /* Enabled by OwnSettingsProfile only, so the tests of the default profile keep the system clock. */
    @Alternative
    @Singleton
    public static class MovableClock extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration by) {
            ahead = ahead.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Inject
    MovableClock clock;

    @Inject
    CaseQueries queries;

    @Test
    @TestSecurity(user = "operator-guessing", roles = Roles.OPERATOR)
    void anOperatorNamingUnknownReferencesIsRefusedWith429ThenEvenForAKnownCase() {
        String known = newReference();
        send(Contacts.surrenderRequest(newCallerKey(), known));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> queries.byReference(known).isPresent()));
        lookUp(known).then().statusCode(200);

        for (int i = 0; i < 3; i++) {
            lookUp(newReference()).then().statusCode(404);
        }

        assertThrottled(lookUp(newReference()));
        // Refused whatever it names: a 200 here would tell a guesser which of his guesses are real.
        assertThrottled(lookUp(known));
    }

    @Test
    @TestSecurity(user = "operator-slowed", roles = Roles.OPERATOR)
    void afterTheBurstOneUnknownReferenceIsAllowedPerInterval() {
        for (int i = 0; i < 3; i++) {
            lookUp(newReference()).then().statusCode(404);
        }
        assertThrottled(lookUp(newReference()));

        clock.advance(Duration.ofHours(1));
        lookUp(newReference()).then().statusCode(404);
        assertThrottled(lookUp(newReference()));

        clock.advance(Duration.ofHours(3));
        for (int i = 0; i < 3; i++) {
            lookUp(newReference()).then().statusCode(404);
        }
        assertThrottled(lookUp(newReference()));
    }

    @Test
    @TestSecurity(user = "officer-throttle", roles = Roles.CASE_OFFICER)
    void aCaseOfficerIsNotThrottled() {
        for (int i = 0; i < 5; i++) {
            lookUp(newReference()).then().statusCode(404);
        }
    }

    private static Response lookUp(String reference) {
        return given().get("/api/v1/cases/{reference}", reference);
    }

    private static void assertThrottled(Response response) {
        response.then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"));
        assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 3600);
    }
}
