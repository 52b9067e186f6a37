package org.hotline.cases.service;

import java.util.Optional;

/**
 * Who asks to read or work a case, as his verified token says: his subject, his team (the
 * {@code team} claim), whether he is a case officer or a supervisor, and the reason he gave
 * ({@code X-Access-Reason}), if any. Built in {@code rest} from the token, never from the body.
 */
public record Reader(String subject, Optional<String> team, boolean caseOfficer, boolean supervisor,
        Optional<String> reason) {
}
