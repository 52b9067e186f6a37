package org.hotline.stats.metrics;

import org.hotline.stats.service.StatsChanges;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code hotline.stats.changes}: how often the ops room's figures changed (a live event applied,
 * a rebuild activated). A redelivered event changes nothing and is not counted, so a rate of zero
 * while contacts flow into intake means the figures have stopped following. Also
 * {@code hotline.dead.letters{channel}}, from 0.
 */
@Startup
@ApplicationScoped
public class StatsMetrics {

    public StatsMetrics(StatsChanges changes, MeterRegistry registry) {
        FunctionCounter.builder("hotline.stats.changes", changes, StatsChanges::version)
                .description("Changes to the ops room's figures: live events applied and rebuilds activated")
                .register(registry);
        // EventConsumers registers these too, but only once it first receives a record (its
        // bean is created lazily): registered here, the series read 0 from the start.
        for (String channel : new String[] {"contacts-in", "cases-in"}) {
            registry.counter("hotline.dead.letters", "channel", channel);
        }
    }
}
