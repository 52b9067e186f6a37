package org.hotline.cases.rest;

import java.util.List;
import java.util.Optional;

import org.hotline.cases.service.Reader;
import org.hotline.problem.Actor;
import org.hotline.problem.Problem.FieldError;
import org.hotline.problem.Roles;

/**
 * The {@code X-Access-Reason} an officer gives for a read of personal data, or a supervisor for a
 * read of a case not assigned to him, and the {@link Reader} it goes with. Only its length is
 * ever audited ({@code audit} module), never its words.
 */
final class AccessReason {

    static final String HEADER = "X-Access-Reason";
    /** Leaves room for the case and officer prefix within intake's 200 characters. */
    static final int MAX_LENGTH = 100;

    private AccessReason() {
    }

    /** The reason, which must be given; a missing or bad one is added to {@code errors}. */
    static String required(String reason, String why, List<FieldError> errors) {
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError(HEADER, "is required: " + why));
            return null;
        }
        return optional(reason, errors).orElse(null);
    }

    /** The reason if one was given (blank is none); a bad one is added to {@code errors}. */
    static Optional<String> optional(String reason, List<FieldError> errors) {
        if (reason == null || reason.isBlank()) {
            return Optional.empty();
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_LENGTH) {
            errors.add(new FieldError(HEADER, "must be at most " + MAX_LENGTH + " characters"));
        } else if (!stripped.matches(OfficerRequest.PRINTABLE)) {
            errors.add(new FieldError(HEADER, "must not contain control characters"));
        }
        return Optional.of(stripped);
    }

    /** Who the token says is asking, with the reason he gave. */
    static Reader reader(Actor actor, Optional<String> reason) {
        return new Reader(actor.subject(), actor.team(), actor.holds(Roles.CASE_OFFICER),
                actor.holds(Roles.SUPERVISOR), reason);
    }
}
