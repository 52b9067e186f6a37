package org.hotline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hotline.events.CallerRole;
import org.hotline.events.Channel;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
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
    private final Inbox inbox = new Inbox(new InFlight(), registry, new WithoutDatabase());
    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private final List<Long> deadLettered = new CopyOnWriteArrayList<>();

    @Test
    void aBatchIsAppliedWholeInItsOrderAndAcknowledged() {
        Recorder applier = new Recorder();

        inbox.deliver(batch("a", "b", "c"), applier).toCompletableFuture().join();

        assertThat(applier.batches).containsExactly(List.of("a", "b", "c"));
        assertThat(acknowledged).containsExactly(2L);
        assertThat(deadLettered).isEmpty();
        assertThat(registry.counter("hotline.inbox.applied", "channel", "contacts-in").count()).isEqualTo(3.0);
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsTheOnlyOneDeadLetteredAndTheOthersAreApplied() {
        Recorder applier = new Recorder();

        inbox.deliver(batch("a", POISON, "c"), applier).toCompletableFuture().join();

        assertThat(applier.batches).containsExactly(List.of("a"), List.of("c"));
        assertThat(deadLettered).containsExactly(1L);
        assertThat(acknowledged).contains(2L);
        assertThat(registry.counter("hotline.dead.letters", "channel", "contacts-in").count()).isEqualTo(1.0);
        assertThat(registry.counter("hotline.inbox.applied", "channel", "contacts-in").count()).isEqualTo(2.0);
    }

    @Test
    void theLinesLoggedWhileARecordIsAppliedOnItsOwnCarryItsEventIdAndNoneAfter() {
        List<Object> whileApplied = new ArrayList<>();
        Recorder applier = new Recorder(payload -> whileApplied.add(MDC.get(EventLogContext.EVENT_ID)));

        inbox.deliver(batch("a", POISON, "c"), applier).toCompletableFuture().join();

        assertThat(whileApplied).containsExactly(eventId("a"), eventId("c"));
        assertThat(MDC.get(EventLogContext.EVENT_ID)).isNull();
    }

    @Test
    void aRecordWithoutAnEventIdHeaderIsAppliedAllTheSame() {
        Recorder applier = new Recorder();
        ConsumerRecord<String, String> bare = new ConsumerRecord<>(TOPIC, 0, 0L, "caller-key", payload("a"));

        inbox.deliver(batchOf(List.of(bare)), applier).toCompletableFuture().join();

        assertThat(applier.batches).containsExactly(List.of("a"));
        assertThat(acknowledged).containsExactly(0L);
    }

    /**
     * The inbox's transaction without a database: a batch is read, then applied; every event is
     * new (the statements that recognise a repeat are ProcessedEventIdsTest's).
     */
    private static final class WithoutDatabase extends InboxTransaction {

        WithoutDatabase() {
            super(null);
        }

        @Override
        public <E extends HotlineEvent> void apply(EventConsumer<E> consumer, List<Consumed> records) {
            consumer.apply(Batch.read(consumer, records, new ProcessedEvents(null, null) {
                @Override
                public <T> List<T> firstTime(List<T> events, Function<T, UUID> idOf) {
                    return events;
                }
            }));
        }
    }

    /**
     * Records each batch it applies, as the names of its contacts (their case references); a
     * poison record is not a readable event.
     */
    private static final class Recorder extends EventConsumer<ContactRecorded> {

        final List<List<String>> batches = new ArrayList<>();
        private final Consumer<String> effect;

        Recorder() {
            this(name -> {
            });
        }

        Recorder(Consumer<String> effect) {
            super(null, "contacts-in", TOPIC, ContactRecorded.class);
            this.effect = effect;
        }

        @Override
        protected void check(ContactRecorded contact) {
        }

        @Override
        public void apply(Batch<ContactRecorded> batch) {
            List<String> applied = batch.firstTime().stream().map(ContactRecorded::caseReference).toList();
            applied.forEach(effect);
            batches.add(applied);
        }
    }

    /** A contact event named {@code name}, or a payload no one can read for {@link #POISON}. */
    private static String payload(String name) {
        if (POISON.equals(name)) {
            return "{not json";
        }
        return EventJson.write(new ContactRecorded(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)),
                UUID.randomUUID(), "caller-key", CallerRole.SERVICEMAN, Channel.PHONE, Purpose.INFORMATION,
                Origin.UNKNOWN, Instant.parse("2026-03-01T10:00:00Z"), name, false));
    }

    private static String eventId(String payload) {
        return "event-" + payload;
    }

    private KafkaRecordBatch<String, String> batch(String... payloads) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String payload : payloads) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, records.size(), "caller-key",
                    payload(payload));
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
