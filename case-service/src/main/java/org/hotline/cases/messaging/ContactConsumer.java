package org.hotline.cases.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.cases.service.ContactLinking;
import org.hotline.events.ContactRecorded;
import org.hotline.events.Topics;
import org.hotline.inbox.Batch;
import org.hotline.inbox.EventConsumer;
import org.hotline.inbox.Inbox;
import org.hotline.inbox.UnusableEvent;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.inject.Singleton;

/**
 * Opens and advances cases from {@code hotline.contacts.v1}: the {@link Inbox} hands each poll's
 * contacts here in one transaction, and {@link ContactLinking} applies those never applied before,
 * each in its own record's trace and log context.
 */
@Singleton
public class ContactConsumer extends EventConsumer<ContactRecorded> {

    static final String CHANNEL = "contacts-in";

    private final ContactLinking linking;

    public ContactConsumer(Inbox inbox, ContactLinking linking) {
        super(inbox, CHANNEL, Topics.CONTACTS, ContactRecorded.class);
        this.linking = linking;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return deliver(batch);
    }

    @Override
    protected void check(ContactRecorded contact) {
        if (contact.contactId() == null || contact.purpose() == null || contact.occurredAt() == null) {
            throw new UnusableEvent("contact event lacks its contact id, purpose or time");
        }
    }

    @Override
    public void apply(Batch<ContactRecorded> batch) {
        linking.applyAll(batch.firstTime(), batch::enter);
    }
}
