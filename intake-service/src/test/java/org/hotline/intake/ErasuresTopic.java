package org.hotline.intake;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.events.CallerErased;
import org.hotline.events.EventJson;
import org.hotline.events.Topics;
import org.hotline.testing.RealInfrastructure;

/** Reads the erasure ledger ({@link Topics#ERASURES}) on the real broker, from its start. */
public final class ErasuresTopic {

    private static final List<TopicPartition> PARTITIONS = IntStream.range(0, Topics.PARTITIONS)
            .mapToObj(p -> new TopicPartition(Topics.ERASURES, p)).toList();

    private ErasuresTopic() {
    }

    /** The ledger's record of this caller's erasure, once the outbox relay has sent it. */
    public static ConsumerRecord<String, String> recordFor(String callerKey) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.assign(PARTITIONS);
            consumer.seekToBeginning(PARTITIONS);
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (EventJson.read(record.value()) instanceof CallerErased erased
                            && erased.callerKey().equals(callerKey)) {
                        return Optional.of(record);
                    }
                }
                return Optional.<ConsumerRecord<String, String>>empty();
            }, Optional::isPresent).orElseThrow();
        }
    }
}
