package org.hotline.intake.mapping;

import org.hotline.events.CaseState;
import org.hotline.intake.ReferenceCheck;

/**
 * Words an operator can read out to a caller about his case. Plain and calm: the caller may be
 * frightened, on a bad line, or listening in secret. They never say more than the state itself.
 */
public final class SpokenCaseStatus {

    private SpokenCaseStatus() {
    }

    /** What to tell the caller about the case a contact named, or null if it named none. */
    public static String of(ReferenceCheck check) {
        return switch (check.outcome()) {
            case NONE -> null;
            case UNVERIFIED -> "Your call has been noted under this reference. We cannot check the case right now;"
                    + " it will be confirmed shortly.";
            case ISSUED_HERE, FOUND -> check.state() == null
                    ? "Your request has been received under this reference and is being processed."
                    : of(check.state());
        };
    }

    public static String of(CaseState state) {
        return switch (state) {
            case REQUESTED -> "Your request has been received and is waiting to be checked.";
            case VERIFIED -> "Your request has been checked and confirmed. We will contact you to arrange the details.";
            case SURRENDER_ARRANGED -> "The time and place have been arranged. Follow the instructions you were given.";
            case IN_CUSTODY -> "He is in safe custody and is treated according to the Geneva Conventions:"
                    + " food, medical care and contact with family.";
            case EXCHANGED -> "The case is closed: he has been exchanged.";
            case RELEASED -> "The case is closed: he has been released.";
            case TRANSFERRED -> "The case is closed: he has been transferred to another authority.";
            case WITHDRAWN -> "The case is closed because the request was withdrawn. A new request can be made at any time.";
            case LOST_CONTACT -> "The case is closed because contact was lost. A new request can be made at any time.";
        };
    }
}
