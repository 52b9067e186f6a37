package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.contact;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;
import static org.hotline.cases.Contacts.unverified;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.hotline.cases.rest.CaseView;
import org.hotline.cases.rest.HistoryEntry;
import org.hotline.cases.rest.InquiryView;
import org.hotline.events.CallerRole;
import org.hotline.events.ContactRecorded;
import org.hotline.events.Purpose;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

@QuarkusTest
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class InquiryTest {

    @Test
    void relativesInquiryWithoutReferenceWaitsOpenUntilAnOfficerLinksIt() {
        String reference = newReference();
        send(contact(newCallerKey(), CallerRole.SERVICEMAN, Purpose.SURRENDER_REQUEST, reference,
                Contacts.now().minus(2, ChronoUnit.DAYS)));
        ContactRecorded inquiry = send(contact(newCallerKey(), CallerRole.RELATIVE, Purpose.RELATIVE_INQUIRY, null,
                Contacts.now().minus(1, ChronoUnit.DAYS)));
        awaitCase(reference, c -> true);
        await().atMost(Duration.ofSeconds(30)).until(() -> listed("open", inquiry.contactId()));
        assertThat(list("open").items()).filteredOn(i -> i.id().equals(inquiry.contactId())).singleElement()
                .usingRecursiveComparison().isEqualTo(new InquiryView("OPEN_INQUIRY", inquiry.contactId(),
                        Purpose.RELATIVE_INQUIRY, inquiry.occurredAt(), null, null));

        // Only whoever may read the case links to it (need to know): assigning it makes it version 2.
        Officers.assignToMe(reference);
        link(reference, inquiry.contactId()).then().statusCode(200)
                .header("ETag", "\"3\"")
                .body("contactCount", equalTo(2));

        assertThat(listed("open", inquiry.contactId())).isFalse();
        assertThat(CaseApi.history(reference).entries()).last().usingRecursiveComparison().isEqualTo(
                new HistoryEntry("INQUIRY", inquiry.occurredAt(), 3, null, null, null, null, null, null,
                        inquiry.contactId(), Purpose.RELATIVE_INQUIRY, Officers.OFFICER, false));
        link(reference, inquiry.contactId()).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void linkingUnknownInquiryIsNotFoundAndMalformedIdIsBadRequest() {
        String reference = Officers.capture("state", "IN_CUSTODY", "mode", "CAPTURED");
        Officers.assignToMe(reference);

        link(reference, UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        Officers.officer().post("/api/v1/cases/{reference}/inquiries/{id}", reference, "not-an-id")
                .then().statusCode(400).body("errors.field", equalTo(List.of("inquiryId")));
    }

    @Test
    void unverifiedFollowUpNamingAKnownCaseIsLinked() {
        String callerKey = newCallerKey();
        String reference = newReference();
        send(Contacts.surrenderRequest(callerKey, reference));
        send(unverified(callerKey, CallerRole.SERVICEMAN, Purpose.FOLLOW_UP, reference, Contacts.now()));

        CaseView linked = awaitCase(reference, c -> c.contactCount() == 2);

        assertThat(linked.version()).isEqualTo(2);
    }

    @Test
    void unverifiedContactNamingNoCaseWaitsUnsettledAndIsLinkedWhenTheCaseOpens() {
        String reference = newReference();
        ContactRecorded relative = send(unverified(newCallerKey(), CallerRole.RELATIVE, Purpose.RELATIVE_INQUIRY,
                reference, Contacts.now().minus(1, ChronoUnit.HOURS)));
        await().atMost(Duration.ofSeconds(30)).until(() -> listed("unsettled", relative.contactId()));
        assertThat(list("unsettled").items()).filteredOn(i -> i.id().equals(relative.contactId())).singleElement()
                .usingRecursiveComparison().isEqualTo(new InquiryView("UNSETTLED", relative.contactId(),
                        Purpose.RELATIVE_INQUIRY, relative.occurredAt(), reference, true));

        // His own request arrives later: on another caller's key, so Kafka does not order the two.
        send(contact(newCallerKey(), CallerRole.SERVICEMAN, Purpose.SURRENDER_REQUEST, reference,
                Instant.now().minus(2, ChronoUnit.HOURS)));

        CaseView settled = awaitCase(reference, c -> c.contactCount() == 2);
        assertThat(settled.version()).isEqualTo(2);
        assertThat(listed("unsettled", relative.contactId())).isFalse();
        assertThat(CaseApi.history(reference).entries()).extracting(HistoryEntry::contactId)
                .contains(relative.contactId());
    }

    @Test
    void inquiryListNeedsExactlyOneOfOpenOrUnsettled() {
        given().get("/api/v1/inquiries").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("open", "yes").get("/api/v1/inquiries").then().statusCode(400)
                .body("errors.field", equalTo(List.of("open")));
    }

    private static Response link(String reference, UUID inquiryId) {
        return Officers.officer().post("/api/v1/cases/{reference}/inquiries/{id}", reference, inquiryId);
    }

    private static InquiryView.Page list(String which) {
        return CaseApi.read(given().queryParam(which, "true").get("/api/v1/inquiries").then().statusCode(200)
                .extract().response(), InquiryView.Page.class);
    }

    private static boolean listed(String which, UUID id) {
        return list(which).items().stream().anyMatch(i -> i.id().equals(id));
    }
}
