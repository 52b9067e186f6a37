package org.hotline.intake.service;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.hotline.events.CaseState;
import org.hotline.intake.ReferenceCheck;
import org.hotline.intake.ReferenceCheck.Outcome;
import org.hotline.intake.client.CaseClient;
import org.hotline.intake.client.CaseLookupsThrottled;
import org.hotline.intake.client.CaseSummary;
import org.hotline.intake.repository.IssuedReferences;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides whether a contact may name a case reference. A contact is a man's chance, so only a
 * definite "no such case" from a working case-service refuses it; any doubt accepts it.
 */
@ApplicationScoped
public class ReferenceChecker {

    private static final Logger LOG = Logger.getLogger(ReferenceChecker.class);

    private final CaseClient cases;
    private final IssuedReferences issued;

    public ReferenceChecker(CaseClient cases, IssuedReferences issued) {
        this.cases = cases;
        this.issued = issued;
    }

    /**
     * Call outside any transaction: it may wait for case-service.
     *
     * @param askForState whether someone is waiting to hear the case's state; without that, a
     *                    reference intake issued itself needs no call at all
     * @throws UnknownCaseReference if case-service answers that it knows no such case
     * @throws CaseLookupsThrottled if case-service refuses this operator's lookups for a while
     */
    public ReferenceCheck check(String reference, boolean askForState) {
        if (reference == null) {
            return ReferenceCheck.NONE;
        }
        return check(reference, askForState, issued.isIssued(reference));
    }

    /** Those of the references that intake issued itself, in one query: for {@link #check(String, boolean, Set)}. */
    public Set<String> issuedAmong(Collection<String> references) {
        return issued.among(references);
    }

    /**
     * {@link #check(String, boolean)} for one of many contacts checked together (a bulk import's
     * chunk), whose issued references were looked up at once.
     *
     * @param issuedHere what {@link #issuedAmong} answered for references that include this one
     */
    public ReferenceCheck check(String reference, boolean askForState, Set<String> issuedHere) {
        if (reference == null) {
            return ReferenceCheck.NONE;
        }
        return check(reference, askForState, issuedHere.contains(reference));
    }

    private ReferenceCheck check(String reference, boolean askForState, boolean issuedHere) {
        if (issuedHere && !askForState) {
            return new ReferenceCheck(Outcome.ISSUED_HERE, null);
        }
        Optional<CaseSummary> found;
        try {
            found = cases.find(reference);
        } catch (CaseLookupsThrottled e) {
            // Not doubt about the reference but a refusal of the operator: the contact is refused.
            throw e;
        } catch (RuntimeException e) {
            // WARN, not ERROR: the contact is safe and case-service settles it; nobody has to act.
            LOG.warnf("case-service could not be asked about a case reference (%s); contact accepted unverified",
                    e.getClass().getSimpleName());
            return new ReferenceCheck(issuedHere ? Outcome.ISSUED_HERE : Outcome.UNVERIFIED, null);
        }
        if (found.isPresent()) {
            return new ReferenceCheck(Outcome.FOUND, stateOf(found.get()));
        }
        if (issuedHere) {
            // Issued a moment ago: the ContactRecorded event may not have opened the case yet.
            return new ReferenceCheck(Outcome.ISSUED_HERE, null);
        }
        throw new UnknownCaseReference();
    }

    private static CaseState stateOf(CaseSummary summary) {
        return Arrays.stream(CaseState.values()).filter(s -> s.name().equals(summary.state())).findFirst().orElse(null);
    }
}
