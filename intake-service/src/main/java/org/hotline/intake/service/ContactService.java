package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.hotline.events.ContactRecorded;
import org.hotline.events.Purpose;
import org.hotline.intake.Contact;
import org.hotline.intake.ContactDraft;
import org.hotline.intake.PersonalData;
import org.hotline.intake.RecordedContact;
import org.hotline.intake.ReferenceCheck;
import org.hotline.intake.repository.CaseAssignees;
import org.hotline.intake.repository.NewContacts;
import org.hotline.audit.AuditLog;
import org.hotline.outbox.Outbox;
import org.jboss.logging.Logger;

import io.micrometer.core.annotation.Counted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/** Records contacts with their event, and hands out personal data only against a reason. */
@ApplicationScoped
public class ContactService {

    private static final Logger AUDIT = Logger.getLogger("org.hotline.intake.audit");
    private static final int MAX_REFERENCE_ROUNDS = 5;
    /** The audit action of a read of personal data, and of its refusal. */
    static final String READ = "personal-data.read";

    private final CallerPseudonyms pseudonyms;
    private final CaseReferenceIssuer references;
    private final ReferenceChecker referenceChecker;
    private final Outbox outbox;
    private final Clock clock;
    private final PersonalDataVault vault;
    private final Event<ContactRecorded> recorded;
    private final AuditLog auditLog;
    private final NewContacts newContacts;
    private final CaseAssignees assignees;

    public ContactService(CallerPseudonyms pseudonyms, CaseReferenceIssuer references, ReferenceChecker referenceChecker,
            Outbox outbox, Clock clock, PersonalDataVault vault, Event<ContactRecorded> recorded, AuditLog auditLog,
            NewContacts newContacts, CaseAssignees assignees) {
        this.pseudonyms = pseudonyms;
        this.references = references;
        this.referenceChecker = referenceChecker;
        this.outbox = outbox;
        this.clock = clock;
        this.vault = vault;
        this.recorded = recorded;
        this.auditLog = auditLog;
        this.newContacts = newContacts;
        this.assignees = assignees;
    }

    /** A draft whose case reference has been checked, ready to {@link #store}. */
    public record CheckedDraft(ContactDraft draft, ReferenceCheck reference) {
    }

    /**
     * Checks and stores one contact with its {@link ContactRecorded} event in one transaction:
     * either both exist or neither does.
     *
     * @throws UnknownCaseReference if the draft names a case reference nobody knows
     */
    public RecordedContact record(ContactDraft draft) {
        return record(draft, recorded -> {
        });
    }

    /**
     * As {@link #record(ContactDraft)}; {@code alongside} runs in the same transaction, after
     * the contact is stored. If it throws, the contact is not stored and the exception passes on.
     */
    public RecordedContact record(ContactDraft draft, Consumer<RecordedContact> alongside) {
        CheckedDraft checked = check(draft, true);
        return QuarkusTransaction.requiringNew().call(() -> {
            RecordedContact recorded = store(checked);
            alongside.accept(recorded);
            return recorded;
        });
    }

    /**
     * Checks the case reference the draft names. Outside any transaction: it may ask case-service.
     *
     * @param operatorListening whether the answer is read to a caller, so the case's state is
     *                          worth a call to case-service even for a reference issued here
     * @throws UnknownCaseReference if the draft names a case reference nobody knows
     */
    public CheckedDraft check(ContactDraft draft, boolean operatorListening) {
        return new CheckedDraft(draft, referenceChecker.check(draft.caseReference(), operatorListening));
    }

    /**
     * The references among these drafts that intake issued itself, looked up at once, so that a
     * bulk import's chunk is checked with one query ({@link #check(ContactDraft, Set)}).
     */
    public Set<String> issuedAmong(List<ContactDraft> drafts) {
        return referenceChecker.issuedAmong(drafts.stream().map(ContactDraft::caseReference)
                .filter(Objects::nonNull).toList());
    }

    /**
     * {@link #check(ContactDraft, boolean)} for a line of a bulk import, where nobody listens for
     * the case's state: a reference in {@code issuedHere} needs no call to case-service.
     */
    public CheckedDraft check(ContactDraft draft, Set<String> issuedHere) {
        return new CheckedDraft(draft, referenceChecker.check(draft.caseReference(), false, issuedHere));
    }

    /** Stores a checked contact and its event, inside the caller's transaction. */
    public RecordedContact store(CheckedDraft checked) {
        return storeAll(List.of(checked)).get(0);
    }

