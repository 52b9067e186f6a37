package org.hotline.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When intake stops calling itself ready. */
@ConfigMapping(prefix = "hotline.readiness")
public interface ReadinessConfig {

    /**
     * The age of the oldest unrelayed event past which intake reports itself not ready. The relay
     * normally empties the outbox within a second; an event this old means contacts are stored
     * but reach nobody, and an operator must look. Generous, because a restarting broker is no
     * reason to turn callers away.
     */
    @WithDefault("5m")
    Duration outboxMaxAge();
}
