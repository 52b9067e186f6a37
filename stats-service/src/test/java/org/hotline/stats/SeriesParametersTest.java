package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "analyst-2", roles = { Roles.ANALYST, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class SeriesParametersTest {

    @Test
    void everyBadParameterIsListedInOneProblem() {
        JsonPath problem = badSeries(Map.of("metric", "visits", "granularity", "fortnight", "from", "2023-02-30",
                "to", "yesterday", "groupBy", "unit"));

        assertThat(problem.getList("errors.field"))
                .containsExactlyInAnyOrder("metric", "granularity", "from", "to", "groupBy");
    }

    @Test
    void anUnknownStateAfterEnteredIsRefusedAndNoDateOrInstantEither() {
        JsonPath problem = badSeries(Map.of("metric", "entered.ESCAPED", "granularity", "week",
                "from", "2023-03-01T25:00:00Z", "to", "2023-03-31"));

        assertThat(problem.getList("errors.field")).containsExactlyInAnyOrder("metric", "from");
    }

    @Test
    void missingParametersAreListed() {
        assertThat(badSeries(Map.of()).getList("errors.field"))
                .containsExactlyInAnyOrder("metric", "granularity", "from", "to");
    }

    @Test
    void fromAfterToIsRefused() {
        JsonPath problem = badSeries(Map.of("metric", "contacts", "granularity", "day", "from", "2023-03-02",
                "to", "2023-03-01"));

        assertThat(problem.getList("errors", Map.class))
                .isEqualTo(List.of(Map.of("field", "from", "message", "must not be after to")));
    }

    @Test
    void datesBeyondAnySaneYearAreRefusedNotFailed() {
        JsonPath problem = badSeries(Map.of("metric", "contacts", "granularity", "day", "from", "1900-01-01",
                "to", "+999999999-12-31"));

        assertThat(problem.getList("errors.field")).containsExactlyInAnyOrder("from", "to");
    }

    @Test
    void aRangeOfTooManyBucketsIsRefused() {
        JsonPath problem = badSeries(Map.of("metric", "contacts", "granularity", "day", "from", "2000-01-01",
                "to", "2023-03-01"));

        assertThat(problem.getList("errors.field")).containsExactly("to");
    }

    private static JsonPath badSeries(Map<String, String> parameters) {
        return given().queryParams(parameters).get("/api/v1/stats/series")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
    }
}
