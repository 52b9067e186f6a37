package org.hotline.stats.service;

import java.time.Clock;
import java.time.Instant;

import org.hotline.stats.config.StatsConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

/**
 * The summary as a live feed for dashboards. One ticker recomputes it when the figures changed (at
 * most once per interval, however many events arrive) and sends it to every viewer; a new viewer
 * gets the latest summary at once.
 */
@ApplicationScoped
public class SummaryFeed {

    private static final Logger LOG = Logger.getLogger(SummaryFeed.class);

    private final StatsQuery query;
    private final StatsChanges changes;
    private final StatsConfig config;
    private final Clock clock;
    private final BroadcastProcessor<Summary> viewers = BroadcastProcessor.create();
    private volatile Summary latest;
    private long sentVersion = -1;
    private Instant sentAt = Instant.MIN;
    private Cancellable ticker;

    public SummaryFeed(StatsQuery query, StatsChanges changes, StatsConfig config, Clock clock) {
        this.query = query;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        ticker = Multi.createFrom().ticks().every(config.feed().interval())
                .subscribe().with(tick -> refresh(), failure -> LOG.error("the summary feed stopped", failure));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.cancel();
        }
    }

    /** The latest summary first, then every new one. */
    public Multi<Summary> stream() {
        Summary current = latest;
        return current == null ? viewers : Multi.createBy().concatenating().streams(Multi.createFrom().item(current),
                viewers);
    }

    @ActivateRequestContext
    synchronized void refresh() {
        long version = changes.version();
        Instant now = clock.instant();
        if (version == sentVersion && now.isBefore(sentAt.plus(config.feed().refresh()))) {
            return;
        }
        try {
            Summary summary = query.summary();
            latest = summary;
            sentVersion = version;
            sentAt = now;
            viewers.onNext(summary);
        } catch (RuntimeException e) {
            // The next tick tries again; a viewer keeps the last figures meanwhile.
            LOG.warnf("cannot compute the summary for the live feed: %s", e.getMessage());
        }
    }
}
