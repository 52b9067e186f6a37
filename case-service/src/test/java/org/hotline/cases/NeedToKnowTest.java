package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.events.CallerRole;
import org.hotline.events.CaseAssigned;
import org.hotline.events.CaseEvent;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.Purpose;
import org.hotline.events.Topics;
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
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Need to know, with real signed tokens: a case's history, its free text, its personal data and the
 * linking of inquiries to it are for the officer or team it is assigned to, and for a supervisor
 * with a reason; everyone else gets 403, and each read and refusal is in the audit log. The
 * personal-data read goes on to intake, which is this test app (it serves no contacts): a 404
 * "intake-service has no contact" shows the request got past case-service's own check.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class NeedToKnowTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final AuditTrail AUDIT = AuditTrail.of("cases");

    private final String assigned = "officer-" + UUID.randomUUID();
    private final String stranger = "officer-" + UUID.randomUUID();
    private final String team = "team-" + UUID.randomUUID();
    private final String supervisor = "supervisor-" + UUID.randomUUID();

    @Test
    void aSupervisorAssignsACaseAndItsEventCarriesItsContacts() {
        String reference = newReference();
        ContactRecorded request = send(Contacts.surrenderRequest(newCallerKey(), reference));
        String caseId = awaitOpened(reference);

        assign(reference, Map.of("officer", assigned, "team", team)).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("assignee.officer", equalTo(assigned))
                .body("assignee.team", equalTo(team))
                .body("version", equalTo(2));

        List<CaseEvent> events = TopicReader.awaitRecords(Topics.CASES, r -> caseId.equals(r.key()), 2).stream()
                .map(r -> (CaseEvent) EventJson.read(r.value())).toList();
        assertThat(events.get(1)).usingRecursiveComparison().ignoringFields("eventId", "occurredAt").isEqualTo(
                new CaseAssigned(null, UUID.fromString(caseId), reference, 2, null, assigned, team,
                        List.of(request.contactId())));
        assertThat(AUDIT.about(reference)).contains(
                new Entry(supervisor, "case.assign", reference, null, "ok: officer " + assigned + ", team " + team));
    }

    @Test
    void assigningTheSameAssigneeAgainChangesNothingAndPublishesNothing() {
        String reference = capturedCase();
        String caseId = asOfficer(stranger).get("/api/v1/cases/{reference}", reference).then().extract().path("id");
        assign(reference, Map.of("team", team)).then().statusCode(200).body("version", equalTo(2));

        assign(reference, Map.of("team", team)).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("assignee.officer", nullValue())
                .body("assignee.team", equalTo(team));
        // A later change shows that no second assignment went out before it.
        asAdmin().body(Map.of("officer", assigned)).put("/api/v1/cases/{reference}/assignee", reference)
                .then().statusCode(200).body("version", equalTo(3));

        List<CaseEvent> events = TopicReader.awaitRecords(Topics.CASES, r -> caseId.equals(r.key()), 3).stream()
                .map(r -> (CaseEvent) EventJson.read(r.value())).toList();
        assertThat(events).extracting(CaseEvent::caseVersion).containsExactly(1L, 2L, 3L);
        assertThat(AUDIT.about(reference)).filteredOn(e -> e.action().equals("case.assign")).extracting(Entry::outcome)
                .containsExactly("ok: officer none, team " + team, "unchanged: officer none, team " + team,
                        "ok: officer " + assigned + ", team none");
    }

    @Test
    void aBadAssigneeIsRefusedNamingEveryFieldAndChangesNothing() {
        String reference = capturedCase();

        assign(reference, Map.of("officer", " ", "team", "x".repeat(101))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("officer", "team")));
        assign(reference, Map.of()).then().statusCode(400).body("errors.field", equalTo(List.of("officer")));
        assign(reference, Map.of("officer", "tab\there")).then().statusCode(400)
                .body("errors[0].message", containsString("control characters"));

        asOfficer(stranger).get("/api/v1/cases/{reference}", reference).then().statusCode(200)
                .body("version", equalTo(1)).body("assignee", nullValue());
    }

    @Test
    void onlyASupervisorOrAnAdminAssigns() {
        String reference = capturedCase();

        asOfficer(assigned).body(Map.of("officer", assigned)).put("/api/v1/cases/{reference}/assignee", reference)
                .then().statusCode(403).contentType("application/problem+json");

        AUDIT.awaitEntry(new Entry(assigned, "http.refused", "PUT /api/v1/cases/" + reference + "/assignee", null,
                "refused-403"));
    }

    @Test
    void theAssignedOfficerReadsTheHistoryAndAnotherGets403() {
        String reference = capturedCase();
        assign(reference, Map.of("officer", assigned)).then().statusCode(200);

        asOfficer(assigned).get("/api/v1/cases/{reference}/history", reference).then().statusCode(200)
                .body("entries[0].reason", equalTo("caught near a named village"));
        asOfficer(stranger).get("/api/v1/cases/{reference}/history", reference).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("not assigned to you"))
                .body("entries", nullValue());

        assertThat(AUDIT.about(reference)).filteredOn(e -> e.action().equals("case.history.read")).containsExactly(
                new Entry(assigned, "case.history.read", reference, null, "ok: assigned"),
                new Entry(stranger, "case.history.read", reference, null, "refused: not assigned"));
        AUDIT.awaitEntry(new Entry(stranger, "http.refused", "GET /api/v1/cases/" + reference + "/history", null,
                "refused-403"));
    }

    @Test
    void aMemberOfTheAssignedTeamReadsAndAMemberOfAnotherDoesNot() {
        String reference = capturedCase();
        assign(reference, Map.of("team", team)).then().statusCode(200);

        inTeam(team, stranger).get("/api/v1/cases/{reference}/history", reference).then().statusCode(200);
        inTeam("team-" + UUID.randomUUID(), assigned).get("/api/v1/cases/{reference}/history", reference)
                .then().statusCode(403);

        assertThat(AUDIT.about(reference)).filteredOn(e -> e.action().equals("case.history.read")).containsExactly(
                new Entry(stranger, "case.history.read", reference, null, "ok: team"),
                new Entry(assigned, "case.history.read", reference, null, "refused: not assigned"));
    }

    @Test
    void aReassignedCaseIsNoLongerReadableByItsFormerOfficer() {
        String reference = capturedCase();
        assign(reference, Map.of("officer", assigned)).then().statusCode(200);
        asOfficer(assigned).get("/api/v1/cases/{reference}/history", reference).then().statusCode(200);

        assign(reference, Map.of("officer", stranger)).then().statusCode(200);

        asOfficer(assigned).get("/api/v1/cases/{reference}/history", reference).then().statusCode(403);
        asOfficer(stranger).get("/api/v1/cases/{reference}/history", reference).then().statusCode(200);
    }

    @Test
    void aSupervisorReadsAnyCaseWithAReasonAndIsRefusedWithoutOne() {
        String reference = capturedCase();
        String reason = "checking the custody record";

        asSupervisor().header("X-Access-Reason", reason).get("/api/v1/cases/{reference}/history", reference)
                .then().statusCode(200).body("entries[0].reason", equalTo("caught near a named village"));
        asSupervisor().get("/api/v1/cases/{reference}/history", reference).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("X-Access-Reason")));

        assertThat(AUDIT.about(reference)).filteredOn(e -> e.action().equals("case.history.read")).containsExactly(
                new Entry(supervisor, "case.history.read", reference, reason.length(), "ok: supervisor"),
                new Entry(supervisor, "case.history.read", reference, null, "refused: no reason"));
    }

    @Test
    void personalDataOfACaseIsAskedOfIntakeOnlyForItsOfficerOrASupervisor() {
        String reference = newReference();
        ContactRecorded request = send(Contacts.surrenderRequest(newCallerKey(), reference));
        awaitOpened(reference);
        assign(reference, Map.of("officer", assigned)).then().statusCode(200);
        String contact = request.contactId().toString();

        personalData(asOfficer(stranger), reference, contact).then().statusCode(403)
                .contentType("application/problem+json");
        personalData(asOfficer(assigned), reference, contact).then().statusCode(404)
                .body("detail", containsString("intake-service has no contact"));
        personalData(asSupervisor(), reference, contact).then().statusCode(404)
                .body("detail", containsString("intake-service has no contact"));

        int length = "to tell his mother".length();
        assertThat(AUDIT.about(contact)).containsExactly(
                new Entry(stranger, "personal-data.request", contact, length,
                        "refused: not assigned, case " + reference),
                new Entry(assigned, "personal-data.request", contact, length,
                        "asked intake, case " + reference + ", ok: assigned"),
                new Entry(supervisor, "personal-data.request", contact, length,
                        "asked intake, case " + reference + ", ok: supervisor"));
    }

    @Test
    void onlyWhoMayReadACaseLinksAnInquiryToIt() {
        String reference = capturedCase();
        assign(reference, Map.of("officer", assigned)).then().statusCode(200);
        ContactRecorded inquiry = send(Contacts.contact(newCallerKey(), CallerRole.RELATIVE,
                Purpose.RELATIVE_INQUIRY, null, Contacts.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> asOfficer(stranger)
                .queryParam("open", "true").get("/api/v1/inquiries").then().extract()
                .<List<String>>path("items.id").contains(inquiry.contactId().toString()));

        link(asOfficer(stranger), reference, inquiry.contactId()).then().statusCode(403);
        link(asOfficer(assigned), reference, inquiry.contactId()).then().statusCode(200).body("contactCount",
                equalTo(1));

        assertThat(AUDIT.about(reference)).filteredOn(e -> e.action().equals("case.inquiry.link")).containsExactly(
                new Entry(stranger, "case.inquiry.link", reference, null, "refused: not assigned"),
                new Entry(assigned, "case.inquiry.link", reference, null,
                        "ok: assigned, inquiry " + inquiry.contactId()));
    }

    @Test
    void theBoardAndTheCaseItselfAreNotFilteredByAssignment() {
        String reference = capturedCase();
        assign(reference, Map.of("officer", assigned)).then().statusCode(200);

        asOfficer(stranger).get("/api/v1/cases/{reference}", reference).then().statusCode(200)
                .body("assignee.officer", equalTo(assigned));
        asOfficer(stranger).queryParam("state", "IN_CUSTODY").queryParam("size", "200").get("/api/v1/cases")
                .then().statusCode(200);
    }

    /** Waits until the request opened its case, and returns the case's id. */
    private String awaitOpened(String reference) {
        await().atMost(Duration.ofSeconds(30)).until(() -> asSupervisor().get("/api/v1/cases/{reference}", reference)
                .statusCode() == 200);
        return asSupervisor().get("/api/v1/cases/{reference}", reference).then().extract().path("id");
    }

    private Response assign(String reference, Map<String, String> assignee) {
        return asSupervisor().body(assignee).put("/api/v1/cases/{reference}/assignee", reference);
    }

    private static Response personalData(RequestSpecification as, String reference, String contact) {
        return as.header("X-Access-Reason", "to tell his mother")
                .get("/api/v1/cases/{reference}/contacts/{id}/personal-data", reference, contact);
    }

    private static Response link(RequestSpecification as, String reference, UUID inquiry) {
        return as.post("/api/v1/cases/{reference}/inquiries/{id}", reference, inquiry);
    }

    private String capturedCase() {
        return asOfficer(stranger).body(Map.of("state", "IN_CUSTODY", "mode", "CAPTURED", "origin", "RU",
                        "reason", "caught near a named village"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("reference");
    }

    private static RequestSpecification asOfficer(String officer) {
        return given().auth().oauth2(TOKENS.mint(officer, Roles.CASE_OFFICER)).contentType(ContentType.JSON);
    }

    private static RequestSpecification inTeam(String team, String officer) {
        return given().auth().oauth2(TOKENS.mintInTeam(team, officer, Roles.CASE_OFFICER)).contentType(ContentType.JSON);
    }

    private RequestSpecification asSupervisor() {
        return given().auth().oauth2(TOKENS.mint(supervisor, Roles.SUPERVISOR)).contentType(ContentType.JSON);
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TOKENS.mint("admin-" + UUID.randomUUID(), Roles.ADMIN))
                .contentType(ContentType.JSON);
    }
}
