package org.hotline.intake.service;

import org.hotline.audit.AuditLog;
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
    private final AuditLog auditLog;

    public CallerErasure(PersonalDataVault vault, AuditLog auditLog) {
        this.vault = vault;
        this.auditLog = auditLog;
    }

    /** @return whether the caller had personal data left to erase */
    @Transactional
    public boolean erase(String callerKey, String actor) {
        boolean erased = vault.erase(callerKey);
        // A request for a key with nothing left is recorded too: someone asked, and it is on file.
        auditLog.record(actor, "caller.erasure", callerKey, null, erased ? "erased" : "nothing-held");
        if (erased) {
            AUDIT.infof("Personal data of caller %s erased by %s", callerKey, actor);
        }
        return erased;
    }
}
