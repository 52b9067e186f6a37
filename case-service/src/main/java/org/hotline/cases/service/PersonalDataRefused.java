package org.hotline.cases.service;

/**
 * intake-service refused a request for personal data that case-service composed: our fault, not
 * the officer's, and asking again will not help.
 */
public class PersonalDataRefused extends RuntimeException {

    public PersonalDataRefused() {
        super("intake-service refused the request for personal data.", null, false, false);
    }
}
