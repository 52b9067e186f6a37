package org.hotline.intake.rest;

import java.time.Instant;
import java.util.UUID;

import org.hotline.events.CaseState;
import org.hotline.events.Purpose;
import org.hotline.intake.Contact;
import org.hotline.intake.RecordedContact;
import org.hotline.intake.ReferenceCheck;
import org.hotline.intake.mapping.SpokenCaseStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a recorded contact. For a surrender request, {@code caseReference} is the new
 * reference the operator reads to the caller. For a contact that names a reference,
 * {@code referenceVerified} says whether it could be checked, and {@code caseStatus} gives the
 * words to read to the caller.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactCreated(UUID id, Purpose purpose, Instant receivedAt, String caseReference,
        Boolean referenceVerified, CaseStatus caseStatus) {

    /** @param state null when case-service did not tell it */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseStatus(CaseState state, String spoken) {
    }

    static ContactCreated of(RecordedContact recorded) {
        Contact contact = recorded.contact();
        ReferenceCheck check = recorded.reference();
        boolean named = check.outcome() != ReferenceCheck.Outcome.NONE;
        return new ContactCreated(contact.id, contact.purpose, contact.receivedAt, contact.caseReference,
                named ? !check.unverified() : null,
                named ? new CaseStatus(check.state(), SpokenCaseStatus.of(check)) : null);
    }
}
