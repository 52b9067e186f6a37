package org.hotline.stats.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.events.CaseEvent;
import org.hotline.events.ContactRecorded;
import org.hotline.events.HotlineEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds contact and case events to the stats store. A record that cannot be read or applied
 * fails here, goes to its channel's dead-letter topic and is counted in
 * {@code hotline.dead.letters}, so one poison record does not stop the counts.
 */
@ApplicationScoped
public class EventConsumers {

    private static final String CONTACTS = "contacts-in";
    private static final String CASES = "cases-in";

    private final LiveEvents liveEvents;
    private final Map<String, Counter> deadLetters;

    public EventConsumers(LiveEvents liveEvents, MeterRegistry registry) {
        this.liveEvents = liveEvents;
        // Registered up front, so the metric reads 0 rather than missing until the first poison record.
        this.deadLetters = Map.of(
                CONTACTS, registry.counter("hotline.dead.letters", "channel", CONTACTS),
                CASES, registry.counter("hotline.dead.letters", "channel", CASES));
    }

    @Incoming(CONTACTS)
    @Blocking
    public void consumeContact(String payload) {
        apply(CONTACTS, payload, ContactRecorded.class);
    }

    @Incoming(CASES)
    @Blocking
    public void consumeCaseEvent(String payload) {
        apply(CASES, payload, CaseEvent.class);
    }

    private void apply(String channel, String payload, Class<? extends HotlineEvent> expected) {
        try {
            liveEvents.apply(payload, expected);
        } catch (RuntimeException e) {
            deadLetters.get(channel).increment();
            throw e;
        }
    }
}
