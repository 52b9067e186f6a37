package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.testing.OpenApiContract;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The published OpenAPI document describes exactly the endpoints stats-service has, completely. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class OpenApiContractTest {

    private static final String PUBLIC = "/api/v1/stats/public/";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() {
        return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
    }

    @Test
    void theDocumentListsTheEndpointsThatExist() {
        assertThat(OpenApiContract.operations(document())).containsExactlyInAnyOrder(
                "GET /api/v1/stats/summary",
                "GET /api/v1/stats/series",
                "GET /api/v1/stats/stream",
                "GET /api/v1/stats/public/summary",
                "GET /api/v1/stats/public/series",
                "GET /api/v1/admin/rebuild",
                "POST /api/v1/admin/rebuild",
                "GET /api/v1/admin/dead-letters",
                "POST /api/v1/admin/dead-letters/replay",
                "POST /api/v1/admin/erasure-ledger/catch-up",
                "GET /api/v1/admin/audit",
                "GET /api/v1/stats/extent",
                "GET /api/v1/stats/overdue",
                "GET /api/v1/stats/status");
    }

    @Test
    void everyOperationHasAnIdTheBearerSchemeAndItsErrorsAsProblems() {
        assertThat(OpenApiContract.violations(document(), Set.of(PUBLIC))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePublicOperationsDeclareThatTheyNeedNoToken() {
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");
        for (String path : List.of(PUBLIC + "summary", PUBLIC + "series")) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("get");
            assertThat(get).as(path).containsEntry("security", List.of());
            assertThat((Map<String, Object>) get.get("responses")).as(path).containsKeys("200", "304", "429")
                    .doesNotContainKeys("401", "403");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSeriesGranularityIsTypedByItsValues() {
        Map<String, Object> series = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document()
                .get("paths")).get("/api/v1/stats/series")).get("get");
        Map<String, Object> granularity = ((List<Map<String, Object>>) series.get("parameters")).stream()
                .filter(p -> "granularity".equals(p.get("name"))).findFirst().orElseThrow();

        assertThat((Map<String, Object>) granularity.get("schema"))
                .containsEntry("enum", List.of("day", "week", "month"));
    }
}
