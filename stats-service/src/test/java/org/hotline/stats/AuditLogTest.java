package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.hotline.problem.Roles;
import org.hotline.stack.Tokens;
import org.hotline.testing.AuditTrail;
import org.hotline.testing.AuditTrail.Entry;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** stats-service's audit log: rebuilds and refusals, append-only for the service's role. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class AuditLogTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final AuditTrail AUDIT = AuditTrail.of("stats");

    @Test
    void aRebuildIsAuditedWithTheAdminWhoAskedForIt() {
        String admin = "admin-" + UUID.randomUUID();
        // Another test's rebuild may still run: this one waits for it, so its own must start.
        awaitNoRebuildRunning();

        given().auth().oauth2(TOKENS.mint(admin, Roles.ADMIN)).post("/api/v1/admin/rebuild").then().statusCode(202);

        assertThat(AUDIT.by(admin)).singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("stats.rebuild"))
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo("started"));
        awaitNoRebuildRunning();
    }

    private static void awaitNoRebuildRunning() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(given()
                .auth().oauth2(TOKENS.mint("admin-1", Roles.ADMIN)).get("/api/v1/admin/rebuild").path("state")));
    }

    @Test
    void aStreamWithoutTheRoleIsAuditedAsRefused() {
        String operator = "operator-" + UUID.randomUUID();

        given().auth().oauth2(TOKENS.mint(operator, Roles.OPERATOR)).get("/api/v1/stats/stream").then().statusCode(403);

        AUDIT.awaitEntry(new Entry(operator, "http.refused", "GET /api/v1/stats/stream", null, "refused-403"));
    }

    @Test
    void theServicesRoleMayNeitherRewriteNorRemoveAnEntry() {
        assertThat(AUDIT.refusalOf("update audit_log set outcome = 'ok'")).contains("42501");
        assertThat(AUDIT.refusalOf("delete from audit_log")).contains("42501");
        assertThat(AUDIT.refusalOf("truncate audit_log")).contains("42501");
    }
}
