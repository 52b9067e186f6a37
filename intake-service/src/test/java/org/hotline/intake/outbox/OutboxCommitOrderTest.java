package org.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import jakarta.inject.Inject;

/**
 * The outbox takes a message's id at insert but relays in id order after commit: two concurrent
 * transactions for one caller must still reach Kafka in commit order.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class OutboxCommitOrderTest {

    @Inject
    Outbox outbox;

    @Test
    void aSecondTransactionForTheSameCallerWaitsForTheFirstAndFollowsItOnTheTopic() throws Exception {
        String callerKey = "order-" + UUID.randomUUID();
        ContactRecorded earlier = contact(callerKey);
        ContactRecorded later = contact(callerKey);
        CountDownLatch earlierPublished = new CountDownLatch(1);
        CountDownLatch commitEarlier = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(earlier);
                earlierPublished.countDown();
                awaitQuietly(commitEarlier);
            }));
            assertThat(earlierPublished.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> outbox.publish(later)));

            await("the later transaction waits for the caller's key").atMost(Duration.ofSeconds(30))
                    .until(() -> IntakeDatabase.count(
                            "select count(*) from pg_locks where locktype = 'advisory' and not granted") > 0);
            assertThat(second.isDone()).isFalse();
            commitEarlier.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            commitEarlier.countDown();
            pool.shutdown();
        }

        ConsumerRecord<String, String> sentFirst = ContactsTopic.recordFor(earlier.contactId());
        ConsumerRecord<String, String> sentSecond = ContactsTopic.recordFor(later.contactId());
        assertThat(sentSecond.partition()).isEqualTo(sentFirst.partition());
        assertThat(sentSecond.offset()).isGreaterThan(sentFirst.offset());
    }

    private static ContactRecorded contact(String callerKey) {
        return new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(), callerKey, CallerRole.SERVICEMAN,
                Channel.PHONE, Purpose.INFORMATION, Origin.RU, Instant.parse("2024-03-01T10:00:00Z"), null);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
