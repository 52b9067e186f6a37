package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.hotline.problem.Roles;
import org.hotline.testing.OpenApiContract;
import org.hotline.testing.RealInfrastructure;
import org.hotline.testing.RoleMatrix;
import org.hotline.stack.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Real signed tokens against case-service: the role matrix, and tokens that must not pass. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class AccessControlTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final String OFFICER = "officer-12";

    @TestHTTPResource("/")
    URI base;

    static List<RoleMatrix.Cell> matrix() {
        return RoleMatrix.read("role-matrix.csv", Map.of("reference", Contacts.newReference()));
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

    @Test
    void everyEndpointTheServiceDocumentsHasALineInTheMatrix() {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);

        assertThat(RoleMatrix.unlisted("role-matrix.csv", OpenApiContract.operations(document))).isEmpty();
    }

    /** Tokens that must be refused, each otherwise fit to move a case. */
    enum BadToken {
        SIGNED_BY_ANOTHER_KEY(Tokens.stranger().mint(OFFICER, Roles.CASE_OFFICER)),
        EXPIRED(TOKENS.expired(OFFICER, Roles.CASE_OFFICER)),
        WRONG_AUDIENCE(TOKENS.withAudience("another-system", OFFICER, Roles.CASE_OFFICER)),
        /** Good at stats-service, and nowhere else. */
        ANOTHER_SERVICES_AUDIENCE(TOKENS.withAudience(Tokens.STATS_AUDIENCE, OFFICER, Roles.CASE_OFFICER)),
        /** Meant for intake, sent here without intake's relay token for it. */
        THE_PEERS_AUDIENCE_WITHOUT_ITS_RELAY_TOKEN(TOKENS.withAudience(Tokens.INTAKE_AUDIENCE, OFFICER, Roles.CASE_OFFICER)),
        WRONG_ISSUER(TOKENS.withIssuer("https://issuer.elsewhere.invalid", OFFICER, Roles.CASE_OFFICER)),
        NOT_A_TOKEN("not-a-jwt");

        final String token;

        BadToken(String token) {
            this.token = token;
        }
    }

    @ParameterizedTest
    @EnumSource(BadToken.class)
    void aBadTokenIsRefusedAsAProblemAndChangesNoCase(BadToken bad) {
        String reference = capturedCase();

        given().auth().oauth2(bad.token).contentType(ContentType.JSON)
                .body(Officers.body("to", "RELEASED"))
                .post("/api/v1/cases/{reference}/transitions", reference)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));

        asOfficer().get("/api/v1/cases/{reference}", reference)
                .then().statusCode(200).body("state", equalTo("IN_CUSTODY")).body("version", equalTo(1));
    }

    @Test
    void theOfficerOfAChangeIsTheSubjectOfHisToken() {
        String reference = capturedCase();

        asOfficer().header("X-Officer", "someone-else").body(Officers.body("to", "RELEASED", "reason", "exchanged"))
                .post("/api/v1/cases/{reference}/transitions", reference)
                .then().statusCode(200);
        given().auth().oauth2(TOKENS.mint("supervisor-12", Roles.SUPERVISOR)).contentType(ContentType.JSON)
                .body(Map.of("officer", OFFICER)).put("/api/v1/cases/{reference}/assignee", reference)
                .then().statusCode(200);

        asOfficer().get("/api/v1/cases/{reference}/history", reference)
                .then().statusCode(200).body("entries[-1].officer", equalTo(OFFICER));
    }

    private static io.restassured.specification.RequestSpecification asOfficer() {
        return given().auth().oauth2(TOKENS.mint(OFFICER, Roles.CASE_OFFICER)).contentType(ContentType.JSON);
    }

    private static String capturedCase() {
        return asOfficer().body(Officers.body("state", "IN_CUSTODY", "mode", "CAPTURED", "origin", "RU"))
                .post("/api/v1/cases")
                .then().statusCode(201)
                .extract().path("reference");
    }
}
