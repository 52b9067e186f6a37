package org.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hotline.intake.OwnSettingsProfile;
import org.hotline.events.CallerRole;
import org.hotline.events.Channel;
import org.hotline.events.ContactRecorded;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.intake.ContactsTopic;
import org.hotline.intake.IntakeDatabase;
import org.hotline.outbox.Outbox;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A relay batch bigger than the room the Kafka sink gives (its unacknowledged records plus the
 * emitter's buffer, made tiny here) goes out whole and once: the relay waits for acks to free
 * room instead of having the emitter refuse the rest, which left the batch half sent, paused the
 * relay and sent those records again (what a bulk import and every drain ran into).
 */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class OutboxBatchBeyondSinkRoomTest {

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
        Map<UUID, Integer> copies = ContactsTopic.copiesOf(ids);
        assertThat(copies).as("every event on the topic").containsOnlyKeys(ids);
        assertThat(copies.values()).as("each once").containsOnly(1);
    }

    private static ContactRecorded contact() {
        return new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(), "room-" + UUID.randomUUID(),
                CallerRole.SERVICEMAN, Channel.PHONE, Purpose.INFORMATION, Origin.RU,
                Instant.parse("2024-03-01T10:00:00Z"), null);
    }
}
