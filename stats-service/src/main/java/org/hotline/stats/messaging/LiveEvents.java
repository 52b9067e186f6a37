package org.hotline.stats.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.inbox.TransientFailure;
import org.hotline.stats.service.StatsChanges;
import org.hotline.stats.service.StatsWriter;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one consumed record. A passing failure (database away, deadlock with a rebuild) is
 * retried without limit, each try in its own transaction, with a delay growing to 5 s: an outage
 * of any length holds the record back but never dead-letters it. A record that can never be
 * applied (unreadable, wrong type, invalid) fails at once; the consumer then sends it to the
 * dead-letter topic.
 */
@ApplicationScoped
public class LiveEvents {

    private final StatsWriter writer;
    private final StatsChanges changes;
    private final Clock clock;

    public LiveEvents(StatsWriter writer, StatsChanges changes, Clock clock) {
        this.writer = writer;
        this.changes = changes;
        this.clock = clock;
    }

    @Retry(maxRetries = -1, maxDuration = 0, delay = 100, jitter = 50)
    @ExponentialBackoff(factor = 2, maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailure.class)
    public void apply(String payload, Class<? extends HotlineEvent> expected) {
        HotlineEvent event = EventJson.read(payload);
        if (!expected.isInstance(event)) {
            throw new IllegalArgumentException("not a " + expected.getSimpleName() + ": " + event.typeName());
        }
        // Told after the commit, so the live feed never reads figures without this event.
        if (writer.applyLive(event)) {
            changes.liveEventApplied(clock.instant());
        }
    }
}
