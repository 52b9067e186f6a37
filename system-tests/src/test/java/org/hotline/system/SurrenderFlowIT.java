package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hotline.system.Contacts.contact;
import static org.hotline.system.Contacts.freshPhoneNumber;

import java.time.Duration;
import java.util.Map;

import org.hotline.events.CaseReference;
import org.hotline.stack.Tokens;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * The core flow across the three real processes, driven only through their REST APIs. Each
 * scenario dates its contacts on a day of its own, so its counts do not depend on the others.
 */
@ExtendWith(RunningHotline.class)
class SurrenderFlowIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void surrenderRequestBecomesACaseAndShowsUpInTheStats(Hotline hotline) {
        int requestedBefore = Stats.casesInState(hotline, "REQUESTED");

        String reference = Contacts.post(hotline.intakeUrl(),
                        contact("SURRENDER_REQUEST", freshPhoneNumber(), "2025-02-03T10:15:00Z"))
                .then().statusCode(201)
                .body("caseReference", matchesPattern("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"))
                .extract().path("caseReference");

        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference)
                .then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("state", equalTo("REQUESTED"))
                .body("origin", equalTo("RU"))
                .body("contactCount", equalTo(1)));
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(Stats.dayTotal(hotline, "surrenderRequests", "2025-02-03")).isEqualTo(1);
            assertThat(Stats.dayTotal(hotline, "contacts", "2025-02-03")).isEqualTo(1);
            assertThat(Stats.casesInState(hotline, "REQUESTED")).isGreaterThanOrEqualTo(requestedBefore + 1);
        });
    }

    @Test
    void twoSurrenderRequestsOfOneCallerGiveOneCaseThatBothReferencesReach(Hotline hotline) {
        String digits = freshPhoneNumber().substring(4);
        String first = Contacts.post(hotline.intakeUrl(),
                        contact("SURRENDER_REQUEST", "+7 9" + digits, "2025-02-04T08:00:00Z"))
                .then().statusCode(201).extract().path("caseReference");
        // The same number, typed differently by another operator: still the same caller.
        String second = Contacts.post(hotline.intakeUrl(),
                        contact("SURRENDER_REQUEST", "+79" + digits, "2025-02-04T09:00:00Z"))
                .then().statusCode(201).extract().path("caseReference");

        assertThat(second).isNotEqualTo(first);
        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", first)
                .then().statusCode(200).body("contactCount", equalTo(2)));
        String caseOfSecond = given().baseUri(hotline.caseUrl()).get("/api/v1/cases/{reference}", second)
                .then().statusCode(200).extract().path("reference");
        assertThat(caseOfSecond).isEqualTo(first);
        // case-service having linked both says nothing of stats, which consumes on its own.
        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(Stats.dayTotal(hotline, "surrenderRequests", "2025-02-04")).isEqualTo(2));
    }

    @Test
    void followUpWithAnUnknownReferenceIsRefusedWithAClearProblem(Hotline hotline) {
        String unknown = CaseReference.generate(new java.util.Random(), CaseReference.Issuer.CASE_SERVICE);
        Map<String, Object> followUp = contact("FOLLOW_UP", freshPhoneNumber(), "2025-02-05T10:00:00Z");
        followUp.put("caseReference", unknown);

        Contacts.post(hotline.intakeUrl(), followUp)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422));

        followUp.put("caseReference", "NOT-A-REFERENCE");
        Contacts.post(hotline.intakeUrl(), followUp)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("caseReference"));

        // Had either been stored, stats would have counted it by now.
        Stats.awaitEveryContactApplied(hotline);
        assertThat(Stats.dayTotal(hotline, "contacts", "2025-02-05")).isZero();
    }

    @Test
    void followUpWithTheReferenceHeWasGivenAttachesToHisCase(Hotline hotline) {
        String phone = freshPhoneNumber();
        String reference = Contacts.post(hotline.intakeUrl(), contact("SURRENDER_REQUEST", phone, "2025-02-06T10:00:00Z"))
                .then().statusCode(201).extract().path("caseReference");
        Map<String, Object> followUp = contact("FOLLOW_UP", phone, "2025-02-07T10:00:00Z");
        followUp.put("caseReference", reference.toLowerCase().replace("-", ""));

        // The operator's token is meant for intake alone: intake asks case-service about the
        // reference with it and its own relay token, which case-service needs to take it.
        String operatorsToken = RunningHotline.trustedTokens().withAudience(Tokens.INTAKE_AUDIENCE, "operator-relay",
                "operator");
        given().baseUri(hotline.caseUrl()).auth().oauth2(operatorsToken).get("/api/v1/cases/{reference}", reference)
                .then().statusCode(401);
        given().baseUri(hotline.intakeUrl()).auth().oauth2(operatorsToken).contentType(ContentType.JSON).body(followUp)
                .post("/api/v1/contacts").then().statusCode(201);

        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference)
                .then().statusCode(200).body("contactCount", equalTo(2)));
    }

    @Test
    void badContactIsRefusedWithEveryBadFieldListed(Hotline hotline) {
        given().baseUri(hotline.intakeUrl()).contentType(ContentType.JSON)
                .body(Map.of("channel", "FAX", "purpose", "SURRENDER_REQUEST"))
                .post("/api/v1/contacts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("channel", "caller"));
    }
}
