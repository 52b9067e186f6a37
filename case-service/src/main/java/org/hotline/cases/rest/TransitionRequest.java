package org.hotline.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.problem.Problem.FieldError;

/**
 * A move of a case to another state.
 *
 * @param to     the state to move to
 * @param mode   how he came into custody; required exactly when {@code to} is {@code IN_CUSTODY}
 * @param reason why, in the officer's words (optional)
 * @param at     when it happened (ISO-8601); defaults to now, may be in the past, not the future
 */
public record TransitionRequest(String to, String mode, String reason, String at) {

    static final int MAX_REASON_LENGTH = 500;

    Transition check(List<FieldError> errors) {
        Optional<CaseState> target = BodyFields.enumValue("to", to, CaseState.class, true, errors);
        Optional<CustodyMode> custody = BodyFields.enumValue("mode", mode, CustodyMode.class, false, errors);
        if (target.isPresent()) {
            boolean intoCustody = target.get() == CaseState.IN_CUSTODY;
            if (intoCustody && custody.isEmpty() && (mode == null || mode.isBlank())) {
                errors.add(new FieldError("mode", "is required to enter IN_CUSTODY: SURRENDERED or CAPTURED"));
            } else if (!intoCustody && mode != null && !mode.isBlank()) {
                errors.add(new FieldError("mode", "is only given when entering IN_CUSTODY"));
            }
        }
        String checkedReason = BodyFields.text("reason", reason, MAX_REASON_LENGTH, errors);
        Optional<Instant> happened = BodyFields.instant("at", at, false, errors);
        return new Transition(target.orElse(null), custody.orElse(null), checkedReason, happened);
    }

    record Transition(CaseState to, CustodyMode mode, String reason, Optional<Instant> at) {
    }
}
