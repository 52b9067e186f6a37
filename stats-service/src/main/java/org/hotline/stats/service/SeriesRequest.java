package org.hotline.stats.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.hotline.events.CaseState;
import org.hotline.stats.Dimension;
import org.hotline.stats.Granularity;
import org.hotline.stats.Metric;

/**
 * A valid request for a series. Things are counted from {@code start} (inclusive) to {@code until}
 * (exclusive), both whole hours; {@code from} and {@code to} are the first and last local dates of
 * that range. {@code state} is present exactly for {@link Metric#ENTERED}.
 */
public record SeriesRequest(Metric metric, Optional<CaseState> state, Granularity granularity, Instant start,
                            Instant until, LocalDate from, LocalDate to, Optional<Dimension> groupBy) {

    /** The metric as the API names it, e.g. {@code entered.IN_CUSTODY}. */
    public String metricName() {
        return metric.parameter() + state.map(CaseState::name).orElse("");
    }

    /** How many buckets the series will hold. */
    public long bucketCount() {
        return granularity.periodsBetween(from, to);
    }
}
