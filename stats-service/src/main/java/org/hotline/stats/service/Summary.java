package org.hotline.stats.service;

import java.time.Instant;
import java.util.Map;

import org.hotline.events.CaseState;
import org.hotline.events.Origin;

/** The ops room's headline figures at one instant. */
public record Summary(Instant asOf, String timeZone, Contacts contacts, SurrenderRequests surrenderRequests,
                      Cases cases) {

    /**
     * All contacts, and those of the rolling windows. A window has hour granularity: it holds the
     * current hour so far and the full hours before it (23 for last24h).
     */
    public record Contacts(long total, long last24h, long last7d, long last30d, Map<Origin, OriginShare> byOrigin) {
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

    public record Cases(Map<CaseState, Long> byState) {
    }
}
