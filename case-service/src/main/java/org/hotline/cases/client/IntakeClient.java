package org.hotline.cases.client;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

/**
 * Reads a contact's personal data from intake on a case officer's behalf. "Not found" is an
 * answer, not a failure: it neither retries nor trips the breaker. A refusal of intake (4xx; 403
 * when its need-to-know rule refuses the officer) would be the same on every try, so it is not
 * retried either.
 */
@ApplicationScoped
public class IntakeClient {

    private final IntakeApi intake;

    public IntakeClient(@RestClient IntakeApi intake) {
        this.intake = intake;
    }

    @Timeout(4000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = IntakeRefused.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, skipOn = IntakeRefused.class)
    public Optional<JsonNode> personalData(UUID contactId, String accessReason) {
        try {
            return Optional.ofNullable(intake.contact(contactId, accessReason));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 403) {
                throw new IntakeDenied();
            }
            if (status >= 400 && status < 500) {
                throw new IntakeRefused(status);
            }
            throw e;
        }
    }

    /** intake answered 4xx other than 404: our request was wrong, and asking again will not help. */
    public static class IntakeRefused extends RuntimeException {

        public IntakeRefused(int status) {
            super("intake-service refused the personal-data request with " + status, null, false, false);
        }

        IntakeRefused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * intake answered 403: by what it knows of the case's assignment (need to know), the officer may
     * not read this contact. A refusal like the others, not a failure of intake.
     */
    public static class IntakeDenied extends IntakeRefused {

        public IntakeDenied() {
            super("intake-service refused the personal-data request: not the officer's case as far as it knows");
        }
    }
}
