package org.hotline.cases.service;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.hotline.cases.IssuedReference;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.repository.CaseRepository;
import org.hotline.cases.repository.ReferenceRepository;
import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseReference;
import org.hotline.events.ContactRecorded;
import org.hotline.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies one recorded contact to the cases: a surrender request opens a case or joins the
 * caller's open one, a follow-up or a relative's inquiry is linked to the case it names. Each
 * change and its case event commit together, and at most once per contact event.
 */
@ApplicationScoped
public class CaseContacts {

    private static final Logger LOG = Logger.getLogger(CaseContacts.class);

    private final CaseRepository cases;
    private final ReferenceRepository references;
    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final Clock clock;

    public CaseContacts(CaseRepository cases, ReferenceRepository references, ProcessedEvents processedEvents,
            Outbox outbox, Clock clock) {
        this.cases = cases;
        this.references = references;
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Throws a {@link jakarta.persistence.PersistenceException} when a concurrent change of the
     * same caller or case won the race; the whole transaction is rolled back and may be retried.
     */
    @Transactional
    public void apply(ContactRecorded contact) {
        if (!processedEvents.markApplied(contact.eventId())) {
            LOG.debugf("Contact event %s was applied before; skipped", contact.eventId());
            return;
        }
        switch (contact.purpose()) {
            case SURRENDER_REQUEST -> openOrJoin(contact);
            case FOLLOW_UP, RELATIVE_INQUIRY -> linkToNamedCase(contact);
            case INFORMATION, NON_DATA -> {
                // Counted by stats; no case to act on.
            }
        }
    }

    private void openOrJoin(ContactRecorded request) {
        String reference = CaseReference.normalize(request.caseReference())
                .orElseThrow(() -> new UnusableContact("surrender request " + request.eventId()
                        + " has no well-formed case reference"));
        Optional<SurrenderCase> holder = cases.findByReference(reference);
        if (holder.isPresent()) {
            // The same request recorded again with the reference he already has.
            if (!Objects.equals(holder.get().callerKey, request.callerKey())) {
                throw new UnusableContact("reference " + reference + " of surrender request " + request.eventId()
                        + " already leads to another caller's case");
            }
            link(holder.get(), request);
            return;
        }
        Optional<SurrenderCase> open = request.callerKey() == null
                ? Optional.empty()
                : cases.findOpenOf(request.callerKey());
        if (open.isPresent()) {
            references.persist(IssuedReference.of(reference, open.get().id, request.occurredAt()));
            link(open.get(), request);
        } else {
            open(reference, request);
        }
    }

    private void open(String reference, ContactRecorded request) {
        SurrenderCase opened = SurrenderCase.requested(reference, request.callerKey(), request.origin(),
                request.occurredAt(), clock.instant());
        cases.persist(opened);
        references.persist(IssuedReference.of(reference, opened.id, request.occurredAt()));
        // The one-open-case-per-caller index decides now, inside this attempt, not at commit.
        cases.flush();
        outbox.publish(new CaseOpened(UUID.randomUUID(), opened.id, opened.reference, opened.version,
                request.occurredAt(), opened.callerKey, opened.origin, opened.state, opened.custodyMode));
        LOG.debugf("Opened case %s", opened.id);
    }

    private void linkToNamedCase(ContactRecorded contact) {
        if (contact.caseReference() == null) {
            return;
        }
        Optional<String> reference = CaseReference.normalize(contact.caseReference());
        if (reference.isEmpty()) {
            // Never echo what was typed: it may not be a reference at all.
            LOG.warnf("Contact event %s names a malformed case reference; not linked", contact.eventId());
            return;
        }
        cases.findByReference(reference.get()).ifPresentOrElse(
                found -> link(found, contact),
                () -> LOG.warnf("Contact names unknown case reference %s; not linked", reference.get()));
    }

    private void link(SurrenderCase surrenderCase, ContactRecorded contact) {
        surrenderCase.linkContact(contact.occurredAt(), clock.instant());
        // Flushing bumps the @Version, which the event carries as caseVersion.
        cases.flush();
        outbox.publish(new CaseContactLinked(UUID.randomUUID(), surrenderCase.id, surrenderCase.reference,
                surrenderCase.version, contact.occurredAt(), contact.contactId(), contact.purpose(),
                surrenderCase.contactCount));
    }
}
