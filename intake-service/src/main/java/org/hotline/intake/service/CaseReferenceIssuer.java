package org.hotline.intake.service;

import java.security.SecureRandom;

import org.hotline.events.CaseReference;
import org.hotline.intake.Contact;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Issues the reference an operator reads to a serviceman who asks to surrender. Unpredictable,
 * so nobody can guess another man's reference and ask about his case.
 */
@ApplicationScoped
public class CaseReferenceIssuer {

    /** 31^7 references: a collision is astronomically rare, so a few tries always suffice. */
    private static final int MAX_TRIES = 5;

    private final SecureRandom random = new SecureRandom();

    /** A reference no surrender request holds yet; the unique index guards the tiny race left. */
    public String issue() {
        for (int i = 0; i < MAX_TRIES; i++) {
            String reference = CaseReference.generate(random, CaseReference.Issuer.INTAKE);
            if (!Contact.isIssued(reference)) {
                return reference;
            }
        }
        throw new IllegalStateException("no free case reference after " + MAX_TRIES + " tries");
    }
}
