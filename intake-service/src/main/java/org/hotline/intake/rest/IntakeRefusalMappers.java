package org.hotline.intake.rest;

import java.util.List;

import org.hotline.intake.client.CaseLookupsThrottled;
import org.hotline.intake.service.ContactNotFound;
import org.hotline.intake.service.ContactNotYours;
import org.hotline.intake.service.KeyReused;
import org.hotline.intake.service.UnknownCaseReference;
import org.hotline.problem.Problem;
import org.hotline.problem.Problem.FieldError;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * The services refuse in the domain's words; this is the one place that says which HTTP status
 * and problem each refusal is, for a whole request and (through {@link #problemOf}) for one line
 * of an import.
 */
public class IntakeRefusalMappers {

    @ServerExceptionMapper
    public Response contactNotFound(ContactNotFound e) {
        return Problem.of(Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    /** Need to know: the contact is not on this officer's cases. */
    @ServerExceptionMapper
    public Response contactNotYours(ContactNotYours e) {
        return Problem.of(Status.FORBIDDEN, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownCaseReference(UnknownCaseReference e) {
        return problemOf(e).toResponse();
    }

    /** The operator named too many unknown references: the same wait case-service asked for. */
    @ServerExceptionMapper
    public Response caseLookupsThrottled(CaseLookupsThrottled e) {
        return Response.fromResponse(problemOf(e).toResponse())
                .header("Retry-After", e.retryAfter().toSeconds()).build();
    }

    @ServerExceptionMapper
    public Response keyReused(KeyReused e) {
        return Problem.of(422, "Unprocessable Content", "This Idempotency-Key was already used for a different request.",
                List.of(new FieldError(IdempotencyKey.HEADER, "was used for a different request; use a new key")))
                .toResponse();
    }

    /** Well-formed, but naming a case that does not exist: 422 rather than 400. */
    static Problem problemOf(UnknownCaseReference e) {
        return Problem.of(422, "Unprocessable Content", e.getMessage(),
                List.of(new FieldError("caseReference", "no case has this reference")));
    }

    static Problem problemOf(CaseLookupsThrottled e) {
        return Problem.of(429, "Too Many Requests", e.getMessage(),
                List.of(new FieldError("caseReference", "too many unknown references lately; retry after "
                        + e.retryAfter().toSeconds() + " s")));
    }
}
