package org.hotline.intake;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private static final List<TopicPartition> PARTITIONS = IntStream.range(0, Topics.PARTITIONS)
            .mapToObj(p -> new TopicPartition(Topics.CONTACTS, p)).toList();

    /** The record of the event for this contact, once the outbox relay has sent it. */
    public static ConsumerRecord<String, String> recordFor(UUID contactId) {
        try (KafkaConsumer<String, String> consumer = fromTheStart()) {
            return await().atMost(Duration.ofSeconds(30)).until(
                    () -> find(consumer, contactId), Optional::isPresent).orElseThrow();
        }
    }

    /** How often each of these contacts' events is on the topic, read up to its end as it is now. */
    public static Map<UUID, Integer> copiesOf(Set<UUID> contactIds) {
        try (KafkaConsumer<String, String> consumer = fromTheStart()) {
            Map<TopicPartition, Long> end = consumer.endOffsets(PARTITIONS);
            Map<UUID, Integer> copies = new HashMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (EventJson.read(record.value()) instanceof ContactRecorded contact
                            && contactIds.contains(contact.contactId())) {
                        copies.merge(contact.contactId(), 1, Integer::sum);
                    }
                }
                return PARTITIONS.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return copies;
        }
    }

    private static KafkaConsumer<String, String> fromTheStart() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.assign(PARTITIONS);
        consumer.seekToBeginning(PARTITIONS);
        return consumer;
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
