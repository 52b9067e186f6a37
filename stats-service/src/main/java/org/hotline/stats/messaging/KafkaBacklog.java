package org.hotline.stats.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hotline.inbox.KafkaConnection;
import org.hotline.stats.config.StatsConfig;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the broker itself says about the backlog, asked with one admin client: how far the consumer
 * groups are behind (end offset minus committed offset, over every partition they committed on), and
 * how many records lie on the dead-letter topics (end minus start offset). The broker is the one source
 * that counts every instance of a group and survives restarts of this service.
 */
@ApplicationScoped
public class KafkaBacklog {

    private final StatsConfig config;
    private final KafkaConnection kafka;
    private volatile Admin admin;

    public KafkaBacklog(StatsConfig config, KafkaConnection kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    /** Records not yet consumed, per group. */
    public Map<String, Long> consumerLag() throws KafkaUnavailable {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String group : config.dashboard().status().consumerGroups()) {
            committed.put(group, answer(admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()));
        }
        Set<TopicPartition> partitions = committed.values().stream().flatMap(offsets -> offsets.keySet().stream())
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<String, Long> lag = new HashMap<>();
        committed.forEach((group, offsets) -> lag.put(group, offsets.entrySet().stream()
                .filter(entry -> entry.getValue() != null && ends.containsKey(entry.getKey()))
                .mapToLong(entry -> Math.max(0, ends.get(entry.getKey()) - entry.getValue().offset()))
                .sum()));
        return lag;
    }

    /** Records on each dead-letter topic; a topic that does not exist yet holds none. */
    public Map<String, Long> deadLetters() throws KafkaUnavailable {
        List<String> topics = config.dashboard().status().deadLetterTopics();
        Set<String> existing = answer(admin().listTopics().names());
        List<String> present = topics.stream().filter(existing::contains).toList();
        Map<String, TopicDescription> described = answer(admin().describeTopics(present).allTopicNames());
        Set<TopicPartition> partitions = described.values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<String, Long> letters = new HashMap<>();
        topics.forEach(topic -> letters.put(topic, 0L));
        partitions.forEach(partition -> letters.merge(partition.topic(),
                ends.get(partition) - starts.get(partition), Long::sum));
        return letters;
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws KafkaUnavailable {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResultInfo> infos = answer(admin().listOffsets(
                partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec))).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        infos.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private <T> T answer(org.apache.kafka.common.KafkaFuture<T> future) throws KafkaUnavailable {
        try {
            return future.get(config.dashboard().status().sourceTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable(e);
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties properties = kafka.properties();
                    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "stats-service-status");
                    int timeout = (int) config.dashboard().status().sourceTimeout().toMillis();
                    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
                    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
                    admin = Admin.create(properties);
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }

    /** The broker did not answer in time, or refused. */
    public static final class KafkaUnavailable extends Exception {
        KafkaUnavailable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
