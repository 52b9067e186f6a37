package org.hotline.stats.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.events.ContactRecorded;
import org.hotline.events.Topics;
import org.hotline.inbox.Inbox;
import org.hotline.stats.service.StatsWriter;

import io.opentelemetry.api.trace.Tracer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.inject.Singleton;

/** Counts each recorded contact in the hour and the minute it happened, as the events come ({@link StatsConsumer}). */
@Singleton
public class ContactConsumer extends StatsConsumer<ContactRecorded> {

    static final String CHANNEL = "contacts-in";

    public ContactConsumer(Inbox inbox, StatsWriter writer, Tracer tracer) {
        super(inbox, writer, tracer, CHANNEL, Topics.CONTACTS, ContactRecorded.class);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return deliver(batch);
    }
}
