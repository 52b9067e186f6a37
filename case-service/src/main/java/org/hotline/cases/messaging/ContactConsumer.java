package org.hotline.cases.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hotline.cases.service.UnusableContact;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Topics;
import org.hotline.inbox.Inbox;
import org.hotline.inbox.TopicApplier;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads {@code hotline.contacts.v1}. A record that cannot be read or used goes to the dead-letter
 * topic at once; the records after it are still processed. A transient failure never gets that
 * far: {@link ContactWriter} waits it out. The {@link Inbox} acknowledges, and holds records back
 * while the service stops.
 */
@ApplicationScoped
public class ContactConsumer implements TopicApplier {

    static final String CHANNEL = "contacts-in";

    private final ContactWriter writer;
    private final Inbox inbox;

    public ContactConsumer(ContactWriter writer, Inbox inbox) {
        this.writer = writer;
        this.inbox = inbox;
    }

    void countFromStart(@Observes StartupEvent startup) {
        inbox.registerChannel(CHANNEL);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<String> record) {
        return inbox.deliver(CHANNEL, record, this);
    }

    @Override
    public String topic() {
        return Topics.CONTACTS;
    }

    @Override
    public void apply(String payload) {
        writer.apply(usable(payload));
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
