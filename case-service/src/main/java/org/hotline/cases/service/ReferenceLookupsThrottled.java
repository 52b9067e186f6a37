package org.hotline.cases.service;

import java.time.Duration;

/**
 * A token subject has named too many unknown case references lately: refused, whatever he names
 * now, until {@link #retryAfter()} has passed. Nothing is read for a refused lookup.
 */
public class ReferenceLookupsThrottled extends RuntimeException {

    private final Duration retryAfter;

    public ReferenceLookupsThrottled(Duration retryAfter) {
        super("Too many unknown case references lately; try again later.", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
