package org.hotline.problem;

import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Turns every failure of a request into {@code application/problem+json}. Client mistakes become
 * 4xx with each offending field named; the service's own database out of reach becomes a 503 with
 * {@code Retry-After}, so that the chat bot and the web form know to send the same request again
 * (with its Idempotency-Key); only a genuine fault of ours becomes a 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client waits before trying again while the database is away: a restart takes a few. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response domainRefusal(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = FieldErrors.of(e.getConstraintViolations());
        return Problem.of(400, "Bad Request", "The request has invalid fields.", errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response httpRefusal(WebApplicationException e) {
        Response response = e.getResponse();
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json);
        }
        Response.StatusType status = response.getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
        }
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            // The class only: a statement's text does not belong in the log.
            LOG.warnf("Request refused for now, the database is unavailable (%s)", e.getClass().getSimpleName());
            return Response.fromResponse(Problem.of(503, "Service Unavailable",
                    "The service cannot reach its database just now; send the same request again shortly.", List.of())
                    .toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure while serving a request", e);
        return Problem.of(500, "Internal Server Error", "The request could not be completed; it was logged.", List.of())
                .toResponse();
    }

    private static Response jsonProblem(JsonProcessingException e) {
        List<Problem.FieldError> errors = FieldErrors.of(e);
        return Problem.of(400, "Bad Request", "The body cannot be read as the expected JSON.", errors).toResponse();
    }
}
