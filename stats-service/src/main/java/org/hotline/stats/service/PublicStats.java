package org.hotline.stats.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.service.Suppression.Mark;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The figures for the press and the public: the internal ones with small counts hidden. A hidden
 * count is published as {@code "<10"} (below the threshold) or {@code "suppressed"} (hidden only so
 * that another one cannot be worked out); every other count is a number.
 */
@ApplicationScoped
public class PublicStats {

    static final String COMPLEMENTARY = "suppressed";

    private final StatsQuery query;
    private final int threshold;

    public PublicStats(StatsQuery query, StatsConfig config) {
        this.query = query;
        this.threshold = config.publication().threshold();
    }

    public record PublicSummary(Instant asOf, String timeZone, int threshold, Contacts contacts,
                                SurrenderRequests surrenderRequests, Cases cases) {
    }

    /** A share is published only beside a shown count. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OriginShare(Object count, Double share) {
    }

    public record Contacts(Object total, Object last1h, Object last24h, Object last7d, Object last30d,
                           Map<Origin, OriginShare> byOrigin) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SurrenderRequests(Object thisMonth, Object previousMonth, Double monthOverMonthChange) {
    }

    public record Cases(Object total, Map<CaseState, Object> byState, Map<CaseState, Object> funnel,
                        Map<CustodyMode, Object> custodyByMode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublicSeries(String metric, String granularity, String timeZone, LocalDate from, LocalDate to,
                               String groupBy, int threshold, List<Bucket> buckets) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bucket(LocalDate start, LocalDate end, Object total, Map<String, Object> groups) {
    }

    public PublicSummary summary() {
        Summary summary = query.summary();
        Summary.Contacts contacts = summary.contacts();
        Map<Origin, Long> originCounts = new LinkedHashMap<>();
        contacts.byOrigin().forEach((origin, share) -> originCounts.put(origin, share.count()));
        Suppression.Row<Origin> origins = Suppression.protect(originCounts, threshold);
        Map<Origin, OriginShare> byOrigin = new LinkedHashMap<>();
        contacts.byOrigin().forEach((origin, share) -> {
            Mark mark = origins.cells().get(origin);
            byOrigin.put(origin, new OriginShare(cell(share.count(), mark), mark == Mark.SHOWN ? share.share() : null));
        });

        Summary.SurrenderRequests requests = summary.surrenderRequests();
        boolean bothMonthsShown = requests.thisMonth() >= threshold && requests.previousMonth() >= threshold;

        Summary.Cases cases = summary.cases();
        Suppression.Row<CaseState> states = Suppression.protect(cases.byState(), threshold);
        Suppression.Row<CustodyMode> modes = Suppression.protect(cases.custodyByMode(), threshold);
        Map<CaseState, Object> funnel = new LinkedHashMap<>();
        cases.funnel().forEach((state, count) -> funnel.put(state,
                state == CaseState.IN_CUSTODY && !modes.totalShown() ? hidden(count) : alone(count)));
        long caseTotal = cases.byState().values().stream().mapToLong(Long::longValue).sum();

        return new PublicSummary(summary.asOf(), summary.timeZone(), threshold,
                new Contacts(origins.totalShown() ? contacts.total() : hidden(contacts.total()),
                        alone(contacts.last1h()), alone(contacts.last24h()), alone(contacts.last7d()),
                        alone(contacts.last30d()), byOrigin),
                new SurrenderRequests(alone(requests.thisMonth()), alone(requests.previousMonth()),
                        bothMonthsShown ? requests.monthOverMonthChange() : null),
                new Cases(states.totalShown() ? caseTotal : hidden(caseTotal), cells(cases.byState(), states),
                        funnel, cells(cases.custodyByMode(), modes)));
    }

    /**
     * A series with small counts hidden. Split by a dimension, each bucket is a row whose total is
     * its bucket total; unsplit, the buckets are one row whose total anyone can ask for with a
     * coarser granularity.
     */
    public PublicSeries series(SeriesRequest request) {
        Series series = query.series(request);
        List<Bucket> buckets = new ArrayList<>();
        if (request.groupBy().isPresent()) {
            for (Series.Bucket bucket : series.buckets()) {
                Suppression.Row<String> row = Suppression.protect(bucket.groups(), threshold);
                buckets.add(new Bucket(bucket.start(), bucket.end(),
                        row.totalShown() ? bucket.total() : hidden(bucket.total()), cells(bucket.groups(), row)));
            }
        } else {
            Map<Integer, Long> totals = new LinkedHashMap<>();
            for (int i = 0; i < series.buckets().size(); i++) {
                totals.put(i, series.buckets().get(i).total());
            }
            Suppression.Row<Integer> row = Suppression.protect(totals, threshold);
            for (int i = 0; i < series.buckets().size(); i++) {
                Series.Bucket bucket = series.buckets().get(i);
                buckets.add(new Bucket(bucket.start(), bucket.end(), cell(bucket.total(), row.cells().get(i)), null));
            }
        }
        return new PublicSeries(series.metric(), series.granularity(), series.timeZone(), series.from(), series.to(),
                series.groupBy(), threshold, buckets);
    }

    private <K> Map<K, Object> cells(Map<K, Long> counts, Suppression.Row<K> row) {
        Map<K, Object> cells = new LinkedHashMap<>();
        counts.forEach((key, count) -> cells.put(key, cell(count, row.cells().get(key))));
        return cells;
    }

    private Object cell(long count, Mark mark) {
        return switch (mark) {
            case SHOWN -> count;
            case SMALL -> "<" + threshold;
            case COMPLEMENTARY -> COMPLEMENTARY;
        };
    }

    /** A count published on its own, no part of a row. */
    private Object alone(long count) {
        return count < threshold ? "<" + threshold : count;
    }

    /** A total hidden because the cells under it could otherwise be worked out. */
    private Object hidden(long count) {
        return count < threshold ? "<" + threshold : COMPLEMENTARY;
    }
}
