package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/** POST /api/v1/cases with an Idempotency-Key: a retry opens no second custody case. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
class CaseIdempotencyKeyTest {

    private static final Map<String, Object> CAPTURED = Officers.body("state", "IN_CUSTODY", "mode", "CAPTURED", "origin", "RU");

    @Test
    void aRetryWithTheSameKeyAndRequestGetsTheSameCase() {
        String key = UUID.randomUUID().toString();
        Response first = open(key, CAPTURED);
        Response retry = open(key, Officers.body("mode", "CAPTURED", "origin", "RU", "state", "IN_CUSTODY"));

        first.then().statusCode(201);
        retry.then().statusCode(201);
        assertThat(List.of(retry.path("reference"), retry.header("Location")))
                .isEqualTo(List.of(first.path("reference"), first.header("Location")));
    }

    @Test
    void theSameKeyOnAnotherRequestIsRefusedAndOpensNothing() {
        String key = UUID.randomUUID().toString();
        open(key, CAPTURED).then().statusCode(201);

        open(key, Officers.body("state", "IN_CUSTODY", "mode", "SURRENDERED", "origin", "RU"))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("Idempotency-Key")));
    }

    @Test
    void withoutAKeyEachRequestOpensItsOwnCase() {
        String one = Officers.officer().body(CAPTURED).post("/api/v1/cases").then().statusCode(201)
                .extract().path("reference");
        String other = Officers.officer().body(CAPTURED).post("/api/v1/cases").then().statusCode(201)
                .extract().path("reference");
        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void anUnusableKeyIsABadRequest() {
        open("k".repeat(201), CAPTURED).then().statusCode(400).body("errors.field", equalTo(List.of("Idempotency-Key")));
    }

    private static Response open(String key, Map<String, Object> body) {
        return Officers.officer().header("Idempotency-Key", key).body(body).post("/api/v1/cases");
    }
}
