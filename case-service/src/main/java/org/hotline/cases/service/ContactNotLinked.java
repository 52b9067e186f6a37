package org.hotline.cases.service;

import java.util.UUID;

/**
 * The contact is not one of this case's: an officer may read personal data only of the contacts
 * of the case he works on.
 */
public class ContactNotLinked extends RuntimeException {

    public ContactNotLinked(UUID contactId, String reference) {
        super("Contact " + contactId + " is not linked to case " + reference + ".", null, false, false);
    }
}
