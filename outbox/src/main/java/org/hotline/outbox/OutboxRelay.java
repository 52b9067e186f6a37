package org.hotline.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
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
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;

/**
 * Moves committed outbox messages to Kafka, oldest first, and deletes them once the broker
 * acknowledged them ({@code acks=all}, idempotent producer). If the broker is down the batch
 * rolls back and stays in the table: nothing is lost, and it goes out in order once Kafka is
 * back. A crash between the broker's ack and the delete sends a batch twice; consumers apply
 * each event id once, so that changes nothing.
 *
 * <p>It runs on its own thread: woken right after a transaction that wrote to the outbox
 * commits, and otherwise polling (for messages left by a crash or an outage).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(@Channel("outbox") Emitter<String> emitter, OutboxConfig config, MeterRegistry registry) {
        this.emitter = emitter;
        this.config = config;
        Gauge.builder("hotline.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("hotline.outbox.oldest.age", oldestAgeMillis, a -> a.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest event still in the outbox").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wake();
        try {
            // Lets an in-flight batch finish: it either commits or rolls back and is sent again later.
            worker.join(config.ackTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called after a transaction that wrote to the outbox committed: relay now, not at the next poll. */
    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void relayUntilStopped() {
        while (running) {
            relayPending();
            try {
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void relayPending() {
        if (!emitter.hasRequests()) {
            // The Kafka sink is not wired yet (start-up) or is gone (shut-down): nothing can be sent.
            return;
        }
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew()
                        .timeout((int) config.ackTimeout().plusSeconds(15).toSeconds())
                        .call(this::relayBatch);
            } while (sent == config.batchSize() && running);
        } catch (RuntimeException e) {
            if (running) {
                // Kafka or PostgreSQL is unavailable: the messages stay and the next round retries.
                LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
            }
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
