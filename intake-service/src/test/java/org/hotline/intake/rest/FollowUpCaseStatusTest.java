package org.hotline.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.SecureRandom;
import java.util.List;

import org.hotline.events.CaseReference;
import org.hotline.events.CaseState;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.Purpose;
import org.hotline.intake.Contacts;
import org.hotline.intake.ContactsTopic;
import org.hotline.intake.FakeCaseService;
import org.hotline.intake.IntakeDatabase;
import org.hotline.intake.mapping.SpokenCaseStatus;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Follow-ups and relatives' inquiries checked with case-service (a real HTTP stand-in here). */
@QuarkusTest
@TestSecurity(user = "operator-3", roles = { Roles.OPERATOR, Roles.CASE_OFFICER })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class FollowUpCaseStatusTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aFollowUpOnACaseThatCaseServiceKnowsTellsTheOperatorItsStateInWords() {
        String reference = CaseReference.generate(RANDOM, CaseReference.Issuer.CASE_SERVICE);
        FakeCaseService.open(reference, CaseState.VERIFIED);

        ContactCreated created = Contacts.post(Contacts.followUp(reference)).statusCode(201)
                .extract().as(ContactCreated.class);

        assertThat(created).usingRecursiveComparison().ignoringFields("id", "receivedAt")
                .isEqualTo(new ContactCreated(null, Purpose.FOLLOW_UP, null, reference, true,
                        new ContactCreated.CaseStatus(CaseState.VERIFIED, SpokenCaseStatus.of(CaseState.VERIFIED))));
        ContactRecorded event = (ContactRecorded) EventJson.read(ContactsTopic.recordFor(created.id()).value());
        assertThat(event.referenceUnverified()).isFalse();
        assertThat(event.caseReference()).isEqualTo(reference);
    }

    @Test
    void aRelativeAskingAboutAManInCustodyHearsHowHeIsTreated() {
        String reference = CaseReference.generate(RANDOM, CaseReference.Issuer.CASE_SERVICE);
        FakeCaseService.open(reference, CaseState.IN_CUSTODY);

        Contacts.post("""
                {"channel": "PHONE", "purpose": "RELATIVE_INQUIRY", "caseReference": "%s",
                 "caller": {"identifier": "%s", "role": "RELATIVE"}}
                """.formatted(reference, Contacts.freshPhoneNumber()))
                .statusCode(201)
                .body("referenceVerified", equalTo(true))
                .body("caseStatus.state", equalTo("IN_CUSTODY"))
                .body("caseStatus.spoken", equalTo(SpokenCaseStatus.of(CaseState.IN_CUSTODY)));
    }

    @Test
    void aReferenceCaseServiceDoesNotKnowIsUnprocessableAndNothingIsStored() {
        String reference = CaseReference.generate(RANDOM, CaseReference.Issuer.CASE_SERVICE);

        Contacts.post(Contacts.followUp(reference))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("caseReference")));

        assertThat(IntakeDatabase.count("select count(*) from contact where case_reference = ?", reference)).isZero();
    }

    @Test
    void aReferenceIssuedHereIsAcceptedBeforeItsCaseIsOpened() {
        String reference = Contacts.issuedReference();

        ContactCreated created = Contacts.post(Contacts.followUp(reference)).statusCode(201)
                .extract().as(ContactCreated.class);

        assertThat(created.referenceVerified()).isTrue();
        assertThat(created.caseStatus()).isEqualTo(new ContactCreated.CaseStatus(null,
                "Your request has been received under this reference and is being processed."));
        assertThat(IntakeDatabase.count("select count(*) from contact where id = ? and not reference_unverified",
                created.id())).isEqualTo(1);
    }

    @Test
    void everyCaseStateHasWordsForTheCaller() {
        for (CaseState state : CaseState.values()) {
            assertThat(SpokenCaseStatus.of(state)).as(state.name()).isNotBlank();
        }
    }
}
