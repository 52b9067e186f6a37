package org.hotline.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;
import org.hotline.problem.Problem.FieldError;

/**
 * A case an officer opens for a man who came into custody without ever calling.
 *
 * @param state  must be {@code IN_CUSTODY}: every other state starts with a call
 * @param mode   {@code CAPTURED}, or {@code SURRENDERED} for a man who gave himself up on the spot
 * @param origin where he is from; {@code UNKNOWN} when not given
 * @param at     when he came into custody (ISO-8601); defaults to now
 * @param reason a note on the circumstances (optional)
 */
public record NewCaseRequest(String state, String mode, String origin, String at, String reason) {

    NewCase check(List<FieldError> errors) {
        Optional<CaseState> opened = BodyFields.enumValue("state", state, CaseState.class, true, errors);
        if (opened.isPresent() && opened.get() != CaseState.IN_CUSTODY) {
            errors.add(new FieldError("state", "must be IN_CUSTODY: a case in any other state starts with a call"));
        }
        CustodyMode custody = BodyFields.enumValue("mode", mode, CustodyMode.class, true, errors).orElse(null);
        Origin from = BodyFields.enumValue("origin", origin, Origin.class, false, errors).orElse(Origin.UNKNOWN);
        Optional<Instant> happened = BodyFields.instant("at", at, false, errors);
        String checkedReason = BodyFields.text("reason", reason, TransitionRequest.MAX_REASON_LENGTH, errors);
        return new NewCase(custody, from, happened, checkedReason);
    }

    record NewCase(CustodyMode mode, Origin origin, Optional<Instant> at, String reason) {
    }
}
