package org.hotline.inbox;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service's consumers wait out outages and stop. */
@ConfigMapping(prefix = "hotline.inbox")
public interface InboxConfig {

    /**
     * How long a graceful stop waits for the batch being applied to finish before it lets the
     * database go. A batch still running then is left unacknowledged and delivered again after
     * the restart; it is never dead-lettered.
     */
    @WithDefault("10s")
    Duration stopTimeout();

    /**
     * How long one batch may take (retries included) before the service reports itself not
     * ready: its consumer cannot make progress, typically because the database is away.
     */
    @WithDefault("15s")
    Duration stuckAfter();

    /**
     * Unique constraints that concurrent writers are known to race for: a violation of one of them
     * is a lost race, tried again. Any other integrity violation would repeat on every try, so
     * the record goes to the dead-letter topic at once.
     */
    Optional<Set<String>> raceConstraints();

    /**
     * The topic this service's consumers send their dead letters to (each channel's
     * {@code dead-letter-queue.topic} names it), read by the dead-letter replay.
     */
    Optional<String> deadLetterTopic();

    /** How much of the exactly-once record ({@code processed_event}) is kept: see {@link ProcessedEventRetention}. */
    ProcessedEvents processedEvents();

    interface ProcessedEvents {

        /** The newest event ids kept; older ones are deleted (but those of dead letters). */
        @WithDefault("1000000")
        long keep();

        /** How often the old ids are pruned (read by the schedule of {@link ProcessedEventRetention}). */
        @WithDefault("1m")
        Duration pruneEvery();

        /** How many ids one delete statement removes, each in its own short transaction. */
        @WithDefault("10000")
        int pruneBatch();
    }
}
