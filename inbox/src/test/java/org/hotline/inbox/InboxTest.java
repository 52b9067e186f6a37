package org.hotline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hotline.events.CloudEventHeaders;
import org.hotline.telemetry.EventLogContext;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/**
 * The inbox against SmallRye's own batch of records, with the commit and dead-letter handlers
 * replaced by recorders: which offsets were acknowledged, which records were dead-lettered.
 */
class InboxTest {

    private static final String TOPIC = "hotline.contacts.v1";
    private static final String POISON = "poison";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Inbox inbox = new Inbox(new InFlight(), registry);
    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private final List<Long> deadLettered = new CopyOnWriteArrayList<>();

    @Test
    void aBatchIsAppliedWholeInItsOrderAndAcknowledged() {
        Recorder applier = new Recorder();

        inbox.deliver("contacts-in", batch("a", "b", "c"), applier).toCompletableFuture().join();

        assertThat(applier.batches).containsExactly(List.of("a", "b", "c"));
        assertThat(applier.single).isEmpty();
        assertThat(acknowledged).containsExactly(2L);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsTheOnlyOneDeadLetteredAndTheOthersAreApplied() {
        Recorder applier = new Recorder();

        inbox.deliver("contacts-in", batch("a", POISON, "c"), applier).toCompletableFuture().join();

        assertThat(applier.single).containsExactly("a", "c");
        assertThat(deadLettered).containsExactly(1L);
        assertThat(acknowledged).contains(2L);
        assertThat(registry.counter("hotline.dead.letters", "channel", "contacts-in").count()).isEqualTo(1.0);
    }

    @Test
    void theLinesLoggedWhileARecordIsAppliedOnItsOwnCarryItsEventIdAndNoneAfter() {
        List<Object> whileApplied = new ArrayList<>();
        Recorder applier = new Recorder(payload -> whileApplied.add(MDC.get(EventLogContext.EVENT_ID)));

        inbox.deliver("contacts-in", batch("a", POISON), applier).toCompletableFuture().join();

        assertThat(whileApplied).containsExactly(eventId("a"), eventId(POISON));
        assertThat(MDC.get(EventLogContext.EVENT_ID)).isNull();
    }

    @Test
    void aRecordWithoutAnEventIdHeaderIsAppliedAllTheSame() {
        Recorder applier = new Recorder();
        ConsumerRecord<String, String> bare = new ConsumerRecord<>(TOPIC, 0, 0L, "caller-key", "a");

        inbox.deliver("contacts-in", batchOf(List.of(bare)), applier).toCompletableFuture().join();

        assertThat(applier.batches).containsExactly(List.of("a"));
        assertThat(acknowledged).containsExactly(0L);
    }

    /** Applies a whole batch or nothing, as a service's single transaction does; throws on a poison record. */
    private static final class Recorder implements TopicApplier {

        final List<List<String>> batches = new ArrayList<>();
        final List<String> single = new ArrayList<>();
        private final Consumer<String> effect;

        Recorder() {
            this(payload -> {
            });
        }

        Recorder(Consumer<String> effect) {
            this.effect = effect;
        }

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public void apply(String payload) {
            effect.accept(payload);
            if (POISON.equals(payload)) {
                throw new IllegalArgumentException("unreadable");
            }
            single.add(payload);
        }

        @Override
        public void applyAll(List<Consumed> records) {
            List<String> payloads = records.stream().map(Consumed::payload).toList();
            if (payloads.contains(POISON)) {
                throw new IllegalArgumentException("unreadable");
            }
            batches.add(payloads);
        }
    }

    private static String eventId(String payload) {
        return "event-" + payload;
    }

    private KafkaRecordBatch<String, String> batch(String... payloads) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String payload : payloads) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, records.size(), "caller-key", payload);
            record.headers().add(CloudEventHeaders.ID, eventId(payload).getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        return batchOf(records);
    }

    private KafkaRecordBatch<String, String> batchOf(List<ConsumerRecord<String, String>> records) {
        ConsumerRecords<String, String> polled = new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), records),
                Map.of());
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                acknowledged.add(record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler deadLetters = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                deadLettered.add(record.getOffset());
                return Uni.createFrom().completionStage(record.ack());
            }
        };
        return new IncomingKafkaRecordBatch<>(polled, "contacts-in", 0, commits, deadLetters, false, false);
    }
}
