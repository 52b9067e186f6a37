package org.hotline.intake;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Test requests against intake's API, and fresh caller identifiers so tests stay independent. */
public final class Contacts {

    private Contacts() {
    }

    public static ValidatableResponse post(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/api/v1/contacts").then();
    }

    public static ValidatableResponse read(UUID id, String reason) {
        return given().header("X-Access-Reason", reason).when().get("/api/v1/contacts/{id}", id).then();
    }

    /** A Russian mobile number no other test uses, in the compact form {@code +79XXXXXXXXX}. */
    public static String freshPhoneNumber() {
        return "+79" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    public static String surrenderRequest(String phoneNumber) {
        return """
                {"channel": "PHONE", "purpose": "SURRENDER_REQUEST", "origin": "RU",
                 "caller": {"identifier": "%s", "role": "SERVICEMAN"}}
                """.formatted(phoneNumber);
    }

    /** Records a surrender request and returns the case reference issued for it. */
    public static String issuedReference() {
        return post(surrenderRequest(freshPhoneNumber())).statusCode(201).extract().path("caseReference");
    }

    public static String followUp(String caseReference) {
        return """
                {"channel": "CHAT_BOT", "purpose": "FOLLOW_UP",
                 "caller": {"identifier": "@%s", "role": "RELATIVE"}, "caseReference": "%s"}
                """.formatted("handle" + UUID.randomUUID().toString().substring(0, 8), caseReference);
    }
}
