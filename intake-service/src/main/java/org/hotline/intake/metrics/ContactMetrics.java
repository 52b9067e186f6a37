package org.hotline.intake.metrics;

import java.util.EnumMap;
import java.util.Map;

import org.hotline.events.Channel;
import org.hotline.events.ContactRecorded;
import org.hotline.events.Purpose;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * {@code hotline.contacts.accepted}: contacts stored, by channel and purpose. Counted only once
 * their transaction commits, so a bulk-import chunk that rolls back and is retried line by line
 * is not counted twice.
 */
@Startup
@ApplicationScoped
public class ContactMetrics {

    private final Map<Channel, Map<Purpose, Counter>> accepted = new EnumMap<>(Channel.class);

    public ContactMetrics(MeterRegistry registry) {
        // Every combination from the start: a rate over a series that does not exist yet is no rate at all.
        for (Channel channel : Channel.values()) {
            Map<Purpose, Counter> byPurpose = new EnumMap<>(Purpose.class);
            for (Purpose purpose : Purpose.values()) {
                byPurpose.put(purpose, Counter.builder("hotline.contacts.accepted")
                        .description("Contacts stored, with their event, by channel and purpose")
                        .tag("channel", channel.name())
                        .tag("purpose", purpose.name())
                        .register(registry));
            }
            accepted.put(channel, byPurpose);
        }
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactRecorded recorded) {
        accepted.get(recorded.channel()).get(recorded.purpose()).increment();
    }
}
