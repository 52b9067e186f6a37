package org.hotline.cases.rest;

import java.util.List;

import org.hotline.cases.service.IdempotencyKeyReused;
import org.hotline.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;

/** The same Idempotency-Key on a different request is a 422, as in intake. */
public class IdempotencyKeyReusedMapper {

    @ServerExceptionMapper
    public Response reused(IdempotencyKeyReused e) {
        return Problem.of(422, "Unprocessable Content", e.getMessage(),
                List.of(new Problem.FieldError(NewCaseIdempotency.HEADER, "was used for a different request; use a new key")))
                .toResponse();
    }
}
