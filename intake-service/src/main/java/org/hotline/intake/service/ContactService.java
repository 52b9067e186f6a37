package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.events.ContactRecorded;
import org.hotline.events.Purpose;
import org.hotline.intake.Contact;
import org.hotline.intake.ContactDraft;
import org.hotline.intake.PersonalDataAccess;
import org.hotline.outbox.Outbox;
import org.hotline.problem.Problem;
import org.hotline.problem.ProblemException;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records contacts with their event, and hands out personal data only against a reason. */
@ApplicationScoped
public class ContactService {

    private static final Logger AUDIT = Logger.getLogger("org.hotline.intake.audit");

    private final CallerKeys callerKeys;
    private final CaseReferenceIssuer references;
    private final Outbox outbox;
    private final Clock clock;

    public ContactService(CallerKeys callerKeys, CaseReferenceIssuer references, Outbox outbox, Clock clock) {
        this.callerKeys = callerKeys;
        this.references = references;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores the contact and its {@link ContactRecorded} event in one transaction: either both
     * exist or neither does.
     *
     * @throws ProblemException (422) if the draft names a case reference intake never issued
     */
    @Transactional
    public Contact record(ContactDraft draft) {
        Instant now = clock.instant();
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.callerKey = callerKeys.keyOf(draft.callerIdentifier());
        contact.callerIdentifier = draft.callerIdentifier().strip();
        contact.callerRole = draft.callerRole();
        contact.channel = draft.channel();
        contact.purpose = draft.purpose();
        contact.origin = draft.origin();
        contact.receivedAt = draft.receivedAt() != null ? draft.receivedAt() : now;
        contact.recordedAt = now;
        contact.caseReference = caseReferenceFor(draft);
        contact.fullName = draft.details().fullName();
        contact.birthDate = draft.details().birthDate();
        contact.unit = draft.details().unit();
        contact.location = draft.details().location();
        contact.notes = draft.details().notes();
        contact.persist();
        outbox.publish(new ContactRecorded(UUID.randomUUID(), contact.id, contact.callerKey, contact.callerRole,
                contact.channel, contact.purpose, contact.origin, contact.receivedAt, contact.caseReference));
        return contact;
    }

    /**
     * The whole contact, personal data included. The read is recorded in the same transaction,
     * so there is no read without its audit row.
     *
     * @throws ProblemException (404) if there is no such contact
     */
    @Transactional
    public Contact readPersonalData(UUID contactId, String reason) {
        Contact contact = Contact.<Contact>findByIdOptional(contactId)
                .orElseThrow(() -> ProblemException.notFound("There is no contact " + contactId + "."));
        PersonalDataAccess access = new PersonalDataAccess();
        access.contactId = contactId;
        access.reason = reason;
        access.accessedAt = clock.instant();
        access.persist();
        // The id and the reason only: the audit log must not become a copy of the data.
        AUDIT.infof("Personal data of contact %s read, reason: %s", contactId, reason);
        return contact;
    }

    private String caseReferenceFor(ContactDraft draft) {
        if (draft.purpose() == Purpose.SURRENDER_REQUEST) {
            return references.issue();
        }
        String named = draft.caseReference();
        if (named != null && !Contact.isIssued(named)) {
            throw ProblemException.unprocessable("Unknown case reference.",
                    List.of(new Problem.FieldError("caseReference", "was never issued")));
        }
        return named;
    }
}
