package org.hotline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hotline.events.CloudEventHeaders;
import org.hotline.telemetry.EventLogContext;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

class InboxTest {

    private static final String EVENT_ID = "5b0e0c1a-7a41-4a5e-9d8c-2f5c3b8f1e01";

    private final Inbox inbox = new Inbox(new InFlight(), new SimpleMeterRegistry());

    @Test
    void theLinesLoggedWhileARecordIsAppliedCarryItsEventIdAndNoneAfter() {
        AtomicReference<Object> whileApplied = new AtomicReference<>();

        inbox.deliver("contacts-in", record(EVENT_ID), applier(() -> whileApplied.set(MDC.get(EventLogContext.EVENT_ID))))
                .toCompletableFuture().join();

        assertThat(whileApplied).hasValue(EVENT_ID);
        assertThat(MDC.get(EventLogContext.EVENT_ID)).isNull();
    }

    @Test
    void aRecordWithoutAnEventIdHeaderIsAppliedAllTheSame() {
        AtomicReference<Boolean> applied = new AtomicReference<>(false);

        inbox.deliver("contacts-in", record(null), applier(() -> applied.set(true))).toCompletableFuture().join();

        assertThat(applied).hasValue(true);
    }

    private static Message<String> record(String eventId) {
        ConsumerRecord<String, String> kafka = new ConsumerRecord<>("hotline.contacts.v1", 0, 0L, "caller-key", "{}");
        if (eventId != null) {
            kafka.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
        }
        return Message.of(kafka.value(), Metadata.of(new IncomingKafkaRecordMetadata<>(kafka, "contacts-in")));
    }

    private static TopicApplier applier(Runnable effect) {
        return new TopicApplier() {
            @Override
            public String topic() {
                return "hotline.contacts.v1";
            }

            @Override
            public void apply(String payload) {
                effect.run();
            }
        };
    }
}
