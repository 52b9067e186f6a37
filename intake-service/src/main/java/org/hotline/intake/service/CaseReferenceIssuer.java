package org.hotline.intake.service;

import java.security.SecureRandom;

import org.hotline.events.CaseReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Issues the reference an operator reads to a serviceman who asks to surrender. Unpredictable,
 * so nobody can guess another man's reference and ask about his case.
 */
@ApplicationScoped
public class CaseReferenceIssuer {

    private final SecureRandom random = new SecureRandom();

    /**
     * A fresh reference. Not checked here: the unique index on surrender requests' references
     * refuses one that is taken, and the contact is then given another (ContactService). A
     * query per reference cost more than that astronomically rare retry.
     */
    public String issue() {
        return CaseReference.generate(random, CaseReference.Issuer.INTAKE);
    }
}
