package org.hotline.cases.service;

import java.util.Optional;

import org.hotline.cases.SurrenderCase;
import org.hotline.cases.repository.CaseRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Hands an officer's change the case it is about, locked, and only if he saw its latest version:
 * two officers cannot silently overwrite each other.
 */
@ApplicationScoped
public class LockedCases {

    private final CaseRepository cases;

    public LockedCases(CaseRepository cases) {
        this.cases = cases;
    }

    /**
     * @param reference a canonical reference, primary or alias
     * @param seenVersion the version the officer's change is based on (his {@code If-Match});
     *                    empty when he sent none, and then the change is judged on the current state
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SurrenderCase take(String reference, Optional<Long> seenVersion) {
        SurrenderCase found = cases.findByReferenceForChange(reference)
                .orElseThrow(() -> new CaseNotFound(reference));
        if (seenVersion.isPresent() && seenVersion.get() != found.version) {
            throw new CaseChangedSinceRead(found.reference, found.version, seenVersion.get());
        }
        return found;
    }
}
