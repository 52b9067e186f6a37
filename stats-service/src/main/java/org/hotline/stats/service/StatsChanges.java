package org.hotline.stats.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/** A counter of changes to the figures, so the live feed recomputes only when something changed. */
@ApplicationScoped
public class StatsChanges {

    private final AtomicLong version = new AtomicLong();

    public void changed() {
        version.incrementAndGet();
    }

    public long version() {
        return version.get();
    }
}
