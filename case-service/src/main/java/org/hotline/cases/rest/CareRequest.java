package org.hotline.cases.rest;

import java.time.Instant;
import java.util.List;

import org.hotline.events.CareKind;
import org.hotline.problem.Problem.FieldError;

/**
 * Care given to a man in custody.
 *
 * @param kind what was given
 * @param at   when (ISO-8601), not in the future and not before custody
 * @param note the officer's own words (optional); never logged or published
 */
public record CareRequest(String kind, String at, String note) {

    static final int MAX_NOTE_LENGTH = 2000;

    Care check(List<FieldError> errors) {
        CareKind checkedKind = BodyFields.enumValue("kind", kind, CareKind.class, true, errors).orElse(null);
        Instant given = BodyFields.instant("at", at, true, errors).orElse(null);
        String checkedNote = BodyFields.text("note", note, MAX_NOTE_LENGTH, errors);
        return new Care(checkedKind, given, checkedNote);
    }

    record Care(CareKind kind, Instant at, String note) {
    }
}
