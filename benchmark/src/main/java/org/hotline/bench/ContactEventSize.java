package org.hotline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.hotline.events.Topics;
import org.hotline.stack.KafkaBroker;

/**
 * The size of a contact event as intake really publishes it (key and value, averaged over the
 * first records of the topic), so the ceilings move records of the same size.
 */
final class ContactEventSize {

    private ContactEventSize() {
    }

    static int measure(KafkaBroker kafka) {
        Properties config = new Properties();
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500"));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONTACTS).stream()
                    .map(p -> new TopicPartition(Topics.CONTACTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long bytes = 0;
            int records = 0;
            Instant deadline = Instant.now().plusSeconds(20);
            while (records < 500 && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    bytes += record.serializedKeySize() + record.serializedValueSize();
                    records++;
                }
            }
            if (records == 0) {
                throw new BenchFailure("no contact event to measure on " + Topics.CONTACTS);
            }
            return (int) (bytes / records);
        }
    }
}
