package org.hotline.intake.config;

import java.time.Duration;
import java.time.Instant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which contact times intake accepts. */
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
}
