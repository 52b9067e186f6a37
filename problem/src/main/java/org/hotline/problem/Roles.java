package org.hotline.problem;

/**
 * The roles a bearer token grants, read from its {@code groups} claim. Every service checks the
 * same names, so they live beside the problem mappers that every service's REST layer uses.
 */
public final class Roles {

    /** Records contacts and hears a case's state on a follow-up. */
    public static final String OPERATOR = "operator";
    /**
     * Works cases, care and inquiries. Reads a case's history, free text and personal data only
     * when the case is assigned to him (his token's subject) or to his team (its {@code team}
     * claim, {@link Actor#team()}): need to know.
     */
    public static final String CASE_OFFICER = "case-officer";
    /**
     * Assigns cases to officers and teams ({@code PUT /api/v1/cases/{ref}/assignee}) and may read
     * any case's history, free text and personal data, but only with an {@code X-Access-Reason},
     * and every such read is audited. Changes no case himself: he holds {@link #CASE_OFFICER} too
     * if he also works cases.
     */
    public static final String SUPERVISOR = "supervisor";
    /** Reads the internal stats and the live stream. */
    public static final String ANALYST = "analyst";
    /** Rebuilds, reconciles, erases and reads the audit log. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
