package org.hotline.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.hotline.cases.CaseContact;
import org.hotline.cases.IssuedReference;
import org.hotline.cases.OpenInquiry;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.UnsettledContact;
import org.hotline.cases.repository.CaseContactRepository;
import org.hotline.cases.repository.CaseRepository;
import org.hotline.cases.repository.InquiryRepository;
import org.hotline.cases.repository.ReferenceRepository;
import org.hotline.cases.repository.UnsettledContactRepository;
import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseReference;
import org.hotline.events.ContactRecorded;
import org.hotline.events.Purpose;
import org.hotline.inbox.UnusableEvent;
import org.hotline.outbox.Outbox;
import org.jboss.logging.Logger;

import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Links each recorded contact to its case: a surrender request opens a case or joins the
 * caller's open one, a follow-up or a relative's inquiry is linked to the case it names. A
 * relative's inquiry naming no case waits as an open inquiry; a contact naming a reference no case
 * has (yet) waits as unsettled, and is linked when a case with that reference opens. Each change
 * and its case event commit together, and at most once per contact event; a batch of contacts
 * commits in one transaction.
 */
@ApplicationScoped
public class ContactLinking {

    private static final Logger LOG = Logger.getLogger(ContactLinking.class);

    private final CaseRepository cases;
    private final ReferenceRepository references;
    private final CaseContactRepository caseContacts;
    private final InquiryRepository inquiries;
    private final UnsettledContactRepository unsettled;
    private final Outbox outbox;
    private final Clock clock;

    public ContactLinking(CaseRepository cases, ReferenceRepository references, CaseContactRepository caseContacts,
            InquiryRepository inquiries, UnsettledContactRepository unsettled, Outbox outbox, Clock clock) {
        this.cases = cases;
        this.references = references;
        this.caseContacts = caseContacts;
        this.inquiries = inquiries;
        this.unsettled = unsettled;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Applies contacts never applied before (the inbox has recorded their events in this
     * transaction and left out the repeats), in their order. Throws a
     * {@link jakarta.persistence.PersistenceException} when a concurrent change of the same caller
     * or case won the race, and {@link UnusableEvent} for a contact that can never be applied;
     * either way the whole transaction is rolled back, nothing of the list applied, and it may be
     * retried (or, for an unusable contact, applied one by one).
     *
     * @param contextOf the context a contact's effects run in: its consumed record's event id in
     *        the log lines, its trace for the SQL and the case events published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<ContactRecorded> contacts, Function<ContactRecorded, Scope> contextOf) {
        BatchLookups lookups = new BatchLookups(cases, caseContacts,
                contacts.stream().map(ContactRecorded::contactId).toList(),
                contacts.stream().filter(contact -> contact.purpose() != Purpose.SURRENDER_REQUEST)
                        .map(contact -> CaseReference.normalize(contact.caseReference()))
                        .flatMap(Optional::stream).toList());
        for (ContactRecorded contact : contacts) {
            try (Scope entered = contextOf.apply(contact)) {
                applyFirstTime(contact, lookups);
            }
        }
    }

    private void applyFirstTime(ContactRecorded contact, BatchLookups lookups) {
        switch (contact.purpose()) {
            case SURRENDER_REQUEST -> openOrJoin(contact, lookups);
            case FOLLOW_UP, RELATIVE_INQUIRY -> linkToNamedCase(contact, lookups);
            case INFORMATION, NON_DATA -> {
                // Counted by stats; no case to act on.
            }
        }
    }

    private void openOrJoin(ContactRecorded request, BatchLookups lookups) {
        String reference = CaseReference.normalize(request.caseReference())
                .orElseThrow(() -> new UnusableEvent("surrender request " + request.eventId()
                        + " has no well-formed case reference"));
        Optional<SurrenderCase> holder = lookups.caseOf(reference);
        if (holder.isPresent()) {
            // The same request recorded again with the reference he already has.
            if (!Objects.equals(holder.get().callerKey, request.callerKey())) {
                throw new UnusableEvent("reference " + reference + " of surrender request " + request.eventId()
                        + " already leads to another caller's case");
            }
            link(holder.get(), request, lookups);
            return;
        }
        Optional<SurrenderCase> open = request.callerKey() == null
                ? Optional.empty()
                : cases.findOpenOf(request.callerKey());
        if (open.isPresent()) {
            references.persist(IssuedReference.of(reference, open.get().id, request.occurredAt()));
            lookups.leadsTo(reference, open.get());
            link(open.get(), request, lookups);
            settleWaitingFor(reference, open.get(), lookups);
        } else {
            SurrenderCase opened = open(reference, request, lookups);
            settleWaitingFor(reference, opened, lookups);
        }
    }

