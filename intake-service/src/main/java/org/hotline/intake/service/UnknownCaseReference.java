package org.hotline.intake.service;

/**
 * A contact names a case reference that a working case-service says no case has. Only this
 * definite "no" refuses a contact; any doubt accepts it unverified.
 */
public class UnknownCaseReference extends RuntimeException {

    public UnknownCaseReference() {
        super("Unknown case reference.", null, false, false);
    }
}
