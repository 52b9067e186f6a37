package org.hotline.stats.service;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** A counter of changes to the figures, so the live feed recomputes only when something changed. */
@ApplicationScoped
public class StatsChanges {

    private final AtomicLong version = new AtomicLong();
    private volatile Instant lastLiveEvent;

    public void changed() {
        version.incrementAndGet();
    }

    /**
     * Live events were applied: the status strip shows when the last ones came. Told once their
     * transaction committed, so the live feed never reads figures without them.
     */
    void liveEventsApplied(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatsWriter.LiveEventsApplied applied) {
        lastLiveEvent = applied.at();
        changed();
    }

    /** When this process last applied a live event; empty since its start until one comes. */
    public Optional<Instant> lastLiveEvent() {
        return Optional.ofNullable(lastLiveEvent);
    }

    public long version() {
        return version.get();
    }
}
