package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.system.Contacts.contact;
import static org.hotline.system.Contacts.freshPhoneNumber;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hotline.system.RunningHotline.Hotline;
import org.hotline.testing.MetricsScrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A follow-up may be a man's only chance: when intake cannot check his reference because
 * case-service is down, it must still accept the contact, say the reference is unverified, and
 * case-service must settle it once it is back.
 */
@ExtendWith(RunningHotline.class)
class CaseServiceOutageIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** How SmallRye Fault Tolerance names intake's guarded case lookup in its metrics. */
    private static final String CASE_LOOKUP = "org.hotline.intake.client.CaseClient.find";

    @Test
    void followUpsPostedWhileCaseServiceIsDownAreAcceptedUnverifiedAndLinkedOnceItIsBack(Hotline hotline) {
        // A man captured without a call: only case-service knows his reference, so intake must ask it.
        String reference = openCapturedCase(hotline);
        int contactsBefore = contactCount(hotline, reference);
        String phone = freshPhoneNumber();

        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        hotline.cases().stop();
        try {
            for (String at : List.of("2025-04-20T10:00:00Z", "2025-04-20T11:00:00Z", "2025-04-20T12:00:00Z")) {
                Map<String, Object> followUp = contact("FOLLOW_UP", phone, at);
                followUp.put("caseReference", reference);
                answers.add(Contacts.post(hotline.intakeUrl(), followUp).then().extract());
            }
        } finally {
            hotline.cases().restart();
        }

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(201);
        assertThat(answers).extracting(answer -> answer.<Object>path("referenceVerified")).containsOnly(false);
        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference)
                .then().statusCode(200).body("contactCount", equalTo(contactsBefore + 3)));
    }

    @Test
    void followUpWhileCaseServiceIsUpIsVerifiedAndToldTheCaseState(Hotline hotline) {
        String reference = openCapturedCase(hotline);
        int contactsBefore = contactCount(hotline, reference);
        Map<String, Object> followUp = contact("FOLLOW_UP", freshPhoneNumber(), "2025-04-21T10:00:00Z");
        followUp.put("caseReference", reference);

        // Another scenario's outage may have opened intake's breaker; asking while it is open would
        // rightly be answered "unverified". It half-opens by itself after its delay, and then lets
        // the next lookup through to case-service: wait for that, then post once.
        awaitIntakesBreakerNotOpen(hotline);
        String idempotencyKey = UUID.randomUUID().toString();

        // Sent once; the key makes a repeat (a lost answer) safe, and would give back this answer.
        given().baseUri(hotline.intakeUrl()).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(followUp).post("/api/v1/contacts")
                .then().statusCode(201)
                .body("referenceVerified", equalTo(true))
                .body("caseStatus.state", equalTo("IN_CUSTODY"));
        // Control: the gauge waited on exists under that name (the lookup just made registers it at the latest).
        assertThat(breakerOpen(hotline)).contains(0.0);
        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference)
                .then().statusCode(200).body("contactCount", equalTo(contactsBefore + 1)));
    }

    /**
     * SmallRye Fault Tolerance's gauge of the breaker around intake's case lookups: 1 for the
     * state it is in. Absent until the first lookup, when it has never been open.
     */
    private static void awaitIntakesBreakerNotOpen(Hotline hotline) {
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(breakerOpen(hotline).orElse(0.0))
                .as("intake's case-lookup breaker open").isZero());
    }

    private static Optional<Double> breakerOpen(Hotline hotline) {
        return MetricsScrape.of(given().baseUri(hotline.intakeUrl()).get("/q/metrics").then().statusCode(200)
                .extract().asString()).value("ft_circuitbreaker_state_current", "method", CASE_LOOKUP, "state", "open");
    }

    /** Opens a case directly, as a case officer does for a man captured in battle; its reference. */
    static String openCapturedCase(Hotline hotline) {
        Response opened = given().baseUri(hotline.caseUrl()).contentType(ContentType.JSON)
                .header("X-Officer", "system-test")
                .body(Map.of("state", "IN_CUSTODY", "mode", "CAPTURED", "origin", "RU"))
                .post("/api/v1/cases");
        opened.then().statusCode(201);
        String reference = opened.path("reference");
        if (reference == null) {
            String location = opened.header("Location");
            reference = location.substring(location.lastIndexOf('/') + 1);
        }
        return reference;
    }

    static int contactCount(Hotline hotline, String reference) {
        return given().baseUri(hotline.caseUrl()).get("/api/v1/cases/{reference}", reference)
                .then().statusCode(200).extract().path("contactCount");
    }
}
