package org.hotline.events;

/** Who is on the line. */
public enum CallerRole {
    SERVICEMAN, RELATIVE, OTHER
}
