package org.hotline.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per key (a client address, a token subject): each key may spend {@code burst}
 * tokens at once, and gains one back every {@code refillEvery}. Time comes from the given
 * {@link Clock}, so a test that moves the clock moves the refill. Not a bean: a service makes one
 * per thing it limits, with its own configuration.
 *
 * <p>At most {@code maxKeys} keys are remembered: past that, the buckets that have filled up again
 * (no different from none) are let go, and if all are still draining the map is cleared, which
 * errs towards letting requests through rather than growing without bound under a spray of
 * addresses.
 */
public final class TokenBuckets {

    private final Clock clock;
    private final int burst;
    private final Duration refillEvery;
    private final int maxKeys;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(Clock clock, int burst, Duration refillEvery, int maxKeys) {
        if (burst < 1 || refillEvery.isNegative() || refillEvery.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("burst and maxKeys must be at least 1 and refillEvery positive");
        }
        this.clock = clock;
        this.burst = burst;
        this.refillEvery = refillEvery;
        this.maxKeys = maxKeys;
    }

    /**
     * Spends one token of this key's bucket if it has one.
     *
     * @return empty if the token was spent, or how long until the next one if there was none
     */
    public Optional<Duration> take(String key) {
        Instant now = clock.instant();
        if (buckets.size() >= maxKeys) {
            forgetFull(now);
        }
        Duration[] wait = {Duration.ZERO};
        buckets.compute(key, (k, bucket) -> {
            Bucket current = (bucket == null ? new Bucket(burst, now) : bucket).refilled(now, burst, refillEvery);
            if (current.tokens() >= 1) {
                return new Bucket(current.tokens() - 1, current.at());
            }
            wait[0] = nanosFor(1 - current.tokens());
            return current;
        });
        return wait[0].isZero() ? Optional.empty() : Optional.of(wait[0]);
    }

    private void forgetFull(Instant now) {
        buckets.entrySet().removeIf(e -> e.getValue().refilled(now, burst, refillEvery).tokens() >= burst);
        if (buckets.size() >= maxKeys) {
            buckets.clear();
        }
    }

    private Duration nanosFor(double tokens) {
        return Duration.ofNanos((long) Math.ceil(tokens * refillEvery.toNanos()));
    }

    /** Tokens left as of an instant; immutable, so {@code compute} swaps whole buckets. */
    private record Bucket(double tokens, Instant at) {

        Bucket refilled(Instant now, int burst, Duration refillEvery) {
            if (!now.isAfter(at)) {
                return this;
            }
            double gained = (double) Duration.between(at, now).toNanos() / refillEvery.toNanos();
            return new Bucket(Math.min(burst, tokens + gained), now);
        }
    }
}
