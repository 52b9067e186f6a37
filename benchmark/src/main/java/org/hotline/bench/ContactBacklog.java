package org.hotline.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.events.ContactRecorded;
import org.hotline.events.Topics;
import org.hotline.stack.KafkaBroker;
import org.hotline.stack.PostgresCluster;
import org.postgresql.PGConnection;

/**
 * Fills a drain's backlog in bulk, not through intake's API (which would measure intake again):
 * contact events straight onto the contact topic, as the relay sends them (acks=all, idempotent),
 * for the consumers; or rows straight into intake's {@code outbox_message} with COPY, in the shape
 * outbox's {@code R__outbox.sql} defines, for the relay. Either way while the service that would
 * take them is stopped.
 */
final class ContactBacklog {

    private final ContactEvents events;

    ContactBacklog(ContactEvents events) {
        this.events = events;
    }

    /** Sends {@code count} contact events to the contact topic and waits until all are acknowledged. */
    void toTopic(KafkaBroker kafka, long count) {
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        AtomicReference<Exception> refused = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (long i = 0; i < count; i++) {
                ContactEvents.Event event = events.next();
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CONTACTS, event.key(), event.json());
                event.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        refused.compareAndSet(null, failure);
                    }
                });
            }
            producer.flush();
        }
        if (refused.get() != null) {
            throw new BenchFailure("Kafka refused a backlog event: " + refused.get().getMessage());
        }
    }

    /** Copies {@code count} outbox rows of contact events into intake's database, in one transaction. */
    void toOutbox(PostgresCluster postgres, String database, long count) {
        try (Connection connection = postgres.connect(database)) {
            connection.setAutoCommit(false);
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy outbox_message (topic, message_key, event_type, payload, created_at) from stdin"
                            + " with (format csv)", new CsvRows(count));
            connection.commit();
        } catch (SQLException | IOException e) {
            throw new BenchFailure("cannot copy the backlog into " + database + "'s outbox: " + e.getMessage());
        }
    }

    /** The outbox rows as CSV, made as COPY reads them so that a million never sit in memory. */
    private final class CsvRows extends Reader {

        private final long count;
        private long written;
        private String pending = "";
        private int at;

        CsvRows(long count) {
            this.count = count;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (at == pending.length()) {
                if (written == count) {
                    return -1;
                }
                ContactEvents.Event event = events.next();
                pending = Topics.CONTACTS + "," + event.key() + "," + ContactRecorded.TYPE + ","
                        + quoted(event.json()) + "," + Instant.now() + "\n";
                at = 0;
                written++;
            }
            int n = Math.min(length, pending.length() - at);
            pending.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }

        private static String quoted(String field) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
    }
}
