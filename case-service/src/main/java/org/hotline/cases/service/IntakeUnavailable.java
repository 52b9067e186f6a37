package org.hotline.cases.service;

/**
 * intake-service, which keeps personal data, did not answer in time (down, slow, or its circuit
 * is open): nothing the officer did, and worth trying again shortly.
 */
public class IntakeUnavailable extends RuntimeException {

    public IntakeUnavailable() {
        super("intake-service, which keeps personal data, cannot be reached; try again shortly.", null, false, false);
    }
}
