package org.hotline.stats.service;

import java.time.Duration;

/** A client address asked for public figures faster than its token bucket allows. */
public class PublicRequestsThrottled extends RuntimeException {

    private final Duration retryAfter;

    public PublicRequestsThrottled(Duration retryAfter) {
        super("Too many requests for the public figures from this address; they change once a day.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
