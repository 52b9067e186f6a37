package org.hotline.cases.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hotline.problem.Problem.FieldError;

/**
 * Reads the fields of a request body that arrived as text, collecting every mistake: a body
 * field typed as an enum or instant would make Jackson stop at the first bad one, and the client
 * should learn of all of them at once.
 */
final class BodyFields {

    /** Free text may span lines, but no other control characters. */
    static final String TEXT = "[\\P{Cntrl}\\n\\r\\t]*";

    private BodyFields() {
    }

    static <E extends Enum<E>> Optional<E> enumValue(String field, String value, Class<E> type, boolean required,
            List<FieldError> errors) {
        // Only a missing field is absent; an empty or blank one is a wrong value, as in intake.
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required; one of " + Arrays.toString(type.getEnumConstants())));
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return Optional.empty();
        }
    }

    static Optional<Instant> instant(String field, String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required: an ISO-8601 instant such as 2023-03-02T08:15:00Z"));
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2023-03-02T08:15:00Z"));
            return Optional.empty();
        }
    }

    /** Blank text is no text. */
    static String text(String field, String value, int maxLength, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        } else if (!stripped.matches(TEXT)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return stripped;
    }
}
