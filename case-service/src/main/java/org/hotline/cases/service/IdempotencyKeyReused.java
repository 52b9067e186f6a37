package org.hotline.cases.service;

/** The Idempotency-Key of a new case was used before for a different request. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was already used for a different request.", null, false, false);
    }
}
