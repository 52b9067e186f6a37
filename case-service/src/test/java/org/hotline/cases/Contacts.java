package org.hotline.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.events.CallerRole;
import org.hotline.events.CaseReference;
import org.hotline.events.Channel;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.events.Topics;
import org.hotline.testing.RealInfrastructure;

/** Contact events as intake publishes them, sent to the real contacts topic. */
final class Contacts {

    private static final Random RANDOM = new Random();
    private static KafkaProducer<String, String> producer;

    private Contacts() {
    }

    static String newCallerKey() {
        return "ck-" + UUID.randomUUID();
    }

    static String newReference() {
        return CaseReference.generate(RANDOM, CaseReference.Issuer.INTAKE);
    }

    static ContactRecorded surrenderRequest(String callerKey, String reference) {
        return contact(callerKey, CallerRole.SERVICEMAN, Purpose.SURRENDER_REQUEST, reference, now());
    }

    static ContactRecorded contact(String callerKey, CallerRole role, Purpose purpose, String reference, Instant at) {
        return new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(), callerKey, role, Channel.PHONE, purpose,
                Origin.RU, at, reference);
    }

    /** A contact intake accepted while it could not check the reference with case-service. */
    static ContactRecorded unverified(String callerKey, CallerRole role, Purpose purpose, String reference,
            Instant at) {
        return new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(), callerKey, role, Channel.PHONE, purpose,
                Origin.RU, at, reference, true);
    }

    static ContactRecorded send(ContactRecorded contact) {
        sendRaw(contact.callerKey(), EventJson.write(contact));
        return contact;
    }

    /** As intake's relay sends it when the contact's request was traced: with its traceparent header. */
    static ContactRecorded sendTraced(ContactRecorded contact, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CONTACTS, contact.callerKey(),
                EventJson.write(contact));
        record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        send(record);
        return contact;
    }

    /**
     * As intake's relay sends a traced contact: with the CloudEvents headers of the contract
     * ({@code ce_id} = its event id) and its {@code traceparent}.
     */
    static ContactRecorded sendAsRelayed(ContactRecorded contact, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CONTACTS, contact.callerKey(),
                EventJson.write(contact));
        CloudEventHeaders.of(contact, "/hotline/intake-service").forEach((name, value) ->
                record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        send(record);
        return contact;
    }

    static void sendRaw(String key, String value) {
        send(new ProducerRecord<>(Topics.CONTACTS, key, value));
    }

    /** Sent together and in this order (one key, one partition): the consumer polls them as one batch, or few. */
    static void sendAllRaw(String key, String... values) {
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer().send(new ProducerRecord<>(Topics.CONTACTS, key, value)));
            }
            for (Future<RecordMetadata> each : sent) {
                each.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + Topics.CONTACTS, e);
        }
    }

    private static void send(ProducerRecord<String, String> record) {
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + Topics.CONTACTS, e);
        }
    }

    /** Microseconds: what PostgreSQL keeps, so a value read back equals the one sent. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
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
