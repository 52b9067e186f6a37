package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.hotline.testing.OpenApiContract;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The published OpenAPI document describes exactly the endpoints intake has, completely. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class OpenApiContractTest {

    private static Map<String, Object> document() {
        return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
    }

    @Test
    void theDocumentListsTheEndpointsThatExistWithTheBatchImportUnderItsRealPath() {
        assertThat(OpenApiContract.operations(document())).containsExactlyInAnyOrder(
                "POST /api/v1/contacts",
                "GET /api/v1/contacts/{id}",
                "POST /api/v1/contacts:batch",
                "DELETE /api/v1/callers/{callerKey}/personal-data",
                "GET /api/v1/admin/outbox/parked",
                "POST /api/v1/admin/outbox/parked/resend",
                "GET /api/v1/admin/master-keys",
                "POST /api/v1/admin/master-keys/rewrap",
                "GET /api/v1/admin/dead-letters",
                "POST /api/v1/admin/dead-letters/replay",
                "POST /api/v1/admin/erasure-ledger/catch-up",
                "GET /api/v1/admin/audit");
    }

    @Test
    void everyOperationHasAnIdTheBearerSchemeAndItsErrorsAsProblems() {
        assertThat(OpenApiContract.violations(document(), Set.of())).isEmpty();
    }
}
