package org.hotline.cases.service;

import org.hotline.events.CaseState;

/** Care is recorded only while a man is in custody, and this case is not there (yet or any more). */
public class CareOutsideCustody extends RuntimeException {

    public CareOutsideCustody(String reference, CaseState state) {
        super("Care is recorded only while a man is in custody; case " + reference + " is " + state + ".", null,
                false, false);
    }
}
