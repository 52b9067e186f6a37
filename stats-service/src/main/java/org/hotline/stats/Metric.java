package org.hotline.stats;

import java.util.Optional;

import org.hotline.events.Purpose;

/**
 * What a series counts: contacts (all, or surrender requests only) from the contact buckets, or
 * cases (opened, or first entering a state) from the case facts.
 */
public enum Metric {
    CONTACTS("contacts", null),
    SURRENDER_REQUESTS("surrenderRequests", Purpose.SURRENDER_REQUEST),
    CASES_OPENED("casesOpened", null),
    /** Cases first entering one state, named in the parameter: {@code entered.IN_CUSTODY}. */
    ENTERED("entered.", null);

    private final String parameter;
    private final Purpose purpose;

    Metric(String parameter, Purpose purpose) {
        this.parameter = parameter;
        this.purpose = purpose;
    }

    /** The name used in the API; for {@link #ENTERED}, the prefix before the state. */
    public String parameter() {
        return parameter;
    }

    /** The only purpose counted, or empty for every contact. */
    public Optional<Purpose> purpose() {
        return Optional.ofNullable(purpose);
    }

    /** True for the metrics counted from contacts, false for those counted from cases. */
    public boolean countsContacts() {
        return this == CONTACTS || this == SURRENDER_REQUESTS;
    }
}
