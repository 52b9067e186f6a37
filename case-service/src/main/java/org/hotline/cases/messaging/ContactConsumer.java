package org.hotline.cases.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.cases.service.UnusableContact;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Topics;
import org.hotline.inbox.Consumed;
import org.hotline.inbox.Inbox;
import org.hotline.inbox.TopicApplier;

import io.opentelemetry.context.Scope;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads {@code hotline.contacts.v1} a batch (one poll) at a time and applies each batch in one
 * transaction. A record that cannot be read or used fails its batch, whose records the
 * {@link Inbox} then applies one by one: that record alone goes to the dead-letter topic, the
 * others are still processed. A transient failure never gets that far: {@link ContactWriter}
 * waits it out. The {@link Inbox} acknowledges, and holds batches back while the service stops.
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
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CHANNEL, batch, this);
    }

    @Override
    public String topic() {
        return Topics.CONTACTS;
    }

    @Override
    public void apply(String payload) {
        // The inbox (or the dead-letter replay) has entered the record's context already.
        writer.applyAll(List.of(usable(payload)), i -> Scope.noop());
    }

    /** Reads every record first: an unusable one fails the batch before anything is written. */
    @Override
    public void applyAll(List<Consumed> records) {
        writer.applyAll(records.stream().map(record -> usable(record.payload())).toList(),
                i -> records.get(i).enter());
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
