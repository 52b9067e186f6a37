package org.hotline.cases;

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

/** The published OpenAPI document describes exactly the endpoints case-service has, completely. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class OpenApiContractTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() {
        return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
    }

    @Test
    void theDocumentListsTheEndpointsThatExist() {
        assertThat(OpenApiContract.operations(document())).containsExactlyInAnyOrder(
                "GET /api/v1/cases",
                "POST /api/v1/cases",
                "GET /api/v1/cases/overdue",
                "GET /api/v1/cases/{reference}",
                "GET /api/v1/cases/{reference}/history",
                "PUT /api/v1/cases/{reference}/assignee",
                "POST /api/v1/cases/{reference}/transitions",
                "POST /api/v1/cases/{reference}/care",
                "POST /api/v1/cases/{reference}/inquiries/{inquiryId}",
                "GET /api/v1/cases/{reference}/contacts/{contactId}/personal-data",
                "GET /api/v1/inquiries",
                "GET /api/v1/admin/outbox/parked",
                "POST /api/v1/admin/outbox/parked/resend",
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
