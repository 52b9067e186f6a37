package org.hotline.intake;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.Topics;
import org.hotline.testing.RealInfrastructure;

/** Reads {@link Topics#CONTACTS} from the start, as any consumer would, without a group. */
public final class ContactsTopic {

    private ContactsTopic() {
    }

    /** The record of the event for this contact, once the outbox relay has sent it. */
    public static ConsumerRecord<String, String> recordFor(UUID contactId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.PARTITIONS)
                    .mapToObj(p -> new TopicPartition(Topics.CONTACTS, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return await().atMost(Duration.ofSeconds(30)).until(
                    () -> find(consumer, contactId), Optional::isPresent).orElseThrow();
        }
    }

    private static Optional<ConsumerRecord<String, String>> find(KafkaConsumer<String, String> consumer, UUID contactId) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (EventJson.read(record.value()) instanceof ContactRecorded contact && contact.contactId().equals(contactId)) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }
}