    /**
     * A relative's inquiry with his reference can reach us before the man's own request: they
     * are keyed by different callers, so Kafka does not order them. It waited; now it is linked.
     */
    private void settleWaitingFor(String reference, SurrenderCase found, BatchLookups lookups) {
        for (UnsettledContact waiting : unsettled.waitingFor(reference)) {
            link(found, waiting.contactId, waiting.purpose, waiting.occurredAt, lookups);
            unsettled.delete(waiting);
            LOG.infof("Unsettled contact %s now linked to case %s", waiting.contactId, found.reference);
        }
    }

    private SurrenderCase open(String reference, ContactRecorded request, BatchLookups lookups) {
        SurrenderCase opened = SurrenderCase.requested(reference, request.callerKey(), request.origin(),
                request.occurredAt(), clock.instant());
        cases.persist(opened);
        references.persist(IssuedReference.of(reference, opened.id, request.occurredAt()));
        // The one-open-case-per-caller index decides now, inside this attempt, not at commit.
        cases.flush();
        caseContacts.persist(CaseContact.of(opened, request.contactId(), request.purpose(), request.occurredAt(),
                null));
        lookups.leadsTo(reference, opened);
        lookups.linked(request.contactId());
        outbox.publish(new CaseOpened(UUID.randomUUID(), opened.id, opened.reference, opened.version,
                request.occurredAt(), opened.callerKey, opened.origin, opened.state, opened.custodyMode));
        LOG.debugf("Opened case %s", opened.id);
        return opened;
    }

    private void linkToNamedCase(ContactRecorded contact, BatchLookups lookups) {
        if (contact.caseReference() == null) {
            if (contact.purpose() == Purpose.RELATIVE_INQUIRY
                    && inquiries.findByIdOptional(contact.contactId()).isEmpty()) {
                inquiries.persist(OpenInquiry.of(contact.contactId(), contact.callerKey(), contact.occurredAt()));
            }
            return;
        }
        Optional<String> reference = CaseReference.normalize(contact.caseReference());
        if (reference.isEmpty()) {
            // Never echo what was typed: it may not be a reference at all.
            LOG.warnf("Contact event %s names a malformed case reference; not linked", contact.eventId());
            return;
        }
        lookups.caseOf(reference.get()).ifPresentOrElse(
                found -> link(found, contact, lookups),
                () -> keepUnsettled(contact, reference.get()));
    }

    /**
     * Never dropped and never dead-lettered: intake accepted it (perhaps unverified, while we were
     * down), so it waits here, visible to officers, until a case with that reference exists.
     */
    private void keepUnsettled(ContactRecorded contact, String reference) {
        if (unsettled.findByIdOptional(contact.contactId()).isEmpty()) {
            unsettled.persist(UnsettledContact.of(contact.contactId(), reference, contact.purpose(),
                    contact.referenceUnverified(), contact.occurredAt(), clock.instant()));
        }
        LOG.warnf("Contact names unknown case reference %s%s; kept as unsettled", reference,
                contact.referenceUnverified() ? " (unverified at intake)" : "");
    }

    private void link(SurrenderCase surrenderCase, ContactRecorded contact, BatchLookups lookups) {
        link(surrenderCase, contact.contactId(), contact.purpose(), contact.occurredAt(), lookups);
    }

    /** A contact already linked (the same contact published again) changes nothing. */
    private void link(SurrenderCase surrenderCase, UUID contactId, Purpose purpose, Instant occurredAt,
            BatchLookups lookups) {
        if (lookups.isLinked(contactId)) {
            LOG.debugf("Contact %s is linked already", contactId);
            return;
        }
        surrenderCase.linkContact(occurredAt, clock.instant());
        // Flushing bumps the @Version, which the event carries as caseVersion.
        cases.flush();
        caseContacts.persist(CaseContact.of(surrenderCase, contactId, purpose, occurredAt, null));
        lookups.linked(contactId);
        outbox.publish(new CaseContactLinked(UUID.randomUUID(), surrenderCase.id, surrenderCase.reference,
                surrenderCase.version, occurredAt, contactId, purpose, surrenderCase.contactCount));
    }
}
