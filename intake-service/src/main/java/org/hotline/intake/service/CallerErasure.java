package org.hotline.intake.service;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hotline.audit.AuditLog;
import org.hotline.events.CallerErased;
import org.hotline.intake.repository.CallerIndex;
import org.hotline.intake.repository.KnownCases;
import org.hotline.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Forgets a caller, on request or when his retention has passed: deletes his blind-index entry (so
 * the same phone calling again is a new caller with a new pseudonym), destroys his data key (so
 * nothing personal in his contacts can be read again) and drops which cases concerned him. In the
 * same transaction it publishes {@link CallerErased} to the erasure ledger, through the outbox:
 * case-service seals its officers' words about him away on it, and a database restored from a
 * backup taken before the erasure is erased again from it ({@link #reapply}).
 */
@ApplicationScoped
public class CallerErasure {

    private static final Logger AUDIT = Logger.getLogger("org.hotline.intake.audit");

    private final CallerIndex index;
    private final PersonalDataVault vault;
    private final KnownCases knownCases;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;

    public CallerErasure(CallerIndex index, PersonalDataVault vault, KnownCases knownCases, Outbox outbox,
            AuditLog auditLog, Clock clock) {
        this.index = index;
        this.vault = vault;
        this.knownCases = knownCases;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** @return whether anything was held about the caller (an index entry or personal data) */
    @Transactional
    public boolean erase(String callerKey, String actor, CallerErased.Cause cause) {
        boolean erased = forget(List.of(callerKey)) > 0;
        // A request for a key with nothing left is recorded too: someone asked, and it is on file.
        auditLog.record(actor, "caller.erasure", callerKey, null, erased ? "erased" : "nothing-held");
        if (erased) {
            outbox.publish(new CallerErased(UUID.randomUUID(), callerKey, cause, clock.instant()));
            AUDIT.infof("Caller %s forgotten (%s) by %s", callerKey, cause, actor);
        }
        return erased;
    }

    /**
     * Applies erasures read back from the ledger, in the caller's transaction: whatever this
     * database still holds of these callers (a backup restored from before their erasure) is
     * forgotten again; callers forgotten already change nothing. Publishes nothing: they are on
     * the ledger already.
     *
     * @return how many of them still had something here
     */
    public int reapply(Collection<String> callerKeys) {
        return forget(callerKeys);
    }

    private int forget(Collection<String> callerKeys) {
        int entries = index.deleteOf(callerKeys);
        int keys = vault.eraseAll(callerKeys);
        knownCases.forgetCallers(callerKeys);
        return Math.max(entries, keys);
    }
}
