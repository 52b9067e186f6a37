package org.hotline.events;

/** Care given to a man in custody, as the Geneva Conventions require it. */
public enum CareKind {
    MEDICAL_CARE,
    FAMILY_CONTACT,
    LEGAL_COUNSEL,
    /** Third Geneva Convention Art. 70: within one week of custody. */
    CAPTURE_CARD_SENT,
    /** Third Geneva Convention Art. 122: the national information bureau was told. */
    INFORMATION_BUREAU_NOTIFIED
}
