package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hotline.problem.Roles;
import org.hotline.stack.Tokens;
import org.hotline.testing.AuditTrail;
import org.hotline.testing.AuditTrail.Entry;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** case-service's audit log: every case read and change by its officer, every refusal, append-only. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class AuditLogTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final AuditTrail AUDIT = AuditTrail.of("cases");
    private static final String OFFICER = "officer-audit";

    @Test
    void openingMovingAndReadingACaseAreEachAuditedWithTheOfficer() {
        String reference = officer().body(Map.of("state", "IN_CUSTODY", "mode", "CAPTURED", "origin", "RU"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("reference");
        officer().body(Map.of("to", "RELEASED", "reason", "exchanged near a named village"))
                .post("/api/v1/cases/{reference}/transitions", reference).then().statusCode(200);
        officer().get("/api/v1/cases/{reference}", reference).then().statusCode(200);
        given().auth().oauth2(TOKENS.mint("supervisor-audit", Roles.SUPERVISOR)).contentType(ContentType.JSON)
                .body(Map.of("officer", OFFICER)).put("/api/v1/cases/{reference}/assignee", reference)
                .then().statusCode(200);
        officer().get("/api/v1/cases/{reference}/history", reference).then().statusCode(200);

        // Written in the request's own transaction: there at once, and the free-text reason is not copied.
        assertThat(AUDIT.about(reference)).containsExactly(
                new Entry(OFFICER, "case.open", reference, null, "ok: IN_CUSTODY"),
                new Entry(OFFICER, "case.transition", reference, null, "ok: IN_CUSTODY -> RELEASED"),
                new Entry(OFFICER, "case.read", reference, null, "ok"),
                new Entry("supervisor-audit", "case.assign", reference, null, "ok: officer " + OFFICER + ", team none"),
                new Entry(OFFICER, "case.history.read", reference, null, "ok: assigned"));
    }

    @Test
    void readingAnUnknownReferenceIsAuditedAsAMiss() {
        String reference = Contacts.newReference();

        officer().get("/api/v1/cases/{reference}", reference).then().statusCode(404);

        assertThat(AUDIT.about(reference)).contains(new Entry(OFFICER, "case.read", reference, null, "not-found"));
    }

    @Test
    void aListingWithoutTheRoleIsAuditedAsRefused() {
        given().auth().oauth2(TOKENS.mint("analyst-4", Roles.ANALYST)).get("/api/v1/cases").then().statusCode(403);

        AUDIT.awaitEntry(new Entry("analyst-4", "http.refused", "GET /api/v1/cases", null, "refused-403"));
    }

    @Test
    void theServicesRoleMayNeitherRewriteNorRemoveAnEntry() {
        assertThat(AUDIT.refusalOf("update audit_log set outcome = 'ok'")).contains("42501");
        assertThat(AUDIT.refusalOf("delete from audit_log")).contains("42501");
        assertThat(AUDIT.refusalOf("truncate audit_log")).contains("42501");
    }

    private static RequestSpecification officer() {
        return given().auth().oauth2(TOKENS.mint(OFFICER, Roles.CASE_OFFICER)).contentType(ContentType.JSON);
    }
}
