package org.hotline.events;

/** Why someone contacted the hotline, as the operator classified it. */
public enum Purpose {
    /** A serviceman asks to surrender: opens a case (or links to his open one). */
    SURRENDER_REQUEST,
    /** A caller asks about an existing case; carries its reference. */
    FOLLOW_UP,
    /** A relative asks about a serviceman. */
    RELATIVE_INQUIRY,
    /** Someone only wants information. */
    INFORMATION,
    /** Silent calls, pranks, abuse: counted, never acted on. */
    NON_DATA
}
