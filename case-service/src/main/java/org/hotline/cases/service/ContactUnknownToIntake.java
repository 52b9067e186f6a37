package org.hotline.cases.service;

import java.util.UUID;

/** intake-service, which keeps personal data, has no contact with this id. */
public class ContactUnknownToIntake extends RuntimeException {

    public ContactUnknownToIntake(UUID contactId) {
        super("intake-service has no contact " + contactId + ".", null, false, false);
    }
}
