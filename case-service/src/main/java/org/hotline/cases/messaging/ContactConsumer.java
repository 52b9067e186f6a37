package org.hotline.cases.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.cases.config.CaseConfig;
import org.hotline.cases.service.CaseContacts;
import org.hotline.cases.service.UnusableContact;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

/**
 * Reads {@code hotline.contacts.v1}. A record that cannot be read or used fails here and goes to
 * the dead-letter topic; the records after it are still processed.
 */
@ApplicationScoped
public class ContactConsumer {

    private static final Logger LOG = Logger.getLogger(ContactConsumer.class);

    private final CaseContacts caseContacts;
    private final CaseConfig config;

    public ContactConsumer(CaseContacts caseContacts, CaseConfig config) {
        this.caseContacts = caseContacts;
        this.config = config;
    }

    @Incoming("contacts-in")
    @Blocking
    public void consume(String payload) {
        HotlineEvent event = EventJson.read(payload);
        if (!(event instanceof ContactRecorded contact)) {
            throw new UnusableContact(event.typeName() + " does not belong on the contacts topic");
        }
        if (contact.eventId() == null || contact.purpose() == null || contact.occurredAt() == null) {
            throw new UnusableContact("contact event lacks its event id, purpose or time");
        }
        apply(contact);
    }

    /**
     * Keying by caller keeps one caller's contacts on one partition, but a rebalance or a second
     * instance can still process two of them at once. The loser of such a race is rolled back by
     * the database (unique index, version check) and simply tried again: it then sees the
     * winner's case and links to it.
     */
    private void apply(ContactRecorded contact) {
        for (int attempt = 1; ; attempt++) {
            try {
                caseContacts.apply(contact);
                return;
            } catch (RuntimeException e) {
                if (!lostRace(e) || attempt > config.raceRetries()) {
                    throw e;
                }
                LOG.debugf("Contact event %s lost a race (attempt %d); retrying", contact.eventId(), attempt);
            }
        }
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException
                    || cause instanceof OptimisticLockException
                    || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
