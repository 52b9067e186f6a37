package org.hotline.intake.rest;

import java.util.List;
import java.util.UUID;

import org.hotline.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one line of a bulk import: 201 with the contact's id, or the status and the
 * fields a single {@code POST} would have been refused for.
 *
 * @param line 1-based, counting every line of the body (blank ones too)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LineResult(int line, int status, UUID id, String caseReference, Boolean referenceVerified,
        List<Problem.FieldError> errors) {

    static LineResult refused(int line, int status, List<Problem.FieldError> errors) {
        return new LineResult(line, status, null, null, null, errors);
    }

    static LineResult refused(int line, Problem problem) {
        List<Problem.FieldError> errors = problem.errors() == null || problem.errors().isEmpty()
                ? List.of(new Problem.FieldError("body", problem.detail()))
                : problem.errors();
        return refused(line, problem.status(), errors);
    }

    boolean accepted() {
        return status == 201;
    }
}
