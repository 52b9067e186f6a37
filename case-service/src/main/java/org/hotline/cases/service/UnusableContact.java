package org.hotline.cases.service;

/**
 * A contact event case-service cannot act on and must not guess about (no event id, a surrender
 * request without a reference, a reference of another caller's case). It goes to the dead-letter
 * topic for a person to look at. The message never carries personal data.
 */
public class UnusableContact extends RuntimeException {

    public UnusableContact(String message) {
        super(message);
    }
}
