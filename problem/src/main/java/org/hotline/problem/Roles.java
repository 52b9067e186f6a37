package org.hotline.problem;

/**
 * The roles a bearer token grants, read from its {@code groups} claim. Every service checks the
 * same names, so they live beside the problem mappers that every service's REST layer uses.
 */
public final class Roles {

    /** Records contacts and hears a case's state on a follow-up. */
    public static final String OPERATOR = "operator";
    /** Works cases, care and inquiries, and reads personal data with a reason. */
    public static final String CASE_OFFICER = "case-officer";
    /** Reads the internal stats and the live stream. */
    public static final String ANALYST = "analyst";
    /** Rebuilds, reconciles, erases and reads the audit log. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
