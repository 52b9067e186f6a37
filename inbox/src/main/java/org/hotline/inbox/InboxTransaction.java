package org.hotline.inbox;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotline.events.HotlineEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies records through their {@link EventConsumer} in one transaction, each event once, waiting
 * out transient failures. The retry sits outside the transaction, so each attempt is a fresh
 * transaction that sees what the previous ones could not. It never gives up on a transient failure:
 * a batch that waits holds up its partitions (and so its caller's later events, which must stay
 * in order), but is never lost or skipped. The delay grows to at most 5 s, so the consumer resumes
 * within seconds of the database's return; however long the outage, no record is dead-lettered
 * and the channel does not fail (it has no unprocessed-record age limit). A record that can never
 * be applied fails at once, before anything is written.
 */
@ApplicationScoped
public class InboxTransaction {

    private final ProcessedEvents processed;

    public InboxTransaction(ProcessedEvents processed) {
        this.processed = processed;
    }

    /** Reads every record (an unusable one fails the call before anything is written), then applies them. */
    @Retry(maxRetries = -1, maxDuration = 0, delay = 100, jitter = 50)
    @ExponentialBackoff(factor = 2, maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailure.class)
    public <E extends HotlineEvent> void apply(EventConsumer<E> consumer, List<Consumed> records) {
        Batch<E> batch = Batch.read(consumer, records, processed);
        QuarkusTransaction.requiringNew().run(() -> consumer.apply(batch));
    }
}
