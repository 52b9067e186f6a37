package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.SecureRandom;
import java.util.stream.Stream;

import org.hotline.events.CaseReference;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.intake.Contacts;
import org.hotline.intake.ContactsTopic;
import org.hotline.intake.IntakeDatabase;
import org.hotline.testing.MetricsScrape;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * case-service is unreachable here (the test profile points the client where nothing listens):
 * follow-ups are still accepted, flagged unverified for case-service to settle.
 */
@QuarkusTest
@TestSecurity(user = "operator-3", roles = { Roles.OPERATOR, Roles.CASE_OFFICER })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CaseServiceDownTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How SmallRye Fault Tolerance names the guarded method in its metrics. */
    private static final String CASE_LOOKUP = "org.hotline.intake.client.CaseClient.find";

    @Test
    void aFollowUpIsAcceptedUnverifiedAndItsEventSaysSo() {
        String reference = CaseReference.generate(RANDOM, CaseReference.Issuer.CASE_SERVICE);

        ContactCreated created = Contacts.post(Contacts.followUp(reference)).statusCode(201)
                .extract().as(ContactCreated.class);

        assertThat(created.referenceVerified()).isFalse();
        assertThat(created.caseReference()).isEqualTo(reference);
        assertThat(created.caseStatus().state()).isNull();
        assertThat(created.caseStatus().spoken()).contains("will be confirmed");
        ContactRecorded event = (ContactRecorded) EventJson.read(ContactsTopic.recordFor(created.id()).value());
        assertThat(event.referenceUnverified()).isTrue();
        assertThat(IntakeDatabase.count("select count(*) from contact where id = ? and reference_unverified",
                created.id())).isEqualTo(1);
    }

    @Test
    void followUpsKeepBeingAcceptedOnceTheBreakerIsOpen() {
        MetricsScrape before = scrape();

        for (int i = 0; i < 15; i++) {
            Contacts.post(Contacts.followUp(CaseReference.generate(RANDOM, CaseReference.Issuer.CASE_SERVICE)))
                    .statusCode(201)
                    .body("referenceVerified", equalTo(false));
        }

        // The breaker opened, and then lookups were refused by it without trying case-service.
        MetricsScrape after = scrape();
        assertThat(breaker(after, "ft_circuitbreaker_opened_total"))
                .isGreaterThan(breaker(before, "ft_circuitbreaker_opened_total"));
        assertThat(breaker(after, "ft_circuitbreaker_calls_total", "circuitBreakerResult", "circuitBreakerOpen"))
                .isGreaterThan(breaker(before, "ft_circuitbreaker_calls_total", "circuitBreakerResult", "circuitBreakerOpen"));
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double breaker(MetricsScrape scrape, String metric, String... labels) {
        String[] all = Stream.concat(Stream.of("method", CASE_LOOKUP), Stream.of(labels)).toArray(String[]::new);
        return scrape.value(metric, all).orElse(0.0);
    }

    @Test
    void aReferenceIssuedHereStaysVerifiedWhileCaseServiceIsDown() {
        String reference = Contacts.issuedReference();

        Contacts.post(Contacts.followUp(reference))
                .statusCode(201)
                .body("referenceVerified", equalTo(true));
    }
}
