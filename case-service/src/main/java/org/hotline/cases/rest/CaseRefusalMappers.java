package org.hotline.cases.rest;

import java.util.List;

import org.hotline.cases.service.CareBeforeCustody;
import org.hotline.cases.service.CareOutsideCustody;
import org.hotline.cases.service.CaseChangedSinceRead;
import org.hotline.cases.service.CaseNotFound;
import org.hotline.cases.service.ContactNotLinked;
import org.hotline.cases.service.ContactUnknownToIntake;
import org.hotline.cases.service.ImplausibleTime;
import org.hotline.cases.service.InquiryAlreadyLinked;
import org.hotline.cases.service.InquiryNotFound;
import org.hotline.cases.service.IntakeUnavailable;
import org.hotline.cases.service.MoveBeforeLastChange;
import org.hotline.cases.service.NotYourCase;
import org.hotline.cases.service.ReasonRequired;
import org.hotline.cases.service.PersonalDataRefused;
import org.hotline.cases.service.ReferenceLookupsThrottled;
import org.hotline.problem.Problem;
import org.hotline.problem.Problem.FieldError;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * The services refuse in the domain's words; this is the one place that says which HTTP status
 * and problem each refusal is. (A refused move has its own mapper, {@link TransitionRefusedMapper},
 * for its extension members.)
 */
public class CaseRefusalMappers {

    /** What the request names is not there; the message says which it is. */
    @ServerExceptionMapper({ CaseNotFound.class, InquiryNotFound.class, ContactNotLinked.class,
            ContactUnknownToIntake.class })
    public Response notFound(RuntimeException e) {
        return Problem.of(Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    /** Need to know: the case is not this officer's, or his team's. */
    @ServerExceptionMapper
    public Response notYourCase(NotYourCase e) {
        return Problem.of(Status.FORBIDDEN, e.getMessage()).toResponse();
    }

    /** A supervisor's read of a case not assigned to him is allowed, but only with a reason. */
    @ServerExceptionMapper
    public Response reasonRequired(ReasonRequired e) {
        return Problem.of(400, "Bad Request", e.getMessage(), List.of(new FieldError(AccessReason.HEADER,
                "is required: say why you need this case"))).toResponse();
    }

    @ServerExceptionMapper
    public Response changedSinceRead(CaseChangedSinceRead e) {
        return Problem.of(412, "Precondition Failed", e.getMessage(), List.of()).toResponse();
    }

    /** The change contradicts the case as it is now. */
    @ServerExceptionMapper({ InquiryAlreadyLinked.class, CareOutsideCustody.class })
    public Response conflict(RuntimeException e) {
        return Problem.of(Status.CONFLICT, e.getMessage()).toResponse();
    }

    /** A time that cannot be true is a mistake in the request, like any other bad field. */
    @ServerExceptionMapper
    public Response implausibleTime(ImplausibleTime e) {
        return Problem.of(400, "Bad Request", "The request has invalid fields.",
                List.of(new FieldError("at", e.why()))).toResponse();
    }

    /** Well-formed, but not true of this case: 422 rather than 400. */
    @ServerExceptionMapper
    public Response moveBeforeLastChange(MoveBeforeLastChange e) {
        return unprocessableTime(e.getMessage(), "must not be before the case's last change of state, " + e.lastChange());
    }

    @ServerExceptionMapper
    public Response careBeforeCustody(CareBeforeCustody e) {
        return unprocessableTime(e.getMessage(), "must not be before he came into custody, " + e.custodyAt());
    }

    @ServerExceptionMapper
    public Response personalDataRefused(PersonalDataRefused e) {
        return Problem.of(502, "Bad Gateway", e.getMessage(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response intakeUnavailable(IntakeUnavailable e) {
        return Problem.of(503, "Service Unavailable", e.getMessage(), List.of()).toResponse();
    }

    /** Retry-After in whole seconds, rounded up, so a client that waits as told is let through. */
    @ServerExceptionMapper
    public Response referenceLookupsThrottled(ReferenceLookupsThrottled e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(Problem.of(429, "Too Many Requests", e.getMessage(), List.of()).toResponse())
                .header("Retry-After", seconds).build();
    }

    private static Response unprocessableTime(String detail, String why) {
        return Problem.of(422, "Unprocessable Content", detail, List.of(new FieldError("at", why))).toResponse();
    }
}
