package org.hotline.stats.service;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The first and the last day, in the configured zone, that hold a contact; both null before the
 * first. The dashboard's default range is the last twelve months up to {@code last}.
 */
public record DataExtent(@JsonInclude(JsonInclude.Include.ALWAYS) LocalDate first,
                         @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate last, String timeZone) {
}
