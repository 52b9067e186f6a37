package org.hotline.stats.service;

import java.time.Clock;

import org.hotline.clock.TokenBuckets;
import org.hotline.stats.config.StatsConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits the public figures per client address ({@code hotline.stats.publication.rate-limit}). The
 * answers change once a period, so a client that polls faster learns nothing more; the limit keeps
 * a poller from costing the service and the database.
 */
@ApplicationScoped
public class PublicRequestThrottle {

    private final TokenBuckets buckets;

    public PublicRequestThrottle(StatsConfig config, Clock clock) {
        StatsConfig.RateLimit limit = config.publication().rateLimit();
        this.buckets = new TokenBuckets(clock, limit.burst(), limit.refillEvery(), limit.maxClients());
    }

    /** @throws PublicRequestsThrottled if this address has no request left to spend */
    public void admit(String clientAddress) {
        buckets.take(clientAddress).ifPresent(wait -> {
            throw new PublicRequestsThrottled(wait);
        });
    }
}
