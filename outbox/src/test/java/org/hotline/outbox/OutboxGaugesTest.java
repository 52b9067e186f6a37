package org.hotline.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The application started again in one JVM, as Quarkus does between {@code @QuarkusTest} classes:
 * the global composite registry stays, the exporting registry beneath it is replaced. The new
 * relay's gauges report its own figures, not the stopped relay's last ones.
 */
class OutboxGaugesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final CompositeMeterRegistry global = new CompositeMeterRegistry();

    @Test
    void aRelayStartedAgainReportsItsOwnFiguresNotThoseOfTheRelayBeforeIt() {
        SimpleMeterRegistry firstScrape = new SimpleMeterRegistry();
        global.add(firstScrape);
        OutboxGauges first = new OutboxGauges(global);
        first.show(new OutboxTable.Lag(0, null, 0), NOW);
        first.remove();
        global.remove(firstScrape);

        SimpleMeterRegistry scrape = new SimpleMeterRegistry();
        global.add(scrape);
        OutboxGauges second = new OutboxGauges(global);
        second.show(new OutboxTable.Lag(3, NOW.minusSeconds(90), 2), NOW);

        assertThat(value(scrape, "hotline.outbox.pending")).isEqualTo(3.0);
        assertThat(value(scrape, "hotline.outbox.oldest.age")).isEqualTo(90.0);
        assertThat(value(scrape, "hotline.outbox.parked")).isEqualTo(2.0);
    }

    @Test
    void anEmptyOutboxHasNoAge() {
        SimpleMeterRegistry scrape = new SimpleMeterRegistry();
        global.add(scrape);
        OutboxGauges gauges = new OutboxGauges(global);
        gauges.show(new OutboxTable.Lag(1, NOW.minusSeconds(5), 0), NOW);
        gauges.show(new OutboxTable.Lag(0, null, 0), NOW);

        assertThat(value(scrape, "hotline.outbox.pending")).isZero();
        assertThat(value(scrape, "hotline.outbox.oldest.age")).isZero();
    }

    private static double value(MeterRegistry registry, String gauge) {
        return registry.get(gauge).gauge().value();
    }
}
