package org.hotline.cases;

import org.hotline.events.CareKind;

/** What must have happened within a set time of custody, and the care record that shows it did. */
public enum CustodyDeadline {
    /** Third Geneva Convention Art. 70. */
    CAPTURE_CARD(CareKind.CAPTURE_CARD_SENT),
    FIRST_FAMILY_CONTACT(CareKind.FAMILY_CONTACT),
    /** Third Geneva Convention Art. 122. */
    INFORMATION_BUREAU(CareKind.INFORMATION_BUREAU_NOTIFIED);

    private final CareKind metBy;

    CustodyDeadline(CareKind metBy) {
        this.metBy = metBy;
    }

    /** A care record of this kind, whenever given, meets the deadline. */
    public CareKind metBy() {
        return metBy;
    }
}
