package org.hotline.cases;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hotline.cases.service.CaseAssignments;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A case officer's requests, as a client sends them; who he is comes from the test's identity. */
final class Officers {

    static final String OFFICER = "officer-7";

    private Officers() {
    }

    static RequestSpecification officer() {
        return given().contentType(ContentType.JSON);
    }

    /** Keys and values alternating; a null value leaves the field out. */
    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                body.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return body;
    }

    static Response move(String reference, Object... keysAndValues) {
        return officer().body(body(keysAndValues)).post("/api/v1/cases/{reference}/transitions", reference);
    }

    static Response care(String reference, Object... keysAndValues) {
        return officer().body(body(keysAndValues)).post("/api/v1/cases/{reference}/care", reference);
    }

    /** Moves and insists it worked. */
    static void moved(String reference, Object... keysAndValues) {
        move(reference, keysAndValues).then().statusCode(200);
    }

    static void cared(String reference, Object... keysAndValues) {
        care(reference, keysAndValues).then().statusCode(201);
    }

    /**
     * Assigns the case to {@link #OFFICER}, as a supervisor would, so that he may read its history
     * and personal data and link inquiries to it (need to know). Through the service, not HTTP:
     * these tests run as {@code @TestSecurity}'s officer, who may not assign. Assigning it to him
     * again changes nothing; the first time raises the case's version by one.
     */
    static void assignToMe(String reference) {
        assign(reference, OFFICER);
    }

    /** As {@link #assignToMe}, for a test whose identity is another officer. */
    static void assign(String reference, String officer) {
        Arc.container().instance(CaseAssignments.class).get().assign(reference, Optional.empty(), officer, null,
                "supervisor-of-the-tests");
    }

    /** Opens a case for a man captured without a call, and returns its reference. */
    static String capture(Object... keysAndValues) {
        return officer().body(body(keysAndValues)).post("/api/v1/cases")
                .then().statusCode(201)
                .extract().path("reference");
    }
}
