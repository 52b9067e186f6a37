package org.hotline.cases.rest;

import java.util.List;

import org.hotline.problem.Problem.FieldError;

/**
 * Who is to work a case: an officer (the subject of his tokens), a team (the {@code team} claim of
 * its officers' tokens), or both. At least one; the other may be left out.
 */
public record AssigneeRequest(String officer, String team) {

    static final int MAX_TEAM_LENGTH = 100;

    Assignee check(List<FieldError> errors) {
        String checkedOfficer = name("officer", officer, OfficerRequest.MAX_OFFICER_LENGTH, errors);
        String checkedTeam = name("team", team, MAX_TEAM_LENGTH, errors);
        if (isBlank(officer) && isBlank(team)) {
            errors.add(new FieldError("officer", "or team is required: name who is to work the case"));
        }
        return new Assignee(checkedOfficer, checkedTeam);
    }

    private static String name(String field, String value, int maxLength, List<FieldError> errors) {
        if (isBlank(value)) {
            if (value != null) {
                errors.add(new FieldError(field, "must not be blank; leave it out instead"));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        } else if (!stripped.matches(OfficerRequest.PRINTABLE)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return stripped;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    record Assignee(String officer, String team) {
    }
}
