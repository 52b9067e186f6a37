package org.hotline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hotline.events.Topics;
import org.hotline.stack.KafkaBroker;

/**
 * Tells when contacts have been carried end to end, from Kafka's own bookkeeping, so it holds
 * whatever the services store and however they guard their APIs: intake's relay has published
 * them (the contact topic grew by that many records), case-service has published the cases they
 * opened, and both consumer groups have committed every record of the topics they read, which
 * they do only once the record's effect is committed in their database.
 *
 * <p>One admin client serves every question, asked every {@link #POLL}: a client per question
 * would cost the broker a connection each time and show up in the CPU per contact.
 */
final class Delivery implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(250);

    static final String CASE_SERVICE = "case-service";
    static final String STATS_SERVICE = "stats-service";

    /** The consumer groups, by the name of the service, and the topics each reads. */
    private static final Map<String, List<String>> READS = Map.of(
            CASE_SERVICE, List.of(Topics.CONTACTS),
            STATS_SERVICE, List.of(Topics.CONTACTS, Topics.CASES));

    private final Admin admin;

    Delivery(KafkaBroker kafka) {
        this.admin = kafka.admin();
    }

    /** Records published so far on a topic, over all its partitions. */
    long published(String topic) {
        try {
            return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
        } catch (ExecutionException e) {
            throw new BenchFailure("cannot read the end of " + topic + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }

    /**
     * Waits until {@code contacts} more contacts and {@code cases} more cases than at
     * {@code contactsBefore}/{@code casesBefore} are published and every group has read them all.
     * Returns false if that did not happen within {@code timeout}.
     */
    boolean await(long contactsBefore, long contacts, long casesBefore, long cases, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (published(Topics.CONTACTS) >= contactsBefore + contacts && published(Topics.CASES) >= casesBefore + cases
                    && READS.entrySet().stream().allMatch(e -> caughtUp(e.getKey(), e.getValue()))) {
                return true;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Records on the topics {@code group} reads that it has not committed yet: its backlog. */
    long backlog(String group) {
        return READS.get(group).stream().mapToLong(this::published).sum() - committed(group);
    }

    /** Records {@code group} has committed, over all partitions of the topics it reads. */
    long committed(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getValue() != null && READS.get(group).contains(e.getKey().topic()))
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (ExecutionException e) {
            throw new BenchFailure("cannot read what " + group + " committed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private boolean caughtUp(String group, List<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            for (String topic : topics) {
                for (Map.Entry<TopicPartition, Long> end : endOffsets(topic).entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    if ((at == null ? 0 : at.offset()) < end.getValue()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
