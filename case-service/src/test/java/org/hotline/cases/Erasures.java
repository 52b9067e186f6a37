package org.hotline.cases;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.events.CallerErased;
import org.hotline.events.EventJson;
import org.hotline.events.Topics;
import org.hotline.testing.RealInfrastructure;

/** Erasures as intake publishes them, sent to the real erasure ledger. */
final class Erasures {

    private static KafkaProducer<String, String> producer;

    private Erasures() {
    }

    static CallerErased erased(String callerKey) {
        return new CallerErased(UUID.randomUUID(), callerKey, CallerErased.Cause.REQUEST, Instant.now());
    }

    static CallerErased send(CallerErased erasure) {
        try {
            producer().send(new ProducerRecord<>(Topics.ERASURES, erasure.callerKey(), EventJson.write(erasure))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + Topics.ERASURES, e);
        }
        return erasure;
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        return producer;
    }
}
