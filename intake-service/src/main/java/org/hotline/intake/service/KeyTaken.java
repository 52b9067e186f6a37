package org.hotline.intake.service;

/**
 * Thrown inside the transaction that tried to remember an answer, when a concurrent request with
 * the same key committed first: the transaction must roll back, and that request's answer is ours.
 */
public class KeyTaken extends RuntimeException {

    public KeyTaken() {
        super(null, null, false, false);
    }
}
