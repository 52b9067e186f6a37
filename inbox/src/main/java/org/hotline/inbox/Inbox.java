package org.hotline.inbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.HotlineEvent;
import org.hotline.telemetry.EventLogContext;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Applies consumed records a batch at a time (one poll, {@code batch=true} on the channel) and
 * acknowledges the batch only once its effect committed. The batch goes to the service's
 * {@link EventConsumer} whole, in the order of each partition, in one transaction that also records
 * which events were applied ({@link InboxTransaction}). If it fails for good, its
 * records are applied again one by one: those that can be are applied (or, applied before, change
 * nothing), and only a record that can never be applied is negatively acknowledged, so the
 * channel's {@code failure-strategy=dead-letter-queue} sends that record alone to the dead-letter
 * topic. A batch met or failing while the service stops is neither: it stays unacknowledged, its
 * offsets are not committed, and it is delivered again after the restart (the processed-event
 * table makes that harmless).
 *
 * <p>Consumer methods take the whole {@link KafkaRecordBatch} and run {@code @Blocking}, so that
 * acknowledging is in our hands and records stay in order per partition. Every line logged while
 * a single record is applied carries its event id (from the {@code ce_id} header, see
 * {@link EventLogContext}) and its spans belong to the record's trace ({@link Consumed#enter()});
 * lines and statements about a whole batch belong to none.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    /** Records sent to the dead-letter topic. */
    static final String DEAD_LETTERS = "hotline.dead.letters";
    /**
     * Records whose transaction committed: applied, or recognised as applied before. The benchmark
     * times a drain by it, and a rate of 0 with a backlog is a consumer that is stuck.
     */
    static final String APPLIED = "hotline.inbox.applied";

    private final InFlight inFlight;
    private final MeterRegistry registry;
    private final InboxTransaction transaction;

    public Inbox(InFlight inFlight, MeterRegistry registry, InboxTransaction transaction) {
        this.inFlight = inFlight;
        this.registry = registry;
        this.transaction = transaction;
    }

    /** Counted from the start, so the metrics read 0 rather than missing until the first record. */
    void countFromStart(@Observes StartupEvent startup, @Any Instance<EventConsumer<?>> consumers) {
        consumers.forEach(consumer -> {
            registry.counter(DEAD_LETTERS, "channel", consumer.channel());
            registry.counter(APPLIED, "channel", consumer.channel());
        });
    }

    /** Applies one poll's batch through the consumer and acknowledges it once it committed. */
    public <E extends HotlineEvent> CompletionStage<Void> deliver(KafkaRecordBatch<String, String> batch, EventConsumer<E> consumer) {
        if (GracefulStop.began()) {
            return leftForNextStart();
        }
        String channel = consumer.channel();
        inFlight.begin(channel);
        try {
            transaction.apply(consumer, batch.getRecords().stream().map(Inbox::consumed).toList());
            registry.counter(APPLIED, "channel", channel).increment(batch.getRecords().size());
            return batch.ack();
        } catch (RuntimeException e) {
            if (GracefulStop.began()) {
                LOG.infof("Batch on %s left unacknowledged: the service stops (%s)", channel, e.getMessage());
                return leftForNextStart();
            }
            // The message only: a record itself may hold anything.
            LOG.infof("Batch of %d records on %s failed (%s); applying them one by one", batch.getRecords().size(),
                    channel, e.getMessage());
            return oneByOne(channel, batch, consumer);
        } finally {
            inFlight.end(channel);
        }
    }

    /**
     * Each record in its own transaction, so a poison record sinks nothing but itself. The batch is
     * acknowledged once its dead letters are on their topic (each is acknowledged by the
     * dead-letter strategy itself). A stop in the middle leaves the batch unacknowledged: after the
     * restart its applied records change nothing, but a poison record already dead-lettered is
     * dead-lettered a second time (its replay changes nothing twice either).
     */
    private <E extends HotlineEvent> CompletionStage<Void> oneByOne(String channel, KafkaRecordBatch<String, String> batch,
            EventConsumer<E> consumer) {
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            if (GracefulStop.began()) {
                return leftForNextStart();
            }
            Consumed consumed = consumed(record);
            try (Scope entered = consumed.enter()) {
                transaction.apply(consumer, List.of(consumed));
                registry.counter(APPLIED, "channel", channel).increment();
            } catch (RuntimeException e) {
                if (GracefulStop.began()) {
                    LOG.infof("Record on %s left unacknowledged: the service stops (%s)", channel, e.getMessage());
                    return leftForNextStart();
                }
                try (EventLogContext logged = EventLogContext.of(eventIdOf(record))) {
                    registry.counter(DEAD_LETTERS, "channel", channel).increment();
                    // The message only: the record itself may hold anything.
                    LOG.warnf("Record on %s goes to the dead-letter topic: %s", channel, e.getMessage());
                }
                deadLetters.add(record.nack(e).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new))
                .thenCompose(done -> batch.ack());
    }

    private static Consumed consumed(KafkaRecord<String, String> record) {
        return new Consumed(record.getPayload(), eventIdOf(record),
                TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElse(null));
    }

    /** The CloudEvents id header every producer of ours sets; null for a record without one. */
    static String eventIdOf(Message<?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getHeaders().lastHeader(CloudEventHeaders.ID))
                .map(Header::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .orElse(null);
    }

    /**
     * Never completes: the channel takes no further batch (the connector stops fetching for want
     * of demand), and nothing of this batch is acknowledged either.
     */
    private static CompletionStage<Void> leftForNextStart() {
        return new CompletableFuture<>();
    }
}
