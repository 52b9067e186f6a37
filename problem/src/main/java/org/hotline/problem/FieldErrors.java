package org.hotline.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Names what is wrong with a request field by field, as a client sees the fields
 * ({@code caller.identifier}), for a whole request and for one line of a bulk import alike.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** Every violation, sorted by field, so the answer is the same for the same input. */
    public static List<Problem.FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
    }

    /** The field Jackson stopped at, or {@code body} when the text is not JSON at all. */
    public static List<Problem.FieldError> of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return List.of(new Problem.FieldError(pathOf(mapping), whatIsWrong(mapping)));
        }
        return List.of(new Problem.FieldError("body", "is not valid JSON"));
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
            } else if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.RETURN_VALUE
                    && node.getName() != null) {
                names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        if (names.isEmpty()) {
            return parameter != null ? parameter : "body";
        }
        return String.join(".", names).replace(".[", "[");
    }
}
