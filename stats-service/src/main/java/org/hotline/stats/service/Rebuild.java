package org.hotline.stats.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.inbox.UnusableEvent;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.repository.Generations;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Rebuilds the store by replaying both topics from the beginning into a fresh generation, while
 * the live consumers keep feeding the active generation and the new one. Once the replay has read
 * every record that existed when it started, the new generation becomes the active one in one
 * transaction; a rebuild that fails or is cut short never becomes active. A rebuild is refused
 * before it starts if any partition no longer begins at offset 0: that replay could only build
 * a store with records missing.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final int BATCH_ATTEMPTS = 5;

    /** How far a rebuild has come; {@code topics} maps each topic to records read and records to read. */
    public record Progress(String state, Integer generation, Instant startedAt, Instant finishedAt,
                           Map<String, TopicProgress> topics, long unreadable, String error) {

        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    public record TopicProgress(long done, long total) {
    }

    private final Generations generations;
    private final StatsWriter writer;
    private final StatsChanges changes;
    private final Clock clock;
    private final StatsConfig config;
    private final String bootstrapServers;
    private final List<String> topics;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "stats-rebuild"));
    private final AtomicReference<Progress> progress =
            new AtomicReference<>(new Progress("IDLE", null, null, null, Map.of(), 0, null));

    public Rebuild(Generations generations, StatsWriter writer, StatsChanges changes, Clock clock,
                   StatsConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.generations = generations;
        this.writer = writer;
        this.changes = changes;
        this.clock = clock;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.topics = List.of(config.rebuild().contactsTopic(), config.rebuild().casesTopic());
    }

    /** A generation left building by a stopped instance can never be finished: drop it. */
    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> generations.failUnfinished().forEach(generations::purge));
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
        try {
            // A rebuild cut short records its end (failed, purged) before the database closes under it;
            // were it stopped harder, the next start drops its generation all the same.
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Progress progress() {
        return progress.get();
    }

    /**
     * Starts a rebuild in the background; refused while one is running, and with
     * {@link IncompleteHistory} if records were deleted from the start of a replayed topic.
     */
    public synchronized Progress start() {
        if (progress.get().running()) {
            throw new RebuildRefused("A rebuild is already running.");
        }
        KafkaConsumer<String, String> consumer = consumer();
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            // One request for every partition, before any generation exists: a refusal leaves no trace.
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            requireWholeHistory(beginning);
            Instant now = clock.instant();
            int generation = QuarkusTransaction.requiringNew().call(() -> {
                generations.purgeDropped();
                return generations.startBuilding(now);
            });
            Progress started = new Progress("RUNNING", generation, now, null, Map.of(), 0, null);
            progress.set(started);
            // The replay thread takes the consumer over; this thread no longer touches it.
            executor.submit(() -> run(consumer, partitions, beginning, generation, now));
            return started;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private static void requireWholeHistory(Map<TopicPartition, Long> beginning) {
        List<IncompleteHistory.TruncatedPartition> truncated = beginning.entrySet().stream()
                .filter(start -> start.getValue() > 0)
                .map(start -> new IncompleteHistory.TruncatedPartition(start.getKey().topic(),
                        start.getKey().partition(), start.getValue()))
                .sorted(Comparator.comparing(IncompleteHistory.TruncatedPartition::topic)
                        .thenComparingInt(IncompleteHistory.TruncatedPartition::partition))
                .toList();
        if (!truncated.isEmpty()) {
            throw new IncompleteHistory(truncated);
        }
    }

    private void run(KafkaConsumer<String, String> replay, List<TopicPartition> partitions,
                     Map<TopicPartition, Long> beginning, int generation, Instant startedAt) {
        try (KafkaConsumer<String, String> consumer = replay) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Records after these offsets reach the new generation through the live consumers.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long unreadable = 0;
            while (true) {
                Map<TopicPartition, Long> positions = new HashMap<>();
                partitions.forEach(p -> positions.put(p, Math.min(consumer.position(p), end.get(p))));
                progress.set(new Progress("RUNNING", generation, startedAt, null,
                        topicProgress(beginning, positions, end), unreadable, null));
                if (partitions.stream().allMatch(p -> positions.get(p) >= end.get(p))) {
                    break;
                }
                List<HotlineEvent> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(config.rebuild().pollTimeout())) {
                    try {
                        HotlineEvent event = EventJson.read(record.value());
                        StatsWriter.check(event);
                        batch.add(event);
                    } catch (EventJson.UnreadableEvent | UnusableEvent e) {
                        // The live consumer sent it to the dead-letter topic; the replay skips it just the same.
                        unreadable++;
                    }
                }
                applyWithRetry(generation, batch);
            }
            Instant finishedAt = clock.instant();
            int retired = QuarkusTransaction.requiringNew().call(() -> generations.activate(generation, finishedAt));
            changes.changed();
            QuarkusTransaction.requiringNew().run(() -> generations.purge(retired));
            progress.set(new Progress("DONE", generation, startedAt, finishedAt, progress.get().topics(), unreadable,
                    null));
            LOG.infof("stats generation %d rebuilt from the topics and active; generation %d retired", generation,
                    retired);
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuilding stats generation %d failed; the active generation stays", generation);
            QuarkusTransaction.requiringNew().run(() -> {
                generations.fail(generation);
                generations.purge(generation);
            });
            progress.set(new Progress("FAILED", generation, startedAt, clock.instant(), progress.get().topics(),
                    progress.get().unreadable(), e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** A batch may lose a deadlock to a live consumer writing the same rows; it is rolled back whole, so try again. */
    private void applyWithRetry(int generation, List<HotlineEvent> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                writer.applyReplayed(generation, batch);
                return;
            } catch (RuntimeException e) {
                if (attempt == BATCH_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("replayed batch failed (attempt %d), trying again: %s", attempt, e.getMessage());
            }
        }
    }

    private Map<String, TopicProgress> topicProgress(Map<TopicPartition, Long> beginning,
                                                     Map<TopicPartition, Long> positions,
                                                     Map<TopicPartition, Long> end) {
        Map<String, TopicProgress> byTopic = new LinkedHashMap<>();
        for (String topic : topics) {
            long done = 0;
            long total = 0;
            for (TopicPartition partition : end.keySet()) {
                if (partition.topic().equals(topic)) {
                    done += positions.get(partition) - beginning.get(partition);
                    total += end.get(partition) - beginning.get(partition);
                }
            }
            byTopic.put(topic, new TopicProgress(done, total));
        }
        return byTopic;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.rebuild().maxPollRecords());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "stats-service-rebuild");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
