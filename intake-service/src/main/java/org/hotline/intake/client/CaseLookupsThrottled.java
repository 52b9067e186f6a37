package org.hotline.intake.client;

import java.time.Duration;

/**
 * case-service refuses this operator's reference lookups for a while (429): he named too many
 * references no case has. The follow-up is refused too, with the same wait, and nothing is
 * stored; it is an answer about the caller, not a failure of case-service, so it is neither
 * retried nor counted by the breaker.
 */
public class CaseLookupsThrottled extends RuntimeException {

    private final Duration retryAfter;

    public CaseLookupsThrottled(Duration retryAfter) {
        super("Too many unknown case references lately; try again later.", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
