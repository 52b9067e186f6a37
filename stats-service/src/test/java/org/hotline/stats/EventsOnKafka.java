package org.hotline.stats;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.events.CallerRole;
import org.hotline.events.Channel;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.testing.RealInfrastructure;

/** Publishes events to the real test broker, as intake and case-service would. */
final class EventsOnKafka {

    private EventsOnKafka() {
    }

    static void publish(HotlineEvent event) {
        publishRaw(event.topic(), event.partitionKey(), EventJson.write(event));
    }

    /** Publishes the events in this order, through one producer. */
    static void publishAll(java.util.List<? extends HotlineEvent> events) {
        RealInfrastructure.kafka().publish(events);
    }

    static void publishRaw(String topic, String key, String... values) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            // Sent together and in this order (one key, one partition): a consumer polls them as one batch, or few.
            java.util.List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            for (java.util.concurrent.Future<?> each : sent) {
                each.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    static ContactRecorded contact(String callerKey, Instant occurredAt, Channel channel, Origin origin,
                                   Purpose purpose) {
        return new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(), callerKey, CallerRole.SERVICEMAN, channel,
                purpose, origin, occurredAt, null);
    }

    static ContactRecorded contact(String callerKey, Instant occurredAt) {
        return contact(callerKey, occurredAt, Channel.PHONE, Origin.RU, Purpose.INFORMATION);
    }

    static String newCallerKey() {
        return "ck-" + UUID.randomUUID();
    }
}
