package org.hotline.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which traces a service starts. Quarkus' own {@code quarkus.otel.traces.sampler} does not apply:
 * it is fixed at build time, and {@link BackgroundSql} takes its place.
 */
@ConfigMapping(prefix = "hotline.tracing")
public interface TracingConfig {

    /**
     * The share (0 to 1) of untraced requests and records that start a trace of their own. Work
     * that arrives in a trace (a sampled {@code traceparent}) is traced with it whatever this says.
     * 1 traces every contact; 0 traces only what a caller chose to trace (the system tests do so,
     * sending a {@code traceparent} with the one contact they follow).
     */
    @WithDefault("1.0")
    double rootRatio();
}
