package org.hotline.cases.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.cases.service.UnusableContact;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads {@code hotline.contacts.v1}. A record that cannot be read or used fails here and goes to
 * the dead-letter topic; the records after it are still processed. A transient failure never
 * gets here: {@link ContactWriter} waits it out.
 */
@ApplicationScoped
public class ContactConsumer {

    static final String CHANNEL = "contacts-in";

    private static final Logger LOG = Logger.getLogger(ContactConsumer.class);

    private final ContactWriter writer;
    private final DeadLetters deadLetters;

    public ContactConsumer(ContactWriter writer, DeadLetters deadLetters) {
        this.writer = writer;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String payload) {
        try {
            writer.apply(usable(payload));
        } catch (RuntimeException e) {
            deadLetters.count(CHANNEL);
            // The message only: the record itself may hold anything.
            LOG.warnf("Contact record goes to the dead-letter topic: %s", e.getMessage());
            throw e;
        }
    }

    private static ContactRecorded usable(String payload) {
        HotlineEvent event = EventJson.read(payload);
        if (!(event instanceof ContactRecorded contact)) {
            throw new UnusableContact(event.typeName() + " does not belong on the contacts topic");
        }
        if (contact.eventId() == null || contact.contactId() == null || contact.purpose() == null
                || contact.occurredAt() == null) {
            throw new UnusableContact("contact event lacks its event id, contact id, purpose or time");
        }
        return contact;
    }
}
