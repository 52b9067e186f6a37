package org.hotline.intake.service;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Erases a caller's personal data on request, by destroying his data key. His contacts stay (cases
 * and stats keep their pseudonymous figures), but nothing personal in them can be read again.
 */
@ApplicationScoped
public class CallerErasure {

    private static final Logger AUDIT = Logger.getLogger("org.hotline.intake.audit");

    private final PersonalDataVault vault;

    public CallerErasure(PersonalDataVault vault) {
        this.vault = vault;
    }

    /** @return whether the caller had personal data left to erase */
    @Transactional
    public boolean erase(String callerKey, String actor) {
        boolean erased = vault.erase(callerKey);
        if (erased) {
            AUDIT.infof("Personal data of caller %s erased by %s", callerKey, actor);
        }
        return erased;
    }
}
