package org.hotline.stats.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.hotline.problem.Problem.FieldError;
import org.hotline.problem.ProblemException;
import org.hotline.stats.Dimension;
import org.hotline.stats.Granularity;
import org.hotline.stats.Metric;
import org.hotline.stats.service.SeriesRequest;

/** Reads the query parameters of a series request, naming every bad one at once. */
final class SeriesParameters {

    private SeriesParameters() {
    }

    static SeriesRequest parse(String metric, String granularity, String from, String to, String groupBy,
                               int maxBuckets) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Metric> parsedMetric = required("metric", metric, Metric::fromParameter,
                names(Metric.values(), Metric::parameter), errors);
        Optional<Granularity> parsedGranularity = required("granularity", granularity, Granularity::fromParameter,
                names(Granularity.values(), Granularity::parameter), errors);
        Optional<LocalDate> fromDate = date("from", from, errors);
        Optional<LocalDate> toDate = date("to", to, errors);
        Optional<Dimension> dimension = Optional.empty();
        if (groupBy != null && !groupBy.isBlank()) {
            dimension = Dimension.fromParameter(groupBy);
            if (dimension.isEmpty()) {
                errors.add(new FieldError("groupBy", "must be one of " + names(Dimension.values(), Dimension::parameter)));
            }
        }
        if (fromDate.isPresent() && toDate.isPresent()) {
            if (fromDate.get().isAfter(toDate.get())) {
                errors.add(new FieldError("from", "must not be after to"));
            } else if (parsedGranularity.isPresent()) {
                long buckets = parsedGranularity.get().periodsBetween(fromDate.get(), toDate.get());
                if (buckets > maxBuckets) {
                    errors.add(new FieldError("to", "the range holds " + buckets + " buckets; at most " + maxBuckets
                            + " are allowed"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The series parameters are invalid.", errors);
        }
        return new SeriesRequest(parsedMetric.orElseThrow(), parsedGranularity.orElseThrow(), fromDate.orElseThrow(),
                toDate.orElseThrow(), dimension);
    }

    private static <T> Optional<T> required(String field, String value, Function<String, Optional<T>> parser,
                                            List<String> allowed, List<FieldError> errors) {
        Optional<T> parsed = value == null ? Optional.empty() : parser.apply(value);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, (value == null ? "is required; " : "") + "must be one of " + allowed));
        }
        return parsed;
    }

    private static Optional<LocalDate> date(String field, String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required; must be an ISO date such as 2023-03-01"));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO date such as 2023-03-01"));
            return Optional.empty();
        }
    }

    private static <E> List<String> names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }
}
