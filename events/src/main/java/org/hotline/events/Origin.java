package org.hotline.events;

/** Where the caller says he is from. */
public enum Origin {
    RU, UA_OCCUPIED, BY, OTHER, UNKNOWN
}
