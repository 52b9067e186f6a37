package org.hotline.cases.service;

/**
 * Need to know: the case is assigned neither to this officer nor to his team, and he is no
 * supervisor. What he asked for (its history, its free text, a man's personal data) is withheld.
 */
public class NotYourCase extends RuntimeException {

    public NotYourCase(String reference) {
        super("Case " + reference + " is not assigned to you or your team; a supervisor assigns it, or reads it"
                + " with a reason.", null, false, false);
    }
}
