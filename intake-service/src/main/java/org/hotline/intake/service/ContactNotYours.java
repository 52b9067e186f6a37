package org.hotline.intake.service;

import java.util.UUID;

/**
 * Need to know: the contact is on no case assigned to this officer or his team (or on no case at
 * all, an information call or an open inquiry), and he is no supervisor.
 */
public class ContactNotYours extends RuntimeException {

    public ContactNotYours(UUID contactId) {
        super("Contact " + contactId + " is on no case assigned to you or your team; a supervisor may read it with"
                + " a reason.", null, false, false);
    }
}
