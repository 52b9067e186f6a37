package org.hotline.stats.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.hotline.events.CaseState;
import org.hotline.problem.Problem.FieldError;
import org.hotline.problem.ProblemException;
import org.hotline.stats.Dimension;
import org.hotline.stats.Granularity;
import org.hotline.stats.Metric;
import org.hotline.stats.service.SeriesRequest;

/** Reads the query parameters of a series request, naming every bad one at once. */
final class SeriesParameters {

    private static final String DATE_OR_INSTANT = "must be an ISO date such as 2023-03-01 or an instant such as "
            + "2023-03-01T10:00:00Z";

    private SeriesParameters() {
    }

    /** A bound of the range: a whole local day, or an instant taken at hour precision. */
    private static final int EARLIEST_YEAR = 2000;
    private static final int LATEST_YEAR = 2999;

    private record Bound(Optional<LocalDate> date, Optional<Instant> instant) {

        boolean withinSaneYears() {
            int year = date.map(LocalDate::getYear)
                    .orElseGet(() -> instant.orElseThrow().atOffset(java.time.ZoneOffset.UTC).getYear());
            return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
        }

        Instant start(ZoneId zone) {
            return date.map(d -> d.atStartOfDay(zone).toInstant())
                    .orElseGet(() -> instant.orElseThrow().truncatedTo(ChronoUnit.HOURS));
        }

        Instant end(ZoneId zone) {
            return date.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant())
                    .orElseGet(() -> instant.orElseThrow().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
        }
    }

    static List<String> metricNames() {
        List<String> names = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric == Metric.ENTERED) {
                Arrays.stream(CaseState.values()).forEach(state -> names.add(metric.parameter() + state.name()));
            } else {
                names.add(metric.parameter());
            }
        }
        return names;
    }

    static SeriesRequest parse(String metric, String granularity, String from, String to, String groupBy,
                               ZoneId zone, int maxBuckets) {
        return parse(metric, granularity, from, to, groupBy, zone, maxBuckets, false);
    }

    /**
     * As {@link #parse}, but {@code from} and {@code to} must be dates: the public figures have no
     * granularity finer than a day, and an hour-precise range would cut a day into parts.
     */
    static SeriesRequest parseWholeDays(String metric, String granularity, String from, String to, String groupBy,
                                        ZoneId zone, int maxBuckets) {
        return parse(metric, granularity, from, to, groupBy, zone, maxBuckets, true);
    }

    private static SeriesRequest parse(String metric, String granularity, String from, String to, String groupBy,
                                       ZoneId zone, int maxBuckets, boolean wholeDays) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Metric> parsedMetric = Optional.empty();
        Optional<CaseState> state = Optional.empty();
        if (metric != null && metricNames().contains(metric)) {
            if (metric.startsWith(Metric.ENTERED.parameter())) {
                parsedMetric = Optional.of(Metric.ENTERED);
                state = Optional.of(CaseState.valueOf(metric.substring(Metric.ENTERED.parameter().length())));
            } else {
                parsedMetric = Arrays.stream(Metric.values()).filter(m -> m.parameter().equals(metric)).findFirst();
            }
        } else {
            errors.add(new FieldError("metric", (metric == null ? "is required; " : "") + "must be one of "
                    + metricNames()));
        }
        Optional<Granularity> parsedGranularity = Optional.ofNullable(granularity)
                .flatMap(Granularity::fromParameter);
        if (parsedGranularity.isEmpty()) {
            errors.add(new FieldError("granularity", (granularity == null ? "is required; " : "") + "must be one of "
                    + names(Granularity.values(), Granularity::parameter)));
        }
        Optional<Bound> fromBound = bound("from", from, errors);
        Optional<Bound> toBound = bound("to", to, errors);
        if (wholeDays) {
            fromBound = wholeDay("from", fromBound, errors);
            toBound = wholeDay("to", toBound, errors);
        }
        Optional<Dimension> dimension = Optional.empty();
        if (groupBy != null && !groupBy.isBlank()) {
            dimension = Dimension.fromParameter(groupBy);
            if (dimension.isEmpty()) {
                errors.add(new FieldError("groupBy", "must be one of " + names(Dimension.values(), Dimension::parameter)));
            } else if (parsedMetric.isPresent() && !parsedMetric.get().countsContacts()
                    && dimension.get() != Dimension.ORIGIN) {
                errors.add(new FieldError("groupBy", "cases can only be grouped by origin"));
                dimension = Optional.empty();
            }
        }
        Instant start = null;
        Instant until = null;
        if (fromBound.isPresent() && toBound.isPresent()) {
            start = fromBound.get().start(zone);
            until = toBound.get().end(zone);
            if (!start.isBefore(until)) {
                errors.add(new FieldError("from", "must not be after to"));
            } else if (parsedGranularity.isPresent()) {
                long buckets = parsedGranularity.get().periodsBetween(localDate(start, zone), lastDate(until, zone));
                if (buckets > maxBuckets) {
                    errors.add(new FieldError("to", "the range holds " + buckets + " buckets; at most " + maxBuckets
                            + " are allowed"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The series parameters are invalid.", errors);
        }
        return new SeriesRequest(parsedMetric.orElseThrow(), state, parsedGranularity.orElseThrow(), start, until,
                localDate(start, zone), lastDate(until, zone), dimension);
    }

    private static LocalDate localDate(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The local date of the last moment before {@code until}. */
    private static LocalDate lastDate(Instant until, ZoneId zone) {
        return LocalDate.ofInstant(until.minusNanos(1), zone);
    }

    private static Optional<Bound> bound(String field, String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required; " + DATE_OR_INSTANT));
            return Optional.empty();
        }
        Optional<Bound> bound = parseBound(value);
        if (bound.isEmpty()) {
            errors.add(new FieldError(field, DATE_OR_INSTANT));
        } else if (!bound.get().withinSaneYears()) {
            // Years like +999999999 parse, but no zone arithmetic survives them: refuse, don't fail.
            errors.add(new FieldError(field, "must lie between the years " + EARLIEST_YEAR + " and " + LATEST_YEAR));
            return Optional.empty();
        }
        return bound;
    }

    private static Optional<Bound> wholeDay(String field, Optional<Bound> bound, List<FieldError> errors) {
        if (bound.isPresent() && bound.get().date().isEmpty()) {
            errors.add(new FieldError(field, "must be an ISO date such as 2023-03-01: public figures are by whole days, "
                    + "nothing finer"));
            return Optional.empty();
        }
        return bound;
    }

    private static Optional<Bound> parseBound(String value) {
        try {
            return Optional.of(new Bound(Optional.of(LocalDate.parse(value)), Optional.empty()));
        } catch (DateTimeParseException notADate) {
            try {
                return Optional.of(new Bound(Optional.empty(), Optional.of(OffsetDateTime.parse(value).toInstant())));
            } catch (DateTimeParseException notAnInstant) {
                return Optional.empty();
            }
        }
    }

    private static <E> List<String> names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }
}
