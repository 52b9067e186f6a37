package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.contact;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;
import static org.hotline.cases.Officers.OFFICER;
import static org.hotline.cases.Officers.cared;
import static org.hotline.cases.Officers.moved;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hotline.cases.rest.CaseHistoryView;
import org.hotline.cases.rest.CaseView;
import org.hotline.cases.rest.HistoryEntry;
import org.hotline.events.CallerRole;
import org.hotline.events.CareKind;
import org.hotline.events.CaseState;
import org.hotline.events.ContactRecorded;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CaseLifecycleTest {

    @Test
    void caseGoesFromRequestToExchangeAndItsHistoryShowsEveryStepOldestFirst() {
        Instant start = Contacts.now().minus(5, ChronoUnit.DAYS);
        String callerKey = newCallerKey();
        String reference = newReference();
        ContactRecorded request = send(contact(callerKey, CallerRole.SERVICEMAN, Purpose.SURRENDER_REQUEST, reference,
                start));
        ContactRecorded followUp = send(contact(callerKey, CallerRole.SERVICEMAN, Purpose.FOLLOW_UP, reference,
                start.plus(1, ChronoUnit.HOURS)));
        awaitCase(reference, c -> c.contactCount() == 2);

        moved(reference, "to", "VERIFIED", "reason", "identity checked", "at", at(start, 2));
        moved(reference, "to", "SURRENDER_ARRANGED", "at", at(start, 3));
        moved(reference, "to", "IN_CUSTODY", "mode", "SURRENDERED", "at", at(start, 4));
        cared(reference, "kind", "MEDICAL_CARE", "at", at(start, 5), "note", "minor wound dressed");
        cared(reference, "kind", "CAPTURE_CARD_SENT", "at", at(start, 6));
        moved(reference, "to", "EXCHANGED", "reason", "exchange of prisoners", "at", at(start, 7));

        CaseView exchanged = CaseApi.find(reference).orElseThrow();
        assertThat(exchanged).usingRecursiveComparison().ignoringFields("id").isEqualTo(new CaseView(null, reference,
                List.of(reference), CaseState.EXCHANGED, start, Origin.RU, 2, followUp.occurredAt(),
                CustodyMode.SURRENDERED, null, 8));
        CaseHistoryView history = CaseApi.history(reference);
        assertThat(history.reference()).isEqualTo(reference);
        assertThat(history.entries()).containsExactly(
                contactEntry(start, 1, request, Purpose.SURRENDER_REQUEST),
                contactEntry(start.plus(1, ChronoUnit.HOURS), 2, followUp, Purpose.FOLLOW_UP),
                transition(start, 2, 3, CaseState.REQUESTED, CaseState.VERIFIED, null, "identity checked"),
                transition(start, 3, 4, CaseState.VERIFIED, CaseState.SURRENDER_ARRANGED, null, null),
                transition(start, 4, 5, CaseState.SURRENDER_ARRANGED, CaseState.IN_CUSTODY, CustodyMode.SURRENDERED,
                        null),
                care(start, 5, 6, CareKind.MEDICAL_CARE, "minor wound dressed"),
                care(start, 6, 7, CareKind.CAPTURE_CARD_SENT, null),
                transition(start, 7, 8, CaseState.IN_CUSTODY, CaseState.EXCHANGED, null, "exchange of prisoners"));
    }

    @Test
    void getAnswersWithTheVersionAsETag() {
        String reference = newReference();
        send(Contacts.surrenderRequest(newCallerKey(), reference));
        awaitCase(reference, c -> true);

        given().get("/api/v1/cases/{reference}", reference).then().statusCode(200).header("ETag", "\"1\"");
        Officers.move(reference, "to", "VERIFIED").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("state", equalTo("VERIFIED"))
                .body("version", equalTo(2));
    }

    @Test
    void historyOfUnknownCaseIsNotFound() {
        given().get("/api/v1/cases/{reference}/history", newReference())
                .then().statusCode(404).contentType("application/problem+json");
    }

    static String at(Instant start, int hours) {
        return start.plus(hours, ChronoUnit.HOURS).toString();
    }

    private static HistoryEntry contactEntry(Instant at, long version, ContactRecorded contact, Purpose purpose) {
        return new HistoryEntry("CONTACT", at, version, null, null, null, null, null, null, contact.contactId(),
                purpose, null, false);
    }

    private static HistoryEntry transition(Instant start, int hours, long version, CaseState from, CaseState to,
            CustodyMode mode, String reason) {
        return new HistoryEntry("TRANSITION", start.plus(hours, ChronoUnit.HOURS), version, from, to, mode, reason,
                null, null, null, null, OFFICER, false);
    }

    private static HistoryEntry care(Instant start, int hours, long version, CareKind kind, String note) {
        return new HistoryEntry("CARE", start.plus(hours, ChronoUnit.HOURS), version, null, null, null, null, kind,
                note, null, null, OFFICER, false);
    }
}
