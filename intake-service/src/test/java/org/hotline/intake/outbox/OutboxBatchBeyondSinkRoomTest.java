package org.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.events.CallerRole;
import org.hotline.events.Channel;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.events.Topics;
import org.hotline.intake.IntakeDatabase;
import org.hotline.outbox.Outbox;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A relay batch bigger than the room the Kafka sink gives (its unacknowledged records plus the
 * emitter's buffer, made tiny here) goes out whole and once: the relay waits for acks to free
 * room instead of having the emitter refuse the rest, which left the batch half sent, paused the
 * relay and sent those records again (what a bulk import and every drain ran into).
 */
@QuarkusTest
@TestProfile(OutboxBatchBeyondSinkRoomTest.TinySinkRoom.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class OutboxBatchBeyondSinkRoomTest {

    /** Room for 4 unacknowledged records and 2 buffered ones, against a batch of 300. */
    public static class TinySinkRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.outbox.max-inflight-messages", "4",
                    "mp.messaging.emitter.default-buffer-size", "2");
        }
    }

    private static final int EVENTS = 300;

    @Inject
    Outbox outbox;

    @Test
    void aBatchBiggerThanTheSinksRoomIsSentWholeAndEachEventOnce() {
        List<ContactRecorded> events = IntStream.range(0, EVENTS).mapToObj(i -> contact()).toList();
        Set<UUID> ids = events.stream().map(ContactRecorded::contactId).collect(Collectors.toSet());

        QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(events));

        await("the outbox relayed every event").atMost(Duration.ofSeconds(60))
                .until(() -> IntakeDatabase.count("select count(*) from outbox_message") == 0);
        Map<UUID, Integer> copies = copiesOnTheTopic(ids);
        assertThat(copies).as("every event on the topic").containsOnlyKeys(ids);
        assertThat(copies.values()).as("each once").containsOnly(1);
    }

    /** How often each of these contacts' events is on the contact topic, read to its current end. */
    private static Map<UUID, Integer> copiesOnTheTopic(Set<UUID> ids) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.PARTITIONS)
                    .mapToObj(p -> new TopicPartition(Topics.CONTACTS, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<UUID, Integer> copies = new HashMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (EventJson.read(record.value()) instanceof ContactRecorded contact
                            && ids.contains(contact.contactId())) {
                        copies.merge(contact.contactId(), 1, Integer::sum);
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return copies;
        }
    }

    private static ContactRecorded contact() {
        return new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(), "room-" + UUID.randomUUID(),
                CallerRole.SERVICEMAN, Channel.PHONE, Purpose.INFORMATION, Origin.RU,
                Instant.parse("2024-03-01T10:00:00Z"), null);
    }
}
