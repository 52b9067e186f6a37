package org.hotline.stats.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.events.CaseEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds case events to the stats store. A record that cannot be read or applied fails here, goes to the
 * dead-letter topic and is counted in {@code hotline.dead.letters}, so one poison record does
 * not stop the counts.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private static final String CHANNEL = "cases-in";

    private final LiveEvents liveEvents;
    private final Counter deadLetters;

    public CaseEventsConsumer(LiveEvents liveEvents, MeterRegistry registry) {
        this.liveEvents = liveEvents;
        this.deadLetters = registry.counter("hotline.dead.letters", "channel", CHANNEL);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String payload) {
        try {
            liveEvents.apply(payload, CaseEvent.class);
        } catch (RuntimeException e) {
            deadLetters.increment();
            throw e;
        }
    }
}
