package org.hotline.stats.service;

import java.time.Instant;
import java.util.Map;

import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The ops room's headline figures at one instant. */
public record Summary(Instant asOf, String timeZone, Contacts contacts, SurrenderRequests surrenderRequests,
                      Cases cases) {

    /**
     * All contacts ({@code total}, the same as {@code sinceLaunch}), and those of the rolling
     * windows. A window has minute granularity: it holds the current minute so far and the full
     * minutes before it (59 for last1h).
     */
    public record Contacts(long total, long sinceLaunch, long last1h, long last24h, long last7d, long last30d,
                           Map<Origin, OriginShare> byOrigin) {
    }

    /** {@code share} is the fraction of all contacts, 4 decimals, 0 when there are none. */
    public record OriginShare(long count, double share) {
    }

    /**
     * Surrender requests in calendar months of the configured zone. {@code monthOverMonthChange} is
     * (this - previous) / previous, 1.0 meaning doubled; null when the previous month had none.
     */
    public record SurrenderRequests(long thisMonth, long previousMonth, Double monthOverMonthChange) {
    }

    /**
     * Cases: by their current state; how many ever reached each stage of the funnel; how those in
     * custody came into it; the median time from request to custody (null before any case went that
     * way); and the cases now in custody past each deadline without the care it asks for.
     */
    public record Cases(Map<CaseState, Long> byState, Map<CaseState, Long> funnel,
                        Map<CustodyMode, Long> custodyByMode,
                        @JsonInclude(JsonInclude.Include.ALWAYS) MedianDuration medianRequestToCustody,
                        Map<String, Long> overdueByDeadline) {
    }

    /** An ISO-8601 duration (whole seconds), the same in hours (2 decimals), and over how many cases. */
    public record MedianDuration(String duration, double hours, long cases) {
    }
}
