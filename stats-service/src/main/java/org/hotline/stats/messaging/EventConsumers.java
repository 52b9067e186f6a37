package org.hotline.stats.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.events.CaseEvent;
import org.hotline.events.ContactRecorded;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Topics;
import org.hotline.inbox.BatchSpan;
import org.hotline.inbox.Consumed;
import org.hotline.inbox.Inbox;
import org.hotline.inbox.TopicApplier;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/**
 * Feeds contact and case events to the stats store, a batch (one poll) at a time: the contacts of
 * a batch are summed in memory and each counter is written once. A record that cannot be read or
 * applied fails its batch, whose records the {@link Inbox} then applies one by one: that record
 * alone goes to its channel's dead-letter topic and is counted in {@code hotline.dead.letters}, so
 * one poison record does not stop the counts; a passing failure is waited out ({@link LiveEvents}).
 * The {@link Inbox} acknowledges, and holds batches back while the service stops.
 */
@ApplicationScoped
public class EventConsumers {

    private static final String CONTACTS = "contacts-in";
    private static final String CASES = "cases-in";

    private final LiveEvents liveEvents;
    private final Inbox inbox;
    private final Tracer tracer;
    private final TopicApplier contacts;
    private final TopicApplier cases;

    public EventConsumers(LiveEvents liveEvents, Inbox inbox, Tracer tracer) {
        this.liveEvents = liveEvents;
        this.inbox = inbox;
        this.tracer = tracer;
        this.contacts = applier(Topics.CONTACTS, ContactRecorded.class);
        this.cases = applier(Topics.CASES, CaseEvent.class);
    }

    void countFromStart(@Observes StartupEvent startup) {
        inbox.registerChannel(CONTACTS);
        inbox.registerChannel(CASES);
    }

    @Incoming(CONTACTS)
    @Blocking
    public CompletionStage<Void> consumeContact(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CONTACTS, batch, contacts);
    }

    @Incoming(CASES)
    @Blocking
    public CompletionStage<Void> consumeCaseEvent(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CASES, batch, cases);
    }

    /** The same appliers replay dead letters. */
    @Produces
    @ApplicationScoped
    TopicApplier contactApplier() {
        return contacts;
    }

    @Produces
    @ApplicationScoped
    TopicApplier caseApplier() {
        return cases;
    }

    private TopicApplier applier(String topic, Class<? extends HotlineEvent> expected) {
        return new TopicApplier() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public void apply(String payload) {
                liveEvents.applyAll(List.of(payload), expected);
            }

            @Override
            public void applyAll(List<Consumed> records) {
                // Summed per counter: a batch's statements belong to no single record's trace or
                // event id, so they go in one span linked to every record's trace.
                try (Scope batch = BatchSpan.enter(tracer, topic, records)) {
                    liveEvents.applyAll(records.stream().map(Consumed::payload).toList(), expected);
                }
            }
        };
    }
}
