package org.hotline.intake.client;

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
     * @throws RuntimeException when case-service could not answer (down, slow, breaker open)
     */
    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 3000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2)
    public Optional<CaseSummary> find(String reference) {
        try {
            return Optional.of(api.find(reference));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
