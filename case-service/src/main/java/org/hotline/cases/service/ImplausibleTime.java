package org.hotline.cases.service;

/**
 * The time an officer gave ({@code at}) cannot be when it happened: it lies in the future, or
 * before this war began. A mistake in the request, whatever state the case is in.
 */
public class ImplausibleTime extends RuntimeException {

    private final String why;

    /** @param why what is wrong with the time, as said of the field: "must not be in the future" */
    public ImplausibleTime(String why) {
        super("at " + why, null, false, false);
        this.why = why;
    }

    public String why() {
        return why;
    }
}
