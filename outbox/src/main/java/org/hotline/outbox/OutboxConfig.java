package org.hotline.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay moves events to Kafka. */
@ConfigMapping(prefix = "hotline.outbox")
public interface OutboxConfig {

    /**
     * How often the relay looks for messages when nobody woke it: after a crash, an outage, or
     * a commit on another instance.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * The most events read, sent and deleted in one relay pass. Big: a drain's cost is per pass
     * (two statements and a wait for the broker's acks), not per event.
     */
    @WithDefault("2000")
    int batchSize();

    /**
     * How often the outbox's gauges (pending, oldest age, parked) are counted again. Not after
     * every pass: under load the relay passes hundreds of times a second.
     */
    @WithDefault("1s")
    Duration lagRefreshInterval();

    /**
     * How long the relay waits for the broker to acknowledge a batch. Keep it above the
     * producer's {@code delivery.timeout.ms}, so a batch is never sent again while its first
     * send may still succeed.
     */
    @WithDefault("45s")
    Duration ackTimeout();

    /**
     * The PostgreSQL advisory lock that lets one instance relay at a time, so a caller's events
     * cannot overtake each other across instances. Distinct per service database is not needed.
     */
    @WithDefault("727274")
    long relayLockId();

    /**
     * How often the broker may refuse one message for good (too large, say) before it is parked
     * in {@code outbox_parked} and the messages behind it flow on. Failures of an outage (broker
     * unreachable, timeouts) are not counted: those messages wait, however long it takes.
     */
    @WithDefault("5")
    int maxAttempts();

    /**
     * The CloudEvents {@code source} of the events this service publishes ({@code ce_source}
     * header): a URI reference naming the service.
     */
    @WithDefault("/hotline/${quarkus.application.name}")
    String source();
}
