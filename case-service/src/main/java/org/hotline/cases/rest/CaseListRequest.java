package org.hotline.cases.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hotline.cases.config.CaseConfig;
import org.hotline.events.CaseState;
import org.hotline.problem.Problem.FieldError;
import org.hotline.problem.ProblemException;

/**
 * The query parameters of a case list, checked all at once. They arrive as text because a
 * parameter the framework fails to convert would become a bare 404, not a problem naming it.
 */
record CaseListRequest(Optional<CaseState> state, int page, int size) {

    static CaseListRequest parse(String state, String page, String size, CaseConfig config) {
        List<FieldError> errors = new ArrayList<>();
        Optional<CaseState> parsedState = parseState(state, errors);
        int parsedPage = parseInt("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int parsedSize = parseInt("size", size, config.defaultPageSize(), 1, config.maxPageSize(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request has invalid query parameters.", errors);
        }
        return new CaseListRequest(parsedState, parsedPage, parsedSize);
    }

    private static Optional<CaseState> parseState(String state, List<FieldError> errors) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CaseState.valueOf(state.trim()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("state", "must be one of " + Arrays.toString(CaseState.values())));
            return Optional.empty();
        }
    }

    private static int parseInt(String name, String value, int absent, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below like an out-of-range number.
        }
        errors.add(new FieldError(name, max == Integer.MAX_VALUE
                ? "must be a whole number of at least " + min
                : "must be a whole number from " + min + " to " + max));
        return absent;
    }
}
