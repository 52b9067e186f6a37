package org.hotline.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventJson;
import org.hotline.telemetry.EventLogContext;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Moves committed outbox messages to Kafka, oldest first, and deletes them once the broker
 * acknowledged them ({@code acks=all}, idempotent producer). If the broker is down nothing is
 * deleted and the batch stays in the table: nothing is lost, and it goes out in order once Kafka
 * is back. A crash between the broker's ack and the delete sends a batch twice; consumers apply
 * each event id once, so that changes nothing. A message the broker refuses for good (too large,
 * say) is tried {@code hotline.outbox.max-attempts} times and then parked in {@code outbox_parked},
 * so it never holds up the messages behind it ({@link ParkedMessages} lists and re-sends them).
 *
 * <p>It runs on its own thread: woken right after a transaction that wrote to the outbox
 * commits, and otherwise polling (for messages left by a crash or an outage). One instance of a
 * service relays at a time, the one holding the {@link RelayLease}; it works in plain SQL on the
 * lease's own connection ({@link OutboxTable}), and refreshes the gauges on a timer, not per pass.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final OutboxGauges gauges;
    private final Semaphore wakeUps = new Semaphore(0);
    private final DataSource dataSource;
    private final RelayLease lease;
    private volatile boolean running;
    private Thread worker;
    private long nextLagRefresh = System.nanoTime();

    public OutboxRelay(@Channel("outbox") Emitter<String> emitter, OutboxConfig config, MeterRegistry registry,
            DataSource dataSource) {
        this.emitter = emitter;
        this.config = config;
        this.dataSource = dataSource;
        this.lease = new RelayLease(dataSource, config.relayLockId(), config.pollInterval().toNanos());
        this.gauges = new OutboxGauges(registry);
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
            // Lets an in-flight batch finish (its acknowledged messages deleted, the rest sent again
            // later) and the lease be given back, so another instance takes over at once.
            worker.join(config.ackTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gauges.remove();
        }
    }

    /** Called after a transaction that wrote to the outbox committed: relay now, not at the next poll. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void relayUntilStopped() {
        try {
            while (running) {
                relayPending();
                refreshLagNowAndThen();
                try {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            // Another instance may take over at once rather than after this one's session ends.
            lease.release();
        }
    }

    /** Relays batch after batch while batches come back full: one drain, on the lease's connection. */
    void relayPending() {
        if (!emitter.hasRequests()) {
            // The Kafka sink is not wired yet (start-up) or is gone (shut-down): nothing can be sent.
            return;
        }
        try {
            Connection connection = lease.connection();
            if (connection == null) {
                return; // another instance relays
            }
            int sent;
            do {
                sent = relayBatch(connection);
            } while (sent == config.batchSize() && running);
        } catch (SQLException e) {
            lease.lost();
            pause(e);
        } catch (RuntimeException | TimeoutException | ExecutionException e) {
            pause(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pause(Exception e) {
        if (running) {
            // Kafka or PostgreSQL is unavailable: the messages stay and the next round retries.
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    /**
     * Sends the oldest messages and deletes those the broker acknowledged. Each statement commits
     * on its own: the lease keeps every other relay away, so nothing needs a row lock, and a
     * message not yet deleted (a crash after the ack) is simply sent again.
     *
     * @return how many messages this call relayed
     */
    int relayBatch(Connection connection) throws SQLException, InterruptedException, ExecutionException,
            TimeoutException {
        List<OutboxMessage> batch = OutboxTable.oldestFirst(connection, config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            acks.add(sendWhenRoom(message, acks, deadline));
        }
        // Every message's outcome, acknowledged or refused. A broker that does not answer in time
        // (an outage) throws here instead: nothing is deleted or counted, and all are sent again.
        CompletableFuture.allOf(acks.stream().map(ack -> ack.handle((ok, failure) -> null))
                        .toArray(CompletableFuture[]::new))
                .get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        List<Long> sent = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Throwable failure = acks.get(i).handle((ok, error) -> error).join();
            if (failure == null) {
                sent.add(batch.get(i).id());
            } else {
                // In the message's trace and with its event id, so that the log lines about it carry both.
                Context writer = TraceContext.parentOf(batch.get(i));
                try (Scope inTrace = writer == null ? Scope.noop() : writer.makeCurrent();
                        EventLogContext logged = EventLogContext.of(eventIdOf(batch.get(i)))) {
                    refused(connection, batch.get(i), failure);
                }
            }
        }
        if (!sent.isEmpty()) {
            OutboxTable.delete(connection, sent);
        }
        return sent.size();
    }

    /**
     * Hands a record to the Kafka sink, waiting for room when it has none. The sink holds at most
     * its {@code max-inflight-messages} unacknowledged records (and the emitter a small buffer);
     * past that the emitter refuses the record, keeping nothing of it. A batch bigger than that
     * room (a drain, a bulk import) would otherwise fail half sent, pause the relay and go out
     * twice. The refusal itself is the test: {@code Emitter#hasRequests} reads another counter
     * than the one the emitter refuses by, and said yes to records it then refused.
     * Acknowledgements free room, so the wait is for the oldest record still unacknowledged.
     *
     * @throws TimeoutException if no room came before the batch's ack deadline (the broker is away):
     *                          nothing of the batch is deleted, and it is all sent again later
     */
    private CompletableFuture<Void> sendWhenRoom(OutboxMessage message, List<CompletableFuture<Void>> acks,
            long deadline) throws TimeoutException, InterruptedException {
        int oldest = 0;
        while (true) {
            try {
                return send(message);
            } catch (IllegalStateException noRoom) {
                if (!running) {
                    throw noRoom; // the sink is going away with the service: stop, do not wait for it
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the Kafka sink took no more records within " + config.ackTimeout()
                            + ": " + noRoom.getMessage());
                }
                while (oldest < acks.size() && acks.get(oldest).isDone()) {
                    oldest++;
                }
                long wait = Math.min(left, TimeUnit.MILLISECONDS.toNanos(10));
                if (oldest < acks.size()) {
                    try {
                        acks.get(oldest).get(wait, TimeUnit.NANOSECONDS);
                    } catch (ExecutionException | TimeoutException e) {
                        // Its outcome is read with the others' once the batch is sent.
                    }
                } else {
                    // Every record is acknowledged and the sink is about to ask for more.
                    LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(1)));
                }
            }
        }
    }

    /**
     * A message the broker did not take. A passing failure (broker away, leader moving, timeout)
     * is not its fault: it stays, uncounted. A refusal for good counts, and at the limit the
     * message is parked, so that the messages behind it are no longer held up by it.
     */
    private void refused(Connection connection, OutboxMessage message, Throwable failure) throws SQLException {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (isPassing(cause)) {
            return;
        }
        int attempts = message.attempts() + 1;
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (attempts < config.maxAttempts()) {
            OutboxTable.countRefusal(connection, message.id(), attempts, error);
            LOG.warnf("Kafka refused outbox message %d (attempt %d of %d): %s", message.id(), attempts,
                    config.maxAttempts(), error);
            return;
        }
        OutboxTable.park(connection, message.id(), attempts, error, Instant.now());
        LOG.errorf("Outbox message %d (%s, key %s) parked after %d refusals: %s; the messages behind it flow on",
                message.id(), message.eventType(), message.messageKey(), attempts, error);
    }

    /** Null for a payload this version cannot read: the line then names the outbox id alone. */
    private static UUID eventIdOf(OutboxMessage message) {
        try {
            return EventJson.envelopeOf(message.payload()).eventId();
        } catch (EventJson.UnreadableEvent e) {
            return null;
        }
    }

    private static boolean isPassing(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic())
                .withKey(message.messageKey())
                .withHeaders(headers(message))
                .build();
        // The Kafka connector starts its publish span under this parent and writes the traceparent
        // header from it, so the consumers continue the trace of the request that wrote the event.
        Context parent = TraceContext.parentOf(message);
        Metadata metadata = parent == null ? Metadata.of(kafka)
                : Metadata.of(kafka, TracingMetadata.withCurrent(parent));
        emitter.send(Message.of(message.payload(), metadata,
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

    /**
     * Today's {@code type} header and the CloudEvents attributes beside it. A payload this version
     * cannot read (written by an older one) still goes out, with the type header alone, rather
     * than jam the outbox.
     */
    private RecordHeaders headers(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("type", message.eventType().getBytes(StandardCharsets.UTF_8));
        try {
            CloudEventHeaders.of(EventJson.envelopeOf(message.payload()), config.source())
                    .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        } catch (EventJson.UnreadableEvent e) {
            LOG.warnf("Outbox message %d (%s) goes out without CloudEvents headers: %s", message.id(),
                    message.eventType(), e.getMessage());
        }
        return headers;
    }

    /**
     * The gauges, at most once per {@code lag-refresh-interval}: counting the outbox after every
     * pass cost more than the pass itself when a pass carries a few events.
     */
    private void refreshLagNowAndThen() {
        long now = System.nanoTime();
        if (now - nextLagRefresh < 0) {
            return;
        }
        nextLagRefresh = now + config.lagRefreshInterval().toNanos();
        try (Connection connection = dataSource.getConnection()) {
            gauges.show(OutboxTable.lag(connection), Instant.now());
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Outbox lag not refreshed: %s", e.getMessage());
        }
    }
}
