package org.hotline.inbox;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Not ready while a consumer cannot make progress (a batch has been retried longer than
 * {@code hotline.inbox.stuck-after}, typically because the database is away); ready again by
 * itself once that batch went through. The consumer is never failed for it: it keeps waiting.
 */
@Readiness
@ApplicationScoped
public class ConsumerProgress implements HealthCheck {

    private final InFlight inFlight;
    private final InboxConfig config;

    public ConsumerProgress(InFlight inFlight, InboxConfig config) {
        this.inFlight = inFlight;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Duration> stuck = inFlight.longerThan(config.stuckAfter());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers making progress").status(stuck.isEmpty());
        stuck.forEach((channel, age) -> response.withData(channel, "one batch retried for " + age.toSeconds() + " s"));
        return response.build();
    }
}
