package org.hotline.stats.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.hotline.stats.client.OutboxAges;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.messaging.KafkaBacklog;
import org.hotline.stats.service.Status.Level;
import org.hotline.stats.service.Status.Signal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Computes the status strip from its sources: the outbox age from intake's and case-service's
 * metrics, the consumer lag and dead letters from the broker, the last event from this service's
 * own consumers. A source that does not answer makes its signal {@code UNKNOWN}, never the strip fail.
 * The three remote signals are kept for {@code sources-cached-for}, an unknown one too, and a read
 * that is under way is waited for rather than repeated: however many dashboards refresh, each
 * source is asked once in that time.
 */
@ApplicationScoped
public class StatusStrip {

    private final OutboxAges outboxAges;
    private final KafkaBacklog backlog;
    private final StatsChanges changes;
    private final StatsConfig.Status config;
    private final Clock clock;
    private final Cache<String, Signal> recent;

    public StatusStrip(OutboxAges outboxAges, KafkaBacklog backlog, StatsChanges changes, StatsConfig config,
                       Clock clock) {
        this.outboxAges = outboxAges;
        this.backlog = backlog;
        this.changes = changes;
        this.config = config.dashboard().status();
        this.clock = clock;
        this.recent = Caffeine.newBuilder().expireAfterWrite(this.config.sourcesCachedFor()).build();
    }

    public Status now() {
        Instant now = clock.instant();
        List<Signal> signals = new ArrayList<>();
        signals.add(recent.get("outboxAge", name -> outboxAge()));
        signals.add(recent.get("consumerLag", name -> counted(name, config.consumerLagAmber(),
                config.consumerLagRed(), backlog::consumerLag, "groups")));
        signals.add(recent.get("deadLetters", name -> counted(name, config.deadLettersAmber(),
                config.deadLettersRed(), backlog::deadLetters, "topics")));
        signals.add(lastEvent(now));
        return new Status(now, signals);
    }

    private Signal outboxAge() {
        List<OutboxAges.Reading> readings = outboxAges.read();
        String detail = readings.stream()
                .map(r -> r.source() + ": " + r.seconds().map(s -> s + " s").orElseGet(() -> r.failure().orElse("")))
                .collect(Collectors.joining("; "));
        // The oldest event anywhere is what matters; one silent source makes the figure unknown.
        boolean complete = readings.stream().allMatch(r -> r.seconds().isPresent());
        Optional<Double> oldest = readings.stream().flatMap(r -> r.seconds().stream()).max(Double::compare);
        Double value = complete ? oldest.orElse(0.0) : null;
        return new Signal("outboxAge", level(value, config.outboxAgeAmber(), config.outboxAgeRed()), value,
                "seconds", config.outboxAgeAmber(), config.outboxAgeRed(), null, detail);
    }

    @FunctionalInterface
    private interface BrokerFigures {
        Map<String, Long> read() throws KafkaBacklog.KafkaUnavailable;
    }

    private Signal counted(String name, double amber, double red, BrokerFigures figures, String over) {
        try {
            Map<String, Long> parts = new TreeMap<>(figures.read());
            double total = parts.values().stream().mapToLong(Long::longValue).sum();
            return new Signal(name, level(total, amber, red), total, "records", amber, red, null,
                    over + ": " + parts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
        } catch (KafkaBacklog.KafkaUnavailable e) {
            return new Signal(name, Level.UNKNOWN, null, "records", amber, red, null,
                    "Kafka did not answer: " + e.getMessage());
        }
    }

    private Signal lastEvent(Instant now) {
        Optional<Instant> last = changes.lastLiveEvent();
        Double seconds = last.map(at -> Math.max(0, Duration.between(at, now).toMillis()) / 1000.0).orElse(null);
        return new Signal("lastEvent", level(seconds, config.lastEventAmber(), config.lastEventRed()), seconds,
                "seconds", config.lastEventAmber(), config.lastEventRed(), last.orElse(null),
                last.isPresent() ? "the last event this instance applied"
                        : "no event applied since this instance started");
    }

    static Level level(Double value, double amber, double red) {
        if (value == null) {
            return Level.UNKNOWN;
        }
        return value >= red ? Level.RED : value >= amber ? Level.AMBER : Level.OK;
    }
}
