package org.hotline.stats.service;

import java.time.Instant;
import java.util.List;

import org.hotline.events.Origin;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The cases now in custody past a Geneva Conventions deadline, longest overdue first: at most the
 * configured number of {@code items}, and how many there are in all ({@code total}). One case past
 * two deadlines is listed twice.
 */
public record OverdueCustody(Instant asOf, long total, List<Item> items) {

    /**
     * {@code deadline} is named as in the summary's {@code overdueByDeadline}. {@code reference} and
     * {@code link} are present only for a reader who may see cases (the case-officer role).
     * {@code overdueBy} is an ISO-8601 duration in whole seconds.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String reference, String link, Origin origin, String deadline, Instant custodyAt,
                       Instant due, String overdueBy, double overdueHours) {
    }
}
