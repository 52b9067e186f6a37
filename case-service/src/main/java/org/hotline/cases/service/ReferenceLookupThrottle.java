package org.hotline.cases.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.hotline.cases.config.CaseConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows down, then refuses, a token subject who keeps naming references no case has: a token
 * bucket per subject ({@link CaseConfig.ReferenceLookups}) that only unknown references drain.
 * Time comes from the injected {@link Clock}, so tests can move it.
 */
@ApplicationScoped
public class ReferenceLookupThrottle {

    private final Clock clock;
    private final int burst;
    private final Duration refillEvery;
    private final Cache<String, Bucket> buckets;

    public ReferenceLookupThrottle(CaseConfig config, Clock clock) {
        this.clock = clock;
        this.burst = config.referenceLookups().burst();
        this.refillEvery = config.referenceLookups().refillEvery();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.referenceLookups().maxSubjects())
                // A bucket that has filled up again is no different from none: let it go then.
                .expireAfter(Expiry.<String, Bucket>writing((subject, bucket) -> bucket.untilFull()))
                .build();
    }

    /**
     * Lets a lookup through, or refuses it before anything is read.
     *
     * @throws ReferenceLookupsThrottled if this subject has no unknown reference left to spend
     */
    public void admit(String subject) {
        Bucket bucket = buckets.getIfPresent(subject);
        if (bucket == null) {
            return;
        }
        Duration wait = bucket.refilled(clock.instant()).untilNext();
        if (!wait.isZero()) {
            throw new ReferenceLookupsThrottled(wait);
        }
    }

    /**
     * Counts an unknown reference against this subject. Lookups admitted at the same time may
     * drive the bucket below zero; the debt is waited out, so parallel guessing gains nothing.
     */
    public void unknownReferenceNamed(String subject) {
        Instant now = clock.instant();
        buckets.asMap().compute(subject,
                (s, bucket) -> (bucket == null ? new Bucket(burst, now, burst, refillEvery) : bucket.refilled(now)).spend());
    }

    /**
     * Unknown references a subject may still name, as of an instant. Immutable, so that
     * {@code compute} swaps whole buckets atomically and Caffeine sees every change.
     */
    private record Bucket(double tokens, Instant at, int burst, Duration refillEvery) {

        Bucket refilled(Instant now) {
            if (!now.isAfter(at)) {
                return this;
            }
            double gained = (double) Duration.between(at, now).toNanos() / refillEvery.toNanos();
            return new Bucket(Math.min(burst, tokens + gained), now, burst, refillEvery);
        }

        Bucket spend() {
            return new Bucket(tokens - 1, at, burst, refillEvery);
        }

        Duration untilNext() {
            return tokens >= 1 ? Duration.ZERO : nanosFor(1 - tokens);
        }

        Duration untilFull() {
            return nanosFor(Math.max(0, burst - tokens));
        }

        private Duration nanosFor(double tokensToGain) {
            return Duration.ofNanos((long) Math.ceil(tokensToGain * refillEvery.toNanos()));
        }
    }
}
