package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hotline.intake.Contacts;
import org.hotline.intake.IntakeDatabase;
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

/** Real signed tokens against intake: the role matrix, and tokens that must not pass. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class AccessControlTest {

    private static final Tokens TOKENS = Tokens.forTests();

    @TestHTTPResource("/")
    URI base;

    static List<RoleMatrix.Cell> matrix() {
        return RoleMatrix.read("role-matrix.csv", Map.of());
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

    /** Tokens that must be refused, each otherwise fit to record a contact. */
    enum BadToken {
        SIGNED_BY_ANOTHER_KEY(Tokens.stranger().mint("operator-3", Roles.OPERATOR)),
        EXPIRED(TOKENS.expired("operator-3", Roles.OPERATOR)),
        WRONG_AUDIENCE(TOKENS.withAudience("another-system", "operator-3", Roles.OPERATOR)),
        /** Good at stats-service, and nowhere else. */
        ANOTHER_SERVICES_AUDIENCE(TOKENS.withAudience(Tokens.STATS_AUDIENCE, "operator-3", Roles.OPERATOR)),
        /** Meant for case-service, sent here without case-service's relay token for it. */
        THE_PEERS_AUDIENCE_WITHOUT_ITS_RELAY_TOKEN(TOKENS.withAudience(Tokens.CASES_AUDIENCE, "operator-3", Roles.OPERATOR)),
        WRONG_ISSUER(TOKENS.withIssuer("https://issuer.elsewhere.invalid", "operator-3", Roles.OPERATOR)),
        LIVES_LONGER_THAN_THE_MAXIMUM(TOKENS.mintValidFor(Tokens.MAX_LIFETIME.plusHours(1), "operator-3", Roles.OPERATOR)),
        UNSIGNED(TOKENS.unsigned("operator-3", Roles.OPERATOR)),
        NOT_A_TOKEN("not-a-jwt");

        final String token;

        BadToken(String token) {
            this.token = token;
        }
    }

    @ParameterizedTest
    @EnumSource(BadToken.class)
    void aBadTokenIsRefusedAsAProblemAuditedOnceAndRecordsNothing(BadToken bad) {
        long contactsBefore = IntakeDatabase.contacts();
        long refusalsBefore = refusalsOfContactPosts();

        given().auth().oauth2(bad.token).contentType(ContentType.JSON)
                .body(Contacts.surrenderRequest(Contacts.freshPhoneNumber()))
                .post("/api/v1/contacts")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));

        assertThat(IntakeDatabase.contacts()).isEqualTo(contactsBefore);
        // The refusal is written as the response ends: waited for, then found exactly once.
        await().atMost(Duration.ofSeconds(10)).until(() -> refusalsOfContactPosts() > refusalsBefore);
        assertThat(refusalsOfContactPosts()).isEqualTo(refusalsBefore + 1);
    }

    private static long refusalsOfContactPosts() {
        return IntakeDatabase.count("select count(*) from audit_log where action = 'http.refused'"
                + " and actor = 'anonymous' and subject = 'POST /api/v1/contacts' and outcome = 'refused-401'");
    }

    @Test
    void theSameRequestWithAValidTokenIsRecorded() {
        long contactsBefore = IntakeDatabase.contacts();

        given().auth().oauth2(TOKENS.mint("operator-3", Roles.OPERATOR)).contentType(ContentType.JSON)
                .body(Contacts.surrenderRequest(Contacts.freshPhoneNumber()))
                .post("/api/v1/contacts")
                .then().statusCode(201);

        assertThat(IntakeDatabase.contacts()).isEqualTo(contactsBefore + 1);
    }
}
