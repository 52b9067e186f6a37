package org.hotline.stats.service;

import java.time.LocalDate;
import java.util.Optional;

import org.hotline.stats.Dimension;
import org.hotline.stats.Granularity;
import org.hotline.stats.Metric;

/** A valid request for a series: {@code from} and {@code to} are inclusive local dates, from not after to. */
public record SeriesRequest(Metric metric, Granularity granularity, LocalDate from, LocalDate to,
                            Optional<Dimension> groupBy) {

    /** How many buckets the series will hold. */
    public long bucketCount() {
        return granularity.periodsBetween(from, to);
    }
}
