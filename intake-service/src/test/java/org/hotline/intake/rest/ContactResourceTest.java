package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.events.CallerRole;
import org.hotline.events.CaseReference;
import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.intake.Contacts;
import org.hotline.intake.FakeCaseService;
import org.hotline.intake.IntakeDatabase;
import org.hotline.testing.AuditTrail;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
// Reads contacts on no case, with a reason, as a supervisor may (need to know: a case officer alone
// reads only contacts of cases assigned to him; NeedToKnowTest shows that).
@TestSecurity(user = "operator-3", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.SUPERVISOR })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class ContactResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void surrenderRequestIsCreatedWithLocationAndAWellFormedReference() {
        var response = Contacts.post(Contacts.surrenderRequest(Contacts.freshPhoneNumber()))
                .statusCode(201)
                .extract();
        String id = response.path("id");
        String reference = response.path("caseReference");

        assertThat(response.header("Location")).endsWith("/api/v1/contacts/" + id);
        assertThat(response.<String>path("purpose")).isEqualTo("SURRENDER_REQUEST");
        assertThat(response.<String>path("receivedAt")).isNotNull();
        assertThat(CaseReference.normalize(reference)).contains(reference);
    }

    @Test
    void readingWithAReasonReturnsTheWholeContactAndIsAudited() {
        String phoneNumber = Contacts.freshPhoneNumber();
        String receivedAt = "2023-03-01T09:30:00Z";
        UUID id = UUID.fromString(Contacts.post("""
                {"channel": "WEB_FORM", "receivedAt": "%s", "purpose": "SURRENDER_REQUEST", "origin": "UA_OCCUPIED",
                 "caller": {"identifier": "%s", "role": "SERVICEMAN"},
                 "details": {"fullName": "Ivan Petrov", "birthDate": "1990-04-23", "unit": "Unit 12345",
                             "location": "Near Bakhmut", "notes": "Wants to surrender with two comrades"}}
                """.formatted(receivedAt, phoneNumber)).statusCode(201).extract().<String>path("id"));

        ContactView view = Contacts.read(id, "operator follow-up call").statusCode(200).extract().as(ContactView.class);

        assertThat(view).usingRecursiveComparison().ignoringFields("callerKey", "recordedAt", "caseReference")
                .isEqualTo(new ContactView(id, null, new ContactView.Caller(phoneNumber, CallerRole.SERVICEMAN),
                        Channel.WEB_FORM, Purpose.SURRENDER_REQUEST, Origin.UA_OCCUPIED, Instant.parse(receivedAt),
                        null, null,
                        new ContactView.Details("Ivan Petrov", LocalDate.of(1990, 4, 23), "Unit 12345",
                                "Near Bakhmut", "Wants to surrender with two comrades"), false));
        assertThat(view.callerKey()).matches("p-[0-9a-f]{32}");
        assertThat(CaseReference.isWellFormed(view.caseReference())).isTrue();
        // The reason's length, not its words (audit module).
        assertThat(AuditTrail.of("intake").about(id.toString())).containsExactly(new AuditTrail.Entry("operator-3",
                "personal-data.read", id.toString(), "operator follow-up call".length(), "ok: supervisor"));
    }

    @Test
    void readingWithoutAReasonIsRefusedAndNotAudited() {
        UUID id = recordedContact();

        given().when().get("/api/v1/contacts/{id}", id).then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", equalTo(List.of("X-Access-Reason")));
        Contacts.read(id, "   ").statusCode(400).body("errors.field", equalTo(List.of("X-Access-Reason")));
        Contacts.read(id, "x".repeat(201)).statusCode(400).body("errors.field", equalTo(List.of("X-Access-Reason")));

        assertThat(IntakeDatabase.count("select count(*) from audit_log where action = 'personal-data.read'"
                + " and subject = ?", id.toString())).isZero();
    }

    @Test
    void readingAnUnknownContactIsNotFound() {
        Contacts.read(UUID.randomUUID(), "checking a case").statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void readingWithAnIdThatIsNotAUuidIsAClientError() {
        int status = given().header("X-Access-Reason", "checking a case")
                .when().get("/api/v1/contacts/not-a-uuid")
                .then().contentType(PROBLEM_JSON).extract().statusCode();

        assertThat(status).isIn(400, 404);
    }

    @Test
    void everyBadFieldIsListedInOneAnswerAndNothingIsStored() {
        long before = IntakeDatabase.contacts();

        var problem = Contacts.post("""
                {"channel": "FAX", "receivedAt": "2020-01-01T00:00:00Z", "purpose": "SURRENDER_REQUEST",
                 "details": {"birthDate": "23.04.1990", "notes": "%s"}}
                """.formatted("n".repeat(2001)))
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .extract();

        assertThat(problem.jsonPath().getList("errors.field")).containsExactlyInAnyOrder(
                "caller", "channel", "details.birthDate", "details.notes", "receivedAt");
        assertThat(problem.jsonPath().getList("errors", Map.class)).contains(
                Map.of("field", "channel", "message", "must be one of [PHONE, CHAT_BOT, WEB_FORM]"));
        assertThat(IntakeDatabase.contacts()).isEqualTo(before);
    }

    @Test
    void badCallerFieldsAreNamedByTheirPath() {
        Contacts.post("""
                {"channel": "PHONE", "purpose": "INFORMATION",
                 "caller": {"identifier": "%s", "role": "GENERAL"}}
                """.formatted("7".repeat(65)))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("caller.identifier", "caller.role")));
        Contacts.post("""
                {"channel": "PHONE", "purpose": "INFORMATION", "caller": {"identifier": "a\\nb", "role": "OTHER"}}
                """)
                .statusCode(400)
                .body("errors.field", equalTo(List.of("caller.identifier")));
    }

    @Test
    void malformedJsonIsABadRequest() {
        Contacts.post("{\"channel\": \"PHONE\",").statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void anUnknownFieldIsABadRequestNamingIt() {
        long before = IntakeDatabase.contacts();

        Contacts.post("""
                {"channel": "PHONE", "purpose": "INFORMATION", "callerName": "Ivan",
                 "caller": {"identifier": "%s", "role": "OTHER"}}
                """.formatted(Contacts.freshPhoneNumber()))
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", equalTo(List.of("callerName")));

        assertThat(IntakeDatabase.contacts()).isEqualTo(before);
    }

    @Test
    void aFieldOfTheWrongTypeIsABadRequestNamingIt() {
        Contacts.post("""
                {"channel": "PHONE", "purpose": "INFORMATION", "caller": "+79123456789"}
                """)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", equalTo(List.of("caller")));
    }

    @Test
    void aMissingBodyIsABadRequest() {
        given().contentType(ContentType.JSON).when().post("/api/v1/contacts").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aContactTimeInTheFutureIsRefused() {
        Contacts.post("""
                {"channel": "PHONE", "purpose": "INFORMATION", "receivedAt": "%s",
                 "caller": {"identifier": "%s", "role": "OTHER"}}
                """.formatted(Instant.now().plus(1, ChronoUnit.DAYS), Contacts.freshPhoneNumber()))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("receivedAt")));
    }

    @Test
    void aContactWithoutOriginIsRecordedWithUnknownOrigin() {
        UUID id = UUID.fromString(Contacts.post("""
                {"channel": "PHONE", "purpose": "NON_DATA", "caller": {"identifier": "%s", "role": "OTHER"}}
                """.formatted(Contacts.freshPhoneNumber())).statusCode(201).extract().<String>path("id"));

        Contacts.read(id, "quality check").statusCode(200).body("origin", equalTo("UNKNOWN"));
    }

    @Test
    void aFollowUpWithoutAReferenceIsRefused() {
        Contacts.post("""
                {"channel": "PHONE", "purpose": "FOLLOW_UP", "caller": {"identifier": "%s", "role": "RELATIVE"}}
                """.formatted(Contacts.freshPhoneNumber()))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("caseReference")));
    }

    @Test
    void aFollowUpWithAMalformedReferenceIsRefused() {
        Contacts.post(Contacts.followUp("ABCD-EFG"))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("caseReference")));
    }

    @Test
    void aFollowUpWithAWellFormedReferenceNeverIssuedIsUnprocessable() {
        long before = IntakeDatabase.contacts();

        Contacts.post(Contacts.followUp(CaseReference.generate(new SecureRandom(), CaseReference.Issuer.CASE_SERVICE)))
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("caseReference"));

        assertThat(IntakeDatabase.contacts()).isEqualTo(before);
    }

    @Test
    void aFollowUpWithAnIssuedReferenceIsRecordedUnderItsCanonicalForm() {
        String reference = Contacts.issuedReference();
        String typed = reference.replace("-", "").toLowerCase();

        Contacts.post(Contacts.followUp(typed))
                .statusCode(201)
                .body("id", notNullValue())
                .body("purpose", equalTo("FOLLOW_UP"))
                .body("caseReference", equalTo(reference));
    }

    @Test
    void aRelativeMayAskWithOrWithoutAReference() {
        String reference = Contacts.issuedReference();
        String inquiry = """
                {"channel": "PHONE", "purpose": "RELATIVE_INQUIRY", "origin": "RU",
                 "caller": {"identifier": "%s", "role": "RELATIVE"} %s}
                """;

        Contacts.post(inquiry.formatted(Contacts.freshPhoneNumber(), ""))
                .statusCode(201);
        Contacts.post(inquiry.formatted(Contacts.freshPhoneNumber(), ", \"caseReference\": \"" + reference + "\""))
                .statusCode(201)
                .body("caseReference", equalTo(reference));
    }

    @Test
    void aReferenceIsNotAllowedForOtherPurposes() {
        String reference = Contacts.issuedReference();

        for (String purpose : List.of("SURRENDER_REQUEST", "INFORMATION", "NON_DATA")) {
            Contacts.post("""
                    {"channel": "PHONE", "purpose": "%s", "caseReference": "%s",
                     "caller": {"identifier": "%s", "role": "SERVICEMAN"}}
                    """.formatted(purpose, reference, Contacts.freshPhoneNumber()))
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("caseReference")));
        }
    }

    private static UUID recordedContact() {
        return UUID.fromString(Contacts.post(Contacts.surrenderRequest(Contacts.freshPhoneNumber()))
                .statusCode(201).extract().<String>path("id"));
    }
}
