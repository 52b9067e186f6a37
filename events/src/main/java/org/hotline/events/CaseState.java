package org.hotline.events;

/** The states of a surrender case, from the first request to exchange or release. */
public enum CaseState {
    REQUESTED, VERIFIED, SURRENDER_ARRANGED, IN_CUSTODY,
    EXCHANGED, RELEASED, TRANSFERRED,
    WITHDRAWN, LOST_CONTACT;

    /** A final case is closed: a new surrender request of the same caller opens a new case. */
    public boolean isFinal() {
        return switch (this) {
            case EXCHANGED, RELEASED, TRANSFERRED, WITHDRAWN, LOST_CONTACT -> true;
            default -> false;
        };
    }
}
