package org.hotline.intake.service;

import java.util.UUID;

/** There is no contact with this id. */
public class ContactNotFound extends RuntimeException {

    public ContactNotFound(UUID contactId) {
        super("There is no contact " + contactId + ".", null, false, false);
    }
}
