package org.hotline.intake;

import org.hotline.events.CaseState;

/**
 * What intake could learn about the case reference a contact names.
 *
 * @param outcome how the reference was checked
 * @param state   the case's current state when case-service told it, otherwise null
 */
public record ReferenceCheck(Outcome outcome, CaseState state) {

    /** The contact names no reference, so there is nothing to check. */
    public static final ReferenceCheck NONE = new ReferenceCheck(Outcome.NONE, null);

    public enum Outcome {
        /** No reference named. */
        NONE,
        /** Intake issued it to a surrender request itself; the case may not be opened yet. */
        ISSUED_HERE,
        /** case-service knows the case. */
        FOUND,
        /** case-service could not be asked (down, slow, breaker open): accepted, settled later. */
        UNVERIFIED
    }

    public boolean unverified() {
        return outcome == Outcome.UNVERIFIED;
    }
}
