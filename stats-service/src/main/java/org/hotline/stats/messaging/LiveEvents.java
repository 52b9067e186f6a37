package org.hotline.stats.messaging;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.stats.service.StatsChanges;
import org.hotline.stats.service.StatsWriter;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one consumed record. A passing database failure is retried (each try in its own
 * transaction) before the record is given up; a record that can never be applied is given up at
 * once; the consumer then sends it to the dead-letter topic.
 */
@ApplicationScoped
public class LiveEvents {

    private final StatsWriter writer;
    private final StatsChanges changes;

    public LiveEvents(StatsWriter writer, StatsChanges changes) {
        this.writer = writer;
        this.changes = changes;
    }

    @Retry(maxRetries = 5, delay = 500, abortOn = {EventJson.UnreadableEvent.class, IllegalArgumentException.class})
    public void apply(String payload, Class<? extends HotlineEvent> expected) {
        HotlineEvent event = EventJson.read(payload);
        if (!expected.isInstance(event)) {
            throw new IllegalArgumentException("not a " + expected.getSimpleName() + ": " + event.typeName());
        }
        // Told after the commit, so the live feed never reads figures without this event.
        if (writer.applyLive(event)) {
            changes.changed();
        }
    }
}
