package org.hotline.intake.service;

import java.util.List;

import org.hotline.events.CallerErased;
import org.hotline.inbox.ErasureApplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What intake forgets again when the erasure ledger names a caller: his blind-index entry, his
 * data key and his case links ({@link CallerErasure#reapply}). Intake wrote these erasures itself;
 * it reads them back so that a database restored from a backup taken before them is erased again
 * before the service answers anything (the ledger's position is kept in that same database).
 */
@ApplicationScoped
public class LedgerErasures implements ErasureApplier {

    private final CallerErasure erasure;

    public LedgerErasures(CallerErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public void apply(List<CallerErased> erasures) {
        erasure.reapply(erasures.stream().map(CallerErased::callerKey).distinct().toList());
    }
}