    /**
     * Stores checked contacts and their events, inside the caller's transaction: a bulk import's
     * chunk in a handful of statements (data keys, contacts, outbox), whatever its size.
     *
     * @return the stored contacts, in the order given
     */
    public List<RecordedContact> storeAll(List<CheckedDraft> drafts) {
        Instant now = clock.instant();
        Map<String, String> callerKeys = pseudonyms.of(drafts.stream().map(checked -> checked.draft().callerIdentifier())
                .toList());
        List<Contact> contacts = drafts.stream()
                .map(checked -> contactOf(checked, callerKeys.get(checked.draft().callerIdentifier()), now)).toList();
        List<byte[]> sealed = vault.sealAll(contacts.stream().map(contact -> new PersonalDataVault.Sealing(
                contact.callerKey, contact.id, new PersonalData(contact.callerIdentifier, contact.fullName,
                        contact.birthDate, contact.unit, contact.location, contact.notes))).toList());
        for (int i = 0; i < contacts.size(); i++) {
            contacts.get(i).sealedPersonalData = sealed.get(i);
        }
        insertWithFreeReferences(contacts);
        List<ContactRecorded> events = contacts.stream().map(ContactService::eventOf).toList();
        outbox.publishAll(events);
        // Observers that count it (metrics) hear of it once the transaction commits.
        events.forEach(recorded::fire);
        List<RecordedContact> stored = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            stored.add(new RecordedContact(contacts.get(i), drafts.get(i).reference()));
        }
        return stored;
    }

    private Contact contactOf(CheckedDraft checked, String callerKey, Instant now) {
        ContactDraft draft = checked.draft();
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.callerKey = callerKey;
        contact.callerIdentifier = draft.callerIdentifier().strip();
        contact.callerRole = draft.callerRole();
        contact.channel = draft.channel();
        contact.purpose = draft.purpose();
        contact.origin = draft.origin();
        contact.receivedAt = draft.receivedAt() != null ? draft.receivedAt() : now;
        contact.recordedAt = now;
        contact.caseReference = draft.purpose() == Purpose.SURRENDER_REQUEST ? references.issue() : draft.caseReference();
        contact.referenceUnverified = checked.reference().unverified();
        contact.fullName = draft.details().fullName();
        contact.birthDate = draft.details().birthDate();
        contact.unit = draft.details().unit();
        contact.location = draft.details().location();
        contact.notes = draft.details().notes();
        return contact;
    }

    /**
     * Inserts the contacts; a surrender request whose fresh reference another one holds already
     * (the unique index says so, no query beforehand) gets a new reference and is inserted again.
     * With 31^7 references that is astronomically rare, so a few rounds always suffice.
     */
    private void insertWithFreeReferences(List<Contact> contacts) {
        List<Contact> left = contacts;
        for (int round = 1; ; round++) {
            Set<UUID> inserted = newContacts.insert(left);
            if (inserted.size() == left.size()) {
                return;
            }
            if (round == MAX_REFERENCE_ROUNDS) {
                throw new IllegalStateException("no free case reference after " + round + " tries");
            }
            left = left.stream().filter(contact -> !inserted.contains(contact.id)).toList();
            left.forEach(contact -> contact.caseReference = references.issue());
        }
    }

    private static ContactRecorded eventOf(Contact contact) {
        return new ContactRecorded(UUID.randomUUID(), contact.id, contact.callerKey, contact.callerRole,
                contact.channel, contact.purpose, contact.origin, contact.receivedAt, contact.caseReference,
                contact.referenceUnverified);
    }

    /**
     * The whole contact, personal data included, for a reader who may read it (need to know): a
     * case officer when the contact is on a case assigned to him or his team, as case-service's
     * events told intake ({@link CaseAssignees}); a supervisor always. The read is recorded in the
     * same transaction, so there is no read without its audit row; so is a refusal, which commits
     * although the request fails.
     *
     * @throws ContactNotFound  if there is no such contact
     * @throws ContactNotYours  if the reader may not read it
     */
    @Transactional(dontRollbackOn = ContactNotYours.class)
    @Counted(value = "hotline.personal.data.reads", description = "Reads of a contact's personal data")
    public Contact readPersonalData(UUID contactId, ContactReader reader, String reason) {
        String actor = reader.subject();
        Contact contact = newContacts.find(contactId)
                .orElseThrow(() -> new ContactNotFound(contactId));
        Optional<String> admission = admission(contactId, reader);
        if (admission.isEmpty()) {
            auditLog.record(actor, READ, contactId.toString(), reason, "refused: not assigned");
            AUDIT.infof("Personal data of contact %s refused to %s: not his case", contactId, actor);
            throw new ContactNotYours(contactId);
        }
        Optional<PersonalData> opened = vault.open(contactId, contact.sealedPersonalData);
        // In the audit log (audit module), which the service may append to but never rewrite.
        auditLog.record(actor, READ, contactId.toString(), reason,
                (opened.isPresent() ? "ok: " : "erased: ") + admission.get());
        opened.ifPresentOrElse(data -> {
            contact.callerIdentifier = data.callerIdentifier();
            contact.fullName = data.fullName();
            contact.birthDate = data.birthDate();
            contact.unit = data.unit();
            contact.location = data.location();
            contact.notes = data.notes();
        }, () -> contact.personalDataErased = true);
        // Ids only: neither the data nor the reason's words (which may name people) are logged.
        AUDIT.infof("Personal data of contact %s read by %s", contactId, actor);
        return contact;
    }

    /** How the reader is let in (as audit outcomes say it), or empty if he is not. */
    private Optional<String> admission(UUID contactId, ContactReader reader) {
        Optional<String> assigned = assignees.match(contactId, reader.subject(), reader.team())
                .map(match -> match == CaseAssignees.Match.OFFICER ? "assigned" : "team");
        if (assigned.isPresent() || !reader.supervisor()) {
            return assigned;
        }
        return Optional.of("supervisor");
    }
}
