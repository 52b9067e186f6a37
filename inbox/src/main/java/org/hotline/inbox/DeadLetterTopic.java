package org.hotline.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.events.CloudEventHeaders;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads this service's dead-letter topic from its beginning to its current end, without a consumer group. */
@ApplicationScoped
public class DeadLetterTopic {

    /** A dead letter, the record it holds and that record's event id (its ce_id header, kept by the dead-letter strategy). */
    public record Stored(DeadLetter letter, String payload, String eventId) {
    }

    private final KafkaConnection kafka;
    private final InboxConfig config;

    public DeadLetterTopic(KafkaConnection kafka, InboxConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    public List<Stored> readAll() {
        String topic = config.deadLetterTopic()
                .orElseThrow(() -> new IllegalStateException("hotline.inbox.dead-letter-topic is not set"));
        List<Stored> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        letters.add(new Stored(letterOf(record), record.value(),
                                header(record, CloudEventHeaders.ID).orElse(null)));
                    }
                }
            }
        }
        return letters;
    }

    private static DeadLetter letterOf(ConsumerRecord<String, String> record) {
        return new DeadLetter(record.partition() + "-" + record.offset(),
                header(record, "dead-letter-topic").orElse(null),
                header(record, "dead-letter-partition").map(Integer::valueOf).orElse(null),
                header(record, "dead-letter-offset").map(Long::valueOf).orElse(null),
                record.key(),
                header(record, "dead-letter-reason").orElse(null));
    }

    private static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = kafka.properties();
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
