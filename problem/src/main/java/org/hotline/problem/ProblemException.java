package org.hotline.problem;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;

/** A refusal the domain decides on (unknown reference, refused transition, ...), sent as a problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(Status.NOT_FOUND, detail));
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(400, "Bad Request", detail, errors));
    }

    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", detail, errors));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(Status.CONFLICT, detail));
    }

    public Problem problem() {
        return problem;
    }
}
