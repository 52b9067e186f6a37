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

import org.hotline.system.RunningHotline.Hotline;
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
        Map<String, Object> followUp = contact("FOLLOW_UP", freshPhoneNumber(), "2025-04-21T10:00:00Z");
        followUp.put("caseReference", reference);

        // Intake's breaker may still remember an outage of another scenario: it closes again soon.
        await().atMost(DEADLINE).untilAsserted(() -> Contacts.post(hotline.intakeUrl(), followUp)
                .then().statusCode(201)
                .body("referenceVerified", equalTo(true))
                .body("caseStatus.state", equalTo("IN_CUSTODY")));
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
