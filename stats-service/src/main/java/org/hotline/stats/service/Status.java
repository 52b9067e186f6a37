package org.hotline.stats.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The dashboard's status strip: the operational signals, each with its level. */
public record Status(Instant asOf, List<Signal> signals) {

    /** {@code UNKNOWN} when the source did not answer; the dashboard shows that as plainly as red. */
    public enum Level {
        OK, AMBER, RED, UNKNOWN
    }

    /**
     * One signal: {@code outboxAge} (seconds), {@code consumerLag} (records), {@code deadLetters}
     * (records) or {@code lastEvent} (seconds since, with its time in {@code at}). {@code value} is
     * null when unknown; {@code amber} and {@code red} are the configured thresholds (the level is
     * amber from {@code amber}, red from {@code red}); {@code detail} says where it comes from.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signal(String name, Level level, @JsonInclude(JsonInclude.Include.ALWAYS) Double value,
                         String unit, double amber, double red, Instant at, String detail) {
    }
}
