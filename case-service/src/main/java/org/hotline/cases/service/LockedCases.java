package org.hotline.cases.service;

import java.util.List;
import java.util.Optional;

import org.hotline.cases.SurrenderCase;
import org.hotline.cases.repository.CaseRepository;
import org.hotline.problem.Problem;
import org.hotline.problem.ProblemException;

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
                .orElseThrow(() -> ProblemException.notFound("No case has reference " + reference + "."));
        if (seenVersion.isPresent() && seenVersion.get() != found.version) {
            throw new ProblemException(Problem.of(412, "Precondition Failed", "Case " + found.reference
                    + " has changed since you read it: it is at version " + found.version + ", you sent "
                    + seenVersion.get() + ". Read it again and decide again.", List.of()));
        }
        return found;
    }
}
