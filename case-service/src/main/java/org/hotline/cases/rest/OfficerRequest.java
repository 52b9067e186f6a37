package org.hotline.cases.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.events.CaseReference;
import org.hotline.problem.Problem.FieldError;
import org.hotline.problem.ProblemException;

/**
 * What every officer's request carries besides its body: the case reference in the path, who he
 * is (the subject of his token, so every change and every read of personal data names its
 * officer and no header can name another) and, optionally, the case version his change is based
 * on ({@code If-Match}).
 */
record OfficerRequest(String reference, String officer, Optional<Long> seenVersion) {

    /** Where an officer comes from, as named in a refusal. */
    static final String OFFICER = "token subject";
    static final String PRINTABLE = "[^\\p{Cntrl}]*";
    static final int MAX_OFFICER_LENGTH = 255;

    /** {@code "7"}, {@code W/"7"} or a bare {@code 7}; a list matches if the one entry does. */
    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

    static OfficerRequest parse(String reference, String officer, String ifMatch, List<FieldError> errors) {
        Optional<String> canonical = Optional.empty();
        if (reference != null) {
            canonical = CaseReference.normalize(reference);
            if (canonical.isEmpty()) {
                errors.add(referenceError());
            }
        }
        String checkedOfficer = checkOfficer(officer, errors);
        Optional<Long> seen = parseIfMatch(ifMatch, errors);
        return new OfficerRequest(canonical.orElse(null), checkedOfficer, seen);
    }

    /** Throws one problem naming every bad field, the body's ones included. */
    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request has invalid fields.", errors);
        }
    }

    static String canonicalReference(String reference) {
        return CaseReference.normalize(reference).orElseThrow(() -> ProblemException.badRequest(
                "The case reference is malformed.", List.of(referenceError())));
    }

    static ArrayList<FieldError> noErrors() {
        return new ArrayList<>();
    }

    /** A path id, checked here so a malformed one is a 400 naming it rather than a bare 404. */
    static UUID uuid(String field, String value, List<FieldError> errors) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new FieldError(field, "must be an id such as 3f1c9a52-8d4e-4b7a-9c1e-2a6b5d8e0f13"));
            return null;
        }
    }

    static String quoted(long version) {
        return "\"" + version + "\"";
    }

    private static FieldError referenceError() {
        return new FieldError("reference", "must be a case reference of eight characters, such as 72CQ-Q8E5;"
                + " the last one is a check character");
    }

    private static String checkOfficer(String officer, List<FieldError> errors) {
        if (officer == null || officer.isBlank()) {
            errors.add(new FieldError(OFFICER, "is required: the token names no subject"));
            return null;
        }
        String stripped = officer.strip();
        if (stripped.length() > MAX_OFFICER_LENGTH) {
            errors.add(new FieldError(OFFICER, "must be at most " + MAX_OFFICER_LENGTH + " characters"));
        } else if (!stripped.matches(PRINTABLE)) {
            errors.add(new FieldError(OFFICER, "must not contain control characters"));
        }
        return stripped;
    }

    private static Optional<Long> parseIfMatch(String ifMatch, List<FieldError> errors) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            errors.add(new FieldError("If-Match", "must be the ETag of the case as read, such as \"3\""));
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(matcher.group(1)));
    }
}
