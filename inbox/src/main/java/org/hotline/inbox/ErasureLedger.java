package org.hotline.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.events.CallerErased;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Topics;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Follows the erasure ledger ({@link Topics#ERASURES}, kept for ever) and hands every
 * {@link CallerErased} to the service's {@link ErasureApplier}, in a service that has one.
 *
 * <p>How far it has read lives in the service's own database ({@link ErasureLedgerPositions}),
 * written in the transaction of the erasures it covers, never in a Kafka consumer group. So a
 * database restored from a backup taken before an erasure also holds the position of that backup,
 * and the next catch-up applies again exactly the erasures the backup does not reflect.
 *
 * <p>It catches up at start-up, blocking until it has (Kafka and the database waited out): Quarkus
 * opens the HTTP port only after every {@code StartupEvent} observer has returned, so a restored
 * service answers no read before its erasures are applied again. Then every
 * {@code hotline.erasure-ledger.catch-up-every}, and when an admin asks
 * ({@code POST /api/v1/admin/erasure-ledger/catch-up}).
 */
@ApplicationScoped
public class ErasureLedger {

    private static final Logger LOG = Logger.getLogger(ErasureLedger.class);
    private static final String TOPIC = Topics.ERASURES;

    /** What one catch-up did: records read, erasures handed over, and each partition's position after it. */
    public record CatchUp(boolean fromStart, long recordsRead, long erasuresApplied, Map<Integer, Long> positions) {
    }

    private final KafkaConnection kafka;
    private final ErasureLedgerConfig config;
    private final Instance<ErasureApplier> appliers;
    private final ErasureLedgerPositions positions;
    /** Set once the service stops: a scheduled run then would only find the database closed. */
    private volatile boolean stopping;

    public ErasureLedger(KafkaConnection kafka, ErasureLedgerConfig config, Instance<ErasureApplier> appliers,
            ErasureLedgerPositions positions) {
        this.kafka = kafka;
        this.config = config;
        this.appliers = appliers;
        this.positions = positions;
    }

    /** Whether this service destroys anything on an erasure (stats-service keeps only counts: it does not). */
    public boolean followed() {
        return appliers.isResolvable();
    }

    /**
     * Early among the start-up observers: before the consumers start (their observers come later by
     * default priority), so no contact is applied on top of a restored, not yet re-erased database.
     */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started)
            throws InterruptedException {
        if (!followed()) {
            return;
        }
        while (true) {
            try {
                CatchUp done = catchUp(false);
                LOG.infof("Erasure ledger caught up at start: %d erasures applied, positions %s",
                        done.erasuresApplied(), done.positions());
                return;
            } catch (RuntimeException e) {
                // Not serving is the safe side: a restored database may still hold what was erased.
                LOG.warnf("Erasure ledger not caught up yet, the service waits and tries again in %s: %s",
                        config.retryEvery(), e.getMessage());
                Thread.sleep(config.retryEvery().toMillis());
            }
        }
    }

    void onStop(@Observes ShutdownEvent stopped) {
        stopping = true;
    }

    @Scheduled(every = "${hotline.erasure-ledger.catch-up-every:30s}",
            delayed = "${hotline.erasure-ledger.catch-up-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!followed() || stopping) {
            return;
        }
        try {
            CatchUp done = catchUp(false);
            if (done.erasuresApplied() > 0) {
                LOG.infof("Erasure ledger: %d erasures applied", done.erasuresApplied());
            }
        } catch (RuntimeException e) {
            // Nothing is lost: the position did not move, the next run reads the same records.
            LOG.warnf("Erasure ledger not read this time: %s", e.getMessage());
        }
    }

    /**
     * Reads the ledger from the stored positions (or from its start) to its end as it is now, a
     * poll at a time, each poll's erasures applied and its positions stored in one transaction.
     * One catch-up at a time in this process; two instances may overlap, which only applies some
     * erasures twice.
     *
     * @throws IllegalStateException when this service follows no ledger, or the ledger cannot be read
     */
    public synchronized CatchUp catchUp(boolean fromStart) {
        if (!followed()) {
            throw new IllegalStateException("this service has no ErasureApplier");
        }
        ErasureApplier applier = appliers.get();
        Duration timeout = config.kafkaTimeout();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(TOPIC, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("the erasure ledger " + TOPIC + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<Integer, Long> stored = fromStart ? Map.of()
                    : QuarkusTransaction.requiringNew().call(() -> positions.of(TOPIC));

            Map<TopicPartition, Long> reached = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long from = stored.getOrDefault(partition.partition(), 0L);
                if (from > end.get(partition)) {
                    // The topic was created anew (or the database belongs to another cluster): all again.
                    LOG.warnf("Erasure ledger partition %d: stored position %d lies beyond its end %d, read again"
                            + " from its start", partition.partition(), from, end.get(partition));
                    from = 0;
                }
                from = Math.max(from, begin.get(partition));
                consumer.seek(partition, from);
                reached.put(partition, from);
            }

            long read = 0;
            long applied = 0;
            long lastProgress = System.nanoTime();
            while (partitions.stream().anyMatch(p -> reached.get(p) < end.get(p))) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                List<CallerErased> erasures = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    // Records written since the end was read wait for the next catch-up.
                    if (record.offset() < end.get(partition)) {
                        read++;
                        erasureOf(record).ifPresent(erasures::add);
                    }
                }
                Map<Integer, Long> now = new TreeMap<>();
                for (TopicPartition partition : partitions) {
                    long next = Math.min(consumer.position(partition, timeout), end.get(partition));
                    if (next != reached.get(partition)) {
                        now.put(partition.partition(), next);
                    }
                }
                if (now.isEmpty() && erasures.isEmpty()) {
                    if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(timeout) > 0) {
                        throw new IllegalStateException("the erasure ledger made no progress for " + timeout);
                    }
                    continue;
                }
                QuarkusTransaction.requiringNew().run(() -> {
                    if (!erasures.isEmpty()) {
                        applier.apply(erasures);
                    }
                    positions.save(TOPIC, now);
                });
                applied += erasures.size();
                now.forEach((partition, next) -> reached.put(new TopicPartition(TOPIC, partition), next));
                lastProgress = System.nanoTime();
            }
            // Where the loop wrote nothing but the stored row is wrong or missing (a first catch-up,
            // a re-read, a position beyond the end): record where each partition stands.
            Map<Integer, Long> after = new TreeMap<>();
            reached.forEach((partition, next) -> after.put(partition.partition(), next));
            Map<Integer, Long> corrected = new TreeMap<>(after);
            corrected.entrySet().removeIf(position -> position.getValue().equals(stored.get(position.getKey())));
            if (!corrected.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> positions.save(TOPIC, corrected));
            }
            return new CatchUp(fromStart, read, applied, after);
        }
    }

    private static Optional<CallerErased> erasureOf(ConsumerRecord<String, String> record) {
        try {
            HotlineEvent event = EventJson.read(record.value());
            if (event instanceof CallerErased erased && erased.callerKey() != null && !erased.callerKey().isBlank()) {
                return Optional.of(erased);
            }
        } catch (EventJson.UnreadableEvent e) {
            // Falls through: logged below, never retried for ever (it would stop the service starting).
        }
        // Only intake writes the ledger, with the shared schema: this is a bug to look at, not an erasure.
        LOG.errorf("Erasure ledger record %d-%d is not a readable CallerErased with a caller key: skipped",
                record.partition(), record.offset());
        return Optional.empty();
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = kafka.properties();
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "erasure-ledger-" + UUID.randomUUID());
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
