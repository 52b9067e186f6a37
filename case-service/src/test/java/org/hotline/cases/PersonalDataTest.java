package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;

import java.util.List;
import java.util.UUID;

import org.hotline.events.ContactRecorded;
import org.hotline.testing.AuditTrail;
import org.hotline.testing.AuditTrail.Entry;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * case-service's own part of a personal-data read: the checks before intake is asked, its audit
 * row, and a "not found" passed on. Its intake client points back at this test app, which serves
 * no contacts, so every read that gets as far as intake answers 404 here. That intake answers with
 * the data, under the officer's own token, and audits the read as him, is shown across the two
 * real services by system-tests' {@code PersonalDataIT}.
 */
@QuarkusTest
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class PersonalDataTest {

    @Test
    void contactIntakeDoesNotKnowIsNotFound() {
        String reference = newReference();
        ContactRecorded request = send(Contacts.surrenderRequest(newCallerKey(), reference));
        awaitCase(reference, c -> true);
        Officers.assignToMe(reference);

        read(reference, request.contactId(), "to arrange his exchange")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("intake-service has no contact"));
    }

    @Test
    void theAuditRowOfARequestKeepsThatAReasonWasGivenButNotItsWords() {
        String reference = newReference();
        ContactRecorded request = send(Contacts.surrenderRequest(newCallerKey(), reference));
        awaitCase(reference, c -> true);
        Officers.assignToMe(reference);
        String canary = "canary-" + UUID.randomUUID();
        String reason = "to tell " + canary + " he is alive";

        read(reference, request.contactId(), reason).then().statusCode(404);

        String contact = request.contactId().toString();
        assertThat(AuditTrail.of("cases").about(contact)).containsExactly(new Entry(Officers.OFFICER,
                "personal-data.request", contact, reason.length(), "asked intake, case " + reference + ", ok: assigned"));
        assertThat(AuditTrail.of("cases").entriesHolding(canary)).isZero();
    }

    @Test
    void contactNotLinkedToTheCaseIsNotFoundWithoutAskingIntake() {
        String reference = Officers.capture("state", "IN_CUSTODY", "mode", "CAPTURED");
        Officers.assignToMe(reference);
        UUID contact = UUID.randomUUID();

        read(reference, contact, "to tell his family")
                .then().statusCode(404)
                .body("detail", containsString("not linked to case " + reference));

        assertThat(AuditTrail.of("cases").about(contact.toString())).containsExactly(new Entry(Officers.OFFICER,
                "personal-data.request", contact.toString(), "to tell his family".length(),
                "not-linked: case " + reference));
    }

    @Test
    void readWithoutReasonOrWithBadContactIdIsRefusedNamingBoth() {
        given().get("/api/v1/cases/{reference}/contacts/{id}/personal-data", newReference(), "nope")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("contactId", "X-Access-Reason")));
    }

    static io.restassured.response.Response read(String reference, UUID contactId, String reason) {
        return Officers.officer().header("X-Access-Reason", reason)
                .get("/api/v1/cases/{reference}/contacts/{id}/personal-data", reference, contactId);
    }
}
