package org.hotline.cases.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts the records sent to the dead-letter topic, so an operator sees them pile up. */
@ApplicationScoped
public class DeadLetters {

    private final MeterRegistry registry;

    public DeadLetters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String channel) {
        Counter.builder("hotline.dead.letters")
                .description("Records sent to the dead-letter topic")
                .tag("channel", channel)
                .register(registry)
                .increment();
    }
}
