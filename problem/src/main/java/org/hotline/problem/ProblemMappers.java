package org.hotline.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Turns every failure of a request into {@code application/problem+json}. Client mistakes become
 * 4xx with each offending field named; only a genuine fault of ours becomes a 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domainRefusal(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
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
        LOG.error("Unexpected failure while serving a request", e);
        return Problem.of(500, "Internal Server Error", "The request could not be completed; it was logged.", List.of())
                .toResponse();
    }

    private static Response jsonProblem(JsonProcessingException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            errors.add(new Problem.FieldError(pathOf(mapping), whatIsWrong(mapping)));
        }
        String detail = errors.isEmpty() ? "The body is not valid JSON." : "The body has a field of the wrong form.";
        return Problem.of(400, "Bad Request", detail, errors).toResponse();
    }

    private static String whatIsWrong(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + List.of(invalid.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be a " + describe(mismatched.getTargetType());
        }
        return "cannot be read";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type == String.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (type.getName().startsWith("java.time.")) {
            return "ISO-8601 " + type.getSimpleName();
        }
        return "JSON object";
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /**
     * Drops the method and parameter names Bean Validation puts in front of a body field, so the
     * client sees {@code caller.identifier}; a query or path parameter keeps its own name.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.RETURN_VALUE) {
                names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        if (names.isEmpty()) {
            return parameter != null ? parameter : "body";
        }
        return String.join(".", names).replace(".[", "[");
    }
}
