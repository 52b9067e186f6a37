package org.hotline.intake.config;

import java.time.Duration;
import java.time.Instant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What intake accepts, and for how long it remembers what it answered. */
@ConfigMapping(prefix = "hotline.intake")
public interface IntakeConfig {

    /** When the hotline opened: no contact can have been received before. */
    @WithDefault("2022-09-18T00:00:00+03:00")
    Instant launch();

    /**
     * How far in the future a {@code receivedAt} may lie: chat bots and web forms stamp their
     * own clocks, which drift a little; more than that is a typo.
     */
    @WithDefault("5m")
    Duration futureTolerance();

    Idempotency idempotency();

    Batch batch();

    interface Idempotency {

        /**
         * How long the answer to an {@code Idempotency-Key} is kept: long enough to cover a
         * client's retries after an outage, after which the same key starts a new request.
         */
        @WithDefault("24h")
        Duration retention();

        /** How often expired answers are deleted (they stop counting at once anyway). */
        @WithDefault("1h")
        Duration purgeEvery();
    }

    interface Batch {

        /** Most contacts one bulk import may carry; a bigger body is refused whole (413). */
        @WithDefault("10000")
        int maxLines();

        /**
         * Contacts stored per transaction: big enough to import a history fast, small enough
         * that one failing line costs little to retry line by line.
         */
        @WithDefault("500")
        int chunkSize();
    }
}
