package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hotline.problem.Roles;
import org.hotline.testing.OpenApiContract;
import org.hotline.testing.RealInfrastructure;
import org.hotline.testing.RoleMatrix;
import org.hotline.stack.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Real signed tokens against stats-service: the role matrix, and tokens that must not pass. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class AccessControlTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URI base;

    static List<RoleMatrix.Cell> matrix() {
        return RoleMatrix.read("role-matrix.csv", Map.of());
    }

    /** The admin's cell starts a rebuild: no cell, and no other test, may meet one still running. */
    @BeforeEach
    @AfterEach
    void noRebuildRunning() {
        await().atMost(PATIENCE).until(() -> !"RUNNING".equals(progress().get("state")));
    }

    @Test
    void everyEndpointTheServiceDocumentsHasALineInTheMatrix() {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);

        assertThat(RoleMatrix.unlisted("role-matrix.csv", OpenApiContract.operations(document))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyEndpointAnswersEveryCallerAsTheMatrixSays(RoleMatrix.Cell cell) {
        String authorization = cell.anonymous() ? null : TOKENS.bearer("matrix-" + cell.caller(), cell.caller());

        RoleMatrix.Answer answer = RoleMatrix.call(base, cell, authorization);

        assertThat(answer.status()).isEqualTo(cell.expected());
        if (answer.status() == 401 || answer.status() == 403) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    /** Tokens that must be refused, each otherwise fit to start a rebuild. */
    enum BadToken {
        SIGNED_BY_ANOTHER_KEY(Tokens.stranger().mint("admin-1", Roles.ADMIN)),
        EXPIRED(TOKENS.expired("admin-1", Roles.ADMIN)),
        WRONG_AUDIENCE(TOKENS.withAudience("another-system", "admin-1", Roles.ADMIN)),
        /** Good at intake, and nowhere else. */
        ANOTHER_SERVICES_AUDIENCE(TOKENS.withAudience(Tokens.INTAKE_AUDIENCE, "admin-1", Roles.ADMIN)),
        WRONG_ISSUER(TOKENS.withIssuer("https://issuer.elsewhere.invalid", "admin-1", Roles.ADMIN)),
        NOT_A_TOKEN("not-a-jwt");

        final String token;

        BadToken(String token) {
            this.token = token;
        }
    }

    @ParameterizedTest
    @EnumSource(BadToken.class)
    void aBadTokenIsRefusedAsAProblemAndStartsNoRebuild(BadToken bad) {
        Map<String, Object> before = progress();

        given().auth().oauth2(bad.token).post("/api/v1/admin/rebuild")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));

        assertThat(progress()).isEqualTo(before);
    }

    private static Map<String, Object> progress() {
        return given().auth().oauth2(TOKENS.mint("admin-1", Roles.ADMIN)).get("/api/v1/admin/rebuild")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }
}
