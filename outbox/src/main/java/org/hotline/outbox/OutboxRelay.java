package org.hotline.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Moves committed outbox messages to Kafka, oldest first, and deletes them once the broker
 * acknowledged them ({@code acks=all}, idempotent producer). If the broker is down the batch
 * rolls back and stays in the table: nothing is lost, and it goes out in order once Kafka is
 * back. A crash between the broker's ack and the delete sends a batch twice; consumers apply
 * each event id once, so that changes nothing.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    public OutboxRelay(@Channel("outbox") Emitter<String> emitter, OutboxConfig config, MeterRegistry registry) {
        this.emitter = emitter;
        this.config = config;
        Gauge.builder("hotline.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("hotline.outbox.oldest.age", oldestAgeMillis, a -> a.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest event still in the outbox").register(registry);
    }

    @Scheduled(every = "${hotline.outbox.poll-interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void relayPending() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew()
                        .timeout((int) config.ackTimeout().plusSeconds(15).toSeconds())
                        .call(this::relayBatch);
            } while (sent == config.batchSize());
        } catch (RuntimeException e) {
            // Kafka or PostgreSQL is unavailable: the messages stay and the next tick retries.
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        } finally {
            refreshLag();
        }
    }

    /** @return how many messages this call relayed */
    int relayBatch() throws Exception {
        if (!holdsRelayLock()) {
            return 0;
        }
        List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("order by id")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, config.batchSize())
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            acks.add(send(message));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        OutboxMessage.delete("id in ?1", batch.stream().map(m -> m.id).toList());
        return batch.size();
    }

    private boolean holdsRelayLock() {
        return (Boolean) OutboxMessage.getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, config.relayLockId())
                .getSingleResult();
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("type", message.eventType.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.messageKey)
                .withHeaders(headers)
                .build();
        emitter.send(Message.of(message.payload, Metadata.of(metadata),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }

    private void refreshLag() {
        try {
            Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> OutboxMessage.getEntityManager()
                    .createNativeQuery("select count(*), min(created_at) from outbox_message")
                    .getSingleResult());
            pending.set(((Number) row[0]).longValue());
            Instant oldest = row[1] == null ? null : toInstant(row[1]);
            oldestAgeMillis.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis());
        } catch (RuntimeException e) {
            LOG.debugf("Outbox lag not refreshed: %s", e.getMessage());
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
