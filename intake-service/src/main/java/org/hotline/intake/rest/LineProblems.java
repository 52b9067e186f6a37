package org.hotline.intake.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * Names the bad fields of one bulk-import line the way a single {@code POST} names them
 * (the problem module does this for whole requests only).
 */
final class LineProblems {

    private LineProblems() {
    }

    static List<Problem.FieldError> of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String message = e instanceof UnrecognizedPropertyException ? "unknown field"
                    : e instanceof MismatchedInputException mismatched && mismatched.getTargetType() == String.class
                            ? "must be a string"
                            : e instanceof MismatchedInputException ? "must be a JSON object" : "cannot be read";
            return List.of(new Problem.FieldError(field, message));
        }
        return List.of(new Problem.FieldError("body", "is not valid JSON"));
    }

    static List<Problem.FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
    }

    private static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getName() != null) {
                names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }
}
