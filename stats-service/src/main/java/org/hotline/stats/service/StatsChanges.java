package org.hotline.stats.service;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/** A counter of changes to the figures, so the live feed recomputes only when something changed. */
@ApplicationScoped
public class StatsChanges {

    private final AtomicLong version = new AtomicLong();
    private volatile Instant lastLiveEvent;

    public void changed() {
        version.incrementAndGet();
    }

    /** A live event was applied at {@code at}: the status strip shows when the last one came. */
    public void liveEventApplied(Instant at) {
        lastLiveEvent = at;
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
