package org.hotline.events;

/** How a man came into custody. */
public enum CustodyMode {
    SURRENDERED, CAPTURED
}
