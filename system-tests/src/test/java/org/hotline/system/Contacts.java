package org.hotline.system;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Builds and posts contacts the way an operator's console does: through intake's public API. */
final class Contacts {

    private Contacts() {
    }

    /** A phone number no other test uses. */
    static String freshPhoneNumber() {
        return "+7 9" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
    }

    static Map<String, Object> contact(String purpose, String identifier, String receivedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "PHONE");
        body.put("receivedAt", receivedAt);
        body.put("purpose", purpose);
        body.put("origin", "RU");
        body.put("caller", Map.of("identifier", identifier, "role", "SERVICEMAN"));
        return body;
    }

    static Response post(String intakeUrl, Map<String, Object> body) {
        return post(given(), intakeUrl, body);
    }

    /** Posted with what {@code request} already carries (a {@code traceparent}, say). */
    static Response post(RequestSpecification request, String intakeUrl, Map<String, Object> body) {
        return request.baseUri(intakeUrl).contentType(ContentType.JSON).body(body).post("/api/v1/contacts");
    }
}
