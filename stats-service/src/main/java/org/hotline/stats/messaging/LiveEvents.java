package org.hotline.stats.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
 * Applies consumed records, a batch (or a single dead letter being replayed) in one transaction.
 * A passing failure (database away, deadlock with a rebuild) is retried without limit, each try in
 * its own transaction, with a delay growing to 5 s: an outage of any length holds the batch back
 * but never dead-letters it. A record that can never be applied (unreadable, wrong type, invalid)
 * fails at once, before anything is written; the inbox then applies the batch's records one by
 * one and sends that record alone to the dead-letter topic.
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
    public void applyAll(List<String> payloads, Class<? extends HotlineEvent> expected) {
        List<HotlineEvent> events = payloads.stream().map(payload -> read(payload, expected)).toList();
        // Told after the commit, so the live feed never reads figures without these events.
        if (writer.applyLive(events)) {
            changes.liveEventApplied(clock.instant());
        }
    }

    private static HotlineEvent read(String payload, Class<? extends HotlineEvent> expected) {
        HotlineEvent event = EventJson.read(payload);
        if (!expected.isInstance(event)) {
            throw new IllegalArgumentException("not a " + expected.getSimpleName() + ": " + event.typeName());
        }
        return event;
    }
}
