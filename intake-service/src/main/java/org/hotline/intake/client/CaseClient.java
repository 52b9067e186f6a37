package org.hotline.intake.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

/**
 * Looks up cases in case-service. An operator is on the line while this runs, so it gives up
 * fast; the breaker stops every follow-up from waiting out the timeout while case-service is
 * down. The values are overridable per profile (tests shorten them).
 */
@ApplicationScoped
public class CaseClient {

    private final CaseServiceApi api;

    public CaseClient(@RestClient CaseServiceApi api) {
        this.api = api;
    }

    /**
     * The case under this reference, or empty if case-service does not know it. "Not found" is
     * an answer, not a failure: it is caught here, inside the breaker, so it never trips it.
     *
     * @throws CaseLookupsThrottled when case-service refuses this operator's lookups for a while
     * @throws RuntimeException when case-service could not answer (down, slow, breaker open)
     */
    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 3000, abortOn = CaseLookupsThrottled.class)
    // One operator's guessing must not open the breaker for every other follow-up.
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, skipOn = CaseLookupsThrottled.class)
    public Optional<CaseSummary> find(String reference) {
        try {
            return Optional.of(api.find(reference));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            if (e.getResponse() != null && e.getResponse().getStatus() == 429) {
                throw new CaseLookupsThrottled(retryAfter(e.getResponse().getHeaderString("Retry-After")));
            }
            throw e;
        }
    }

    /** case-service sends whole seconds; anything else is read as the shortest sensible wait. */
    private static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
        } catch (RuntimeException e) {
            return Duration.ofSeconds(1);
        }
    }
}
