package org.hotline.inbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hotline.events.CloudEventHeaders;
import org.hotline.telemetry.EventLogContext;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies consumed records one at a time and acknowledges each only once its effect committed.
 * A record that can never be applied is negatively acknowledged at once, so the channel's
 * {@code failure-strategy=dead-letter-queue} sends it to the dead-letter topic. A record met or
 * failing while the service stops is neither: it stays unacknowledged, its offset is not
 * committed, and it is delivered again after the restart (the processed-event table makes that
 * harmless).
 *
 * <p>Consumer methods take the whole {@link Message} and run {@code @Blocking}, so that
 * acknowledging is in our hands and records stay in order per channel. Every line logged while a
 * record is applied carries its event id (from the {@code ce_id} header, see {@link EventLogContext}).
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final InFlight inFlight;
    private final MeterRegistry registry;

    public Inbox(InFlight inFlight, MeterRegistry registry) {
        this.inFlight = inFlight;
        this.registry = registry;
    }

    public CompletionStage<Void> deliver(String channel, Message<String> record, TopicApplier applier) {
        if (GracefulStop.began()) {
            return leftForNextStart();
        }
        inFlight.begin(channel);
        try (EventLogContext logged = EventLogContext.of(eventIdOf(record))) {
            applier.apply(record.getPayload());
        } catch (RuntimeException e) {
            if (GracefulStop.began()) {
                LOG.infof("Record on %s left unacknowledged: the service stops (%s)", channel, e.getMessage());
                return leftForNextStart();
            }
            registry.counter("hotline.dead.letters", "channel", channel).increment();
            // The message only: the record itself may hold anything.
            LOG.warnf("Record on %s goes to the dead-letter topic: %s", channel, e.getMessage());
            return record.nack(e);
        } finally {
            inFlight.end(channel);
        }
        return record.ack();
    }

    /** The CloudEvents id header every producer of ours sets; null for a record without one. */
    static String eventIdOf(Message<?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getHeaders().lastHeader(CloudEventHeaders.ID))
                .map(Header::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .orElse(null);
    }

    /** Counted from the start, so the metric reads 0 rather than missing until the first poison record. */
    public void registerChannel(String channel) {
        registry.counter("hotline.dead.letters", "channel", channel);
    }

    /**
     * Never completes: the channel takes no further record (the connector stops fetching for
     * want of demand), and nothing after this record is acknowledged either.
     */
    private static CompletionStage<Void> leftForNextStart() {
        return new CompletableFuture<>();
    }
}
