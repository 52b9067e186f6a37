package org.hotline.intake.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hotline.audit.AuditLog;
import org.hotline.audit.RefusalLogPruning;
import org.hotline.intake.Contacts;
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
import jakarta.inject.Inject;

/**
 * intake's audit log: append-only for the service's own database role, fed with every refused
 * request and every erasure, and read by admins through the API.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class AuditLogTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final AuditTrail AUDIT = AuditTrail.of("intake");
    /** PostgreSQL's insufficient_privilege. */
    private static final String REFUSED = "42501";

    @Inject
    RefusalLogPruning pruning;

    @Inject
    AuditLog auditLog;

    @Test
    void theServicesRoleMayAppendAndReadTheLogButNeverChangeOrRemoveAnEntry() {
        assertThat(AUDIT.refusalOf("insert into audit_log (actor, action, subject, outcome)"
                + " values ('test', 'test.append', 'nothing', 'ok')")).isEmpty();
        assertThat(AUDIT.refusalOf("select count(*) from audit_log")).isEmpty();

        assertThat(AUDIT.refusalOf("update audit_log set actor = 'someone-else'")).contains(REFUSED);
        assertThat(AUDIT.refusalOf("delete from audit_log")).contains(REFUSED);
        assertThat(AUDIT.refusalOf("truncate audit_log")).contains(REFUSED);
        assertThat(AUDIT.refusalOf("drop table audit_log")).contains(REFUSED);
        assertThat(AUDIT.refusalOf("alter table audit_log disable trigger all")).contains(REFUSED);
    }

    @Test
    void theServicesRoleOwnsNothingAndCreatesNothing() {
        assertThat(AUDIT.refusalOf("create table scratch (id int)")).contains(REFUSED);
        assertThat(AUDIT.refusalOf("delete from flyway_schema_history")).contains(REFUSED);
        assertThat(AUDIT.refusalOf("update outbox_message set attempts = attempts where false")).isEmpty();
    }

    @Test
    void aRequestWithoutATokenIsAuditedAsAnonymous() {
        UUID contact = UUID.randomUUID();

        given().header("X-Access-Reason", "probing").get("/api/v1/contacts/{id}", contact).then().statusCode(401);

        AUDIT.awaitEntry(new Entry("anonymous", "http.refused", "GET /api/v1/contacts/" + contact, null,
                "refused-401"));
    }

    @Test
    void aRequestWithABadTokenIsAuditedAsAnonymous() {
        UUID contact = UUID.randomUUID();

        given().auth().oauth2(TOKENS.expired("officer-7", Roles.CASE_OFFICER)).header("X-Access-Reason", "probing")
                .get("/api/v1/contacts/{id}", contact).then().statusCode(401);

        AUDIT.awaitEntry(new Entry("anonymous", "http.refused", "GET /api/v1/contacts/" + contact, null,
                "refused-401"));
    }

    @Test
    void aRequestOutsideTheTokensRoleIsAuditedWithItsSubject() {
        UUID contact = UUID.randomUUID();

        given().auth().oauth2(TOKENS.mint("analyst-9", Roles.ANALYST)).header("X-Access-Reason", "curious")
                .get("/api/v1/contacts/{id}", contact).then().statusCode(403);

        AUDIT.awaitEntry(new Entry("analyst-9", "http.refused", "GET /api/v1/contacts/" + contact, null,
                "refused-403"));
    }

    @Test
    void aReadOfPersonalDataKeepsThatAReasonWasGivenButNotItsWords() {
        String canary = "canary-" + UUID.randomUUID();
        String reason = "his mother " + canary + " asked after him";
        String id = given().auth().oauth2(TOKENS.mint("operator-5", Roles.OPERATOR)).contentType(ContentType.JSON)
                .body(Contacts.surrenderRequest(Contacts.freshPhoneNumber()))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");

        // A supervisor: the contact is on no case, so no case officer may read it (need to know).
        given().auth().oauth2(TOKENS.mint("supervisor-5", Roles.SUPERVISOR)).header("X-Access-Reason", reason)
                .get("/api/v1/contacts/{id}", id).then().statusCode(200);

        assertThat(AUDIT.about(id)).containsExactly(
                new Entry("supervisor-5", "personal-data.read", id, reason.length(), "ok: supervisor"));
        assertThat(AUDIT.entriesHolding(canary)).isZero();
    }

    @Test
    void anErasureIsAuditedWithTheAdminAndTheCallerKey() {
        String callerKey = "k1-" + UUID.randomUUID();

        given().auth().oauth2(TOKENS.mint("admin-2", Roles.ADMIN))
                .delete("/api/v1/callers/{key}/personal-data", callerKey).then().statusCode(404);

        assertThat(AUDIT.about(callerKey)).containsExactly(
                new Entry("admin-2", "caller.erasure", callerKey, null, "nothing-held"));
    }

    @Test
    void anAdminReadsTheLogByActorAndSubject() {
        UUID contact = UUID.randomUUID();
        String actor = "operator-" + UUID.randomUUID();
        given().auth().oauth2(TOKENS.mint(actor, Roles.OPERATOR)).header("X-Access-Reason", "curious")
                .get("/api/v1/contacts/{id}", contact).then().statusCode(403);
        AUDIT.awaitEntry(new Entry(actor, "http.refused", "GET /api/v1/contacts/" + contact, null, "refused-403"));

        given().auth().oauth2(TOKENS.mint("admin-1", Roles.ADMIN))
                .queryParam("actor", actor).queryParam("subject", "GET /api/v1/contacts/" + contact)
                .queryParam("from", "2020-01-01T00:00:00Z")
                .get("/api/v1/admin/audit").then().statusCode(200)
                .body("entries.size()", equalTo(1))
                .body("entries[0].actor", equalTo(actor))
                .body("entries[0].action", equalTo("http.refused"))
                .body("entries[0].outcome", equalTo("refused-403"))
                .body("size", equalTo(100));
    }

    @Test
    void refusalsPastTheirRetentionArePrunedAndNothingElseIs() {
        String tag = UUID.randomUUID().toString();
        Entry oldRefusal = new Entry("anonymous", "http.refused", "GET /old/" + tag, null, "refused-401");
        Entry oldSummary = new Entry("anonymous", "http.refused.suppressed", "old-summary-" + tag, null,
                "refused-401 x40 from 1 source");
        Entry oldRead = new Entry("officer-1", "personal-data.read", "old-read-" + tag, 12, "ok");
        Entry recentRefusal = new Entry("anonymous", "http.refused", "GET /recent/" + tag, null, "refused-401");
        AUDIT.insertAged(oldRefusal, Duration.ofDays(91));
        AUDIT.insertAged(oldSummary, Duration.ofDays(91));
        AUDIT.insertAged(oldRead, Duration.ofDays(400));
        AUDIT.insertAged(recentRefusal, Duration.ofDays(89));

        assertThat(pruning.prune()).isGreaterThanOrEqualTo(2);

        assertThat(AUDIT.about(oldRefusal.subject())).isEmpty();
        assertThat(AUDIT.about(oldSummary.subject())).isEmpty();
        assertThat(AUDIT.about(oldRead.subject())).containsExactly(oldRead);
        assertThat(AUDIT.about(recentRefusal.subject())).containsExactly(recentRefusal);
    }

    @Test
    void theServiceCannotPruneTheLastDaysRefusalsWhateverRetentionItAsksFor() {
        Entry hoursOld = new Entry("anonymous", "http.refused", "GET /hours-old/" + UUID.randomUUID(), null,
                "refused-401");
        AUDIT.insertAged(hoursOld, Duration.ofHours(23));

        auditLog.pruneRefusals(Duration.ZERO);

        assertThat(AUDIT.about(hoursOld.subject())).containsExactly(hoursOld);
        // And it still may delete nothing itself: pruning goes through the owner's function only.
        assertThat(AUDIT.refusalOf("delete from audit_log where action = 'http.refused'")).contains(REFUSED);
    }

    @Test
    void aBadFilterIsAProblemNamingEachField() {
        given().auth().oauth2(TOKENS.mint("admin-1", Roles.ADMIN))
                .queryParam("from", "yesterday").queryParam("size", "100000").queryParam("page", "-1")
                .get("/api/v1/admin/audit").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("from", "page", "size")));

        given().auth().oauth2(TOKENS.mint("admin-1", Roles.ADMIN))
                .queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/v1/admin/audit").then().statusCode(400)
                .body("errors.field", hasItem("to"));
    }
}
