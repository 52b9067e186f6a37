package org.hotline.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox's gauges ({@code hotline.outbox.pending}, {@code .oldest.age}, {@code .parked}) as
 * the relay last counted them.
 *
 * <p>They leave the registry with the relay ({@link #remove}). The registry Quarkus hands out is
 * Micrometer's global one, which outlives the application when one JVM starts it again (every
 * {@code @QuarkusTest} restart; Quarkus empties it between restarts only in dev mode). Registering
 * a name that is already there gives back the meter already there: left behind, these gauges
 * would go on reporting the stopped relay's last figures in place of the running relay's.
 */
final class OutboxGauges {

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final List<Meter> meters;

    OutboxGauges(MeterRegistry registry) {
        this.registry = registry;
        // Strong references: Micrometer holds a gauge's object weakly by default, and a collected
        // one makes the gauge NaN or drops it from the scrape while the relay still runs.
        this.meters = List.of(
                Gauge.builder("hotline.outbox.pending", pending, AtomicLong::get).strongReference(true)
                        .description("Events committed but not yet acknowledged by Kafka").register(registry),
                Gauge.builder("hotline.outbox.oldest.age", oldestAgeMillis, a -> a.get() / 1000.0)
                        .strongReference(true).baseUnit("seconds")
                        .description("Age of the oldest event still in the outbox").register(registry),
                Gauge.builder("hotline.outbox.parked", parked, AtomicLong::get).strongReference(true)
                        .description("Events Kafka refused too often, set aside until an operator sends them again")
                        .register(registry));
    }

    /** The outbox as counted at {@code now}. */
    void show(OutboxTable.Lag lag, Instant now) {
        pending.set(lag.pending());
        parked.set(lag.parked());
        oldestAgeMillis.set(lag.oldest() == null ? 0 : Duration.between(lag.oldest(), now).toMillis());
    }

    /** Takes the gauges out of the registry: the relay has stopped and counts no more. */
    void remove() {
        meters.forEach(registry::remove);
    }
}
