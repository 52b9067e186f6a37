package org.hotline.cases.service;

/** No case, by its primary reference or an alias, has this reference. */
public class CaseNotFound extends RuntimeException {

    public CaseNotFound(String reference) {
        super("No case has reference " + reference + ".", null, false, false);
    }
}
