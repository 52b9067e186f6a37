package org.hotline.stats.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Counts of one metric per calendar period of the configured zone, every period present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Series(String metric, String granularity, String timeZone, LocalDate from, LocalDate to,
                     String groupBy, List<Bucket> buckets) {

    /**
     * One period, from {@code start} to {@code end} inclusive: a whole day or month, except that
     * the first and last are cut to the requested range. {@code groups} is present when split.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bucket(LocalDate start, LocalDate end, long total, Map<String, Long> groups) {
    }
}
