package org.hotline.cases.service;

import java.time.Instant;

/** Care dated before the man came into custody: care is given in custody. */
public class CareBeforeCustody extends RuntimeException {

    private final Instant custodyAt;

    public CareBeforeCustody(Instant custodyAt) {
        super("Care is given in custody.", null, false, false);
        this.custodyAt = custodyAt;
    }

    public Instant custodyAt() {
        return custodyAt;
    }
}
