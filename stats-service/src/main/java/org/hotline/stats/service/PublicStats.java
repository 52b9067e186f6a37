package org.hotline.stats.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.stats.Granularity;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.repository.ContactCounts.PeriodCount;
import org.hotline.stats.repository.Publications;
import org.hotline.stats.repository.Publications.Publication;
import org.hotline.stats.service.Suppression.Mark;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The figures for the press and the public, as published for the latest closed period (see
 * {@link Publisher}), never live. Every count is rounded on its own to a multiple of 5 and hidden
 * as {@code "<10"} if that is below the threshold; in a row with a total, more cells are hidden as
 * {@code "suppressed"} so that none can be worked out ({@link Perturbation}, {@link Suppression}).
 */
@ApplicationScoped
public class PublicStats {

    static final String COMPLEMENTARY = "suppressed";

    private final Publications publications;
    private final StatsConfig config;
    private final int threshold;

    public PublicStats(Publications publications, StatsConfig config) {
        this.publications = publications;
        this.config = config;
        this.threshold = config.publication().threshold();
        if (threshold < Perturbation.BASE || threshold % Perturbation.BASE != 0) {
            throw new IllegalArgumentException("hotline.stats.publication.threshold must be a multiple of "
                    + Perturbation.BASE + ", not " + threshold + ": a hidden count must stand for whole rounding bins");
        }
    }

    /** The period a publication covers, both days inclusive. */
    public record Period(LocalDate start, LocalDate end, String granularity) {
    }

    /**
     * The public summary of one closed period. {@code contacts.sinceLaunch} and {@code cases} are
     * as of the period's end; {@code contacts.inPeriod} counts the period alone.
     */
    public record PublicSummary(Period period, Instant publishedAt, Instant nextPublicationAfter, String timeZone,
                                int threshold, int roundingBase, Contacts contacts,
                                SurrenderRequests surrenderRequests, Cases cases) {
    }

    public record Contacts(Figures sinceLaunch, Figures inPeriod) {
    }

    /** A total and its parts by origin. */
    public record Figures(Object total, Map<Origin, OriginShare> byOrigin) {
    }

    /** A share (of the published total, from the published count) is there only beside a shown count. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OriginShare(Object count, Double share) {
    }

    /**
     * Surrender requests in the period, in its calendar month up to its end, and in the month
     * before; the change is worked out from the published (rounded) counts.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SurrenderRequests(Object inPeriod, Object monthToDate, Object previousMonth,
                                    Double monthOverMonthChange) {
    }

    /** Cases by the state they were in at the period's end, how many had reached each stage, and how custody came. */
    public record Cases(Object total, Map<CaseState, Object> byState, Map<CaseState, Object> funnel,
                        Map<CustodyMode, Object> custodyByMode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublicSeries(String metric, String granularity, String timeZone, LocalDate from, LocalDate to,
                               LocalDate publishedThrough, String groupBy, int threshold, int roundingBase,
                               List<Bucket> buckets) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bucket(LocalDate start, LocalDate end, Object total, Map<String, Object> groups) {
    }

    /** The latest publication, or empty before the first. */
    @Transactional
    public Optional<Publication> latest() {
        return publications.latest();
    }

    /**
     * Works out the public summary of a period from the days just frozen for it (contacts, the
     * funnel) and, for what the days cannot tell, from the store as of the period's end.
     */
    PublicSummary summarise(Period period, Instant publishedAt, Instant nextPublicationAfter, int generation,
                            Instant until) {
        LocalDate start = period.start();
        LocalDate end = period.end();
        Figures sinceLaunch = figures(publications.contactsByOrigin(start, Optional.empty(), end, Optional.empty()));
        Figures inPeriod = figures(publications.contactsByOrigin(start, Optional.of(start), end, Optional.empty()));

        Optional<Purpose> surrender = Optional.of(Purpose.SURRENDER_REQUEST);
        LocalDate monthStart = end.withDayOfMonth(1);
        long requestsInPeriod = sum(publications.contactsByOrigin(start, Optional.of(start), end, surrender));
        long monthToDate = sum(publications.contactsByOrigin(start, Optional.of(monthStart), end, surrender));
        long previousMonth = sum(publications.contactsByOrigin(start, Optional.of(monthStart.minusMonths(1)),
                monthStart.minusDays(1), surrender));
        Object shownThisMonth = alone(monthToDate);
        Object shownPreviousMonth = alone(previousMonth);
        Double change = shownThisMonth instanceof Long now && shownPreviousMonth instanceof Long before
                ? fraction(now - before, before) : null;

        Map<CaseState, Long> byState = publications.stateAt(generation, until);
        Map<CustodyMode, Long> custodyByMode = publications.custodyByModeAt(generation, until);
        Suppression.Row<CaseState> states = Perturbation.protect(byState, threshold);
        Suppression.Row<CustodyMode> modes = Perturbation.protect(custodyByMode, threshold);
        Map<CaseState, Long> reached = publications.reachedByState(start);
        Map<CaseState, Object> funnel = new LinkedHashMap<>();
        // Cases in custody are the total of the custody modes: shown only where that total is.
        StatsQuery.FUNNEL.forEach(state -> funnel.put(state, state == CaseState.IN_CUSTODY && !modes.totalShown()
                ? hidden(reached.get(state)) : alone(reached.get(state))));
        long caseTotal = byState.values().stream().mapToLong(Long::longValue).sum();

        return new PublicSummary(period, publishedAt, nextPublicationAfter, config.timeZone().getId(), threshold,
                Perturbation.BASE, new Contacts(sinceLaunch, inPeriod),
                new SurrenderRequests(alone(requestsInPeriod), shownThisMonth, shownPreviousMonth, change),
                new Cases(states.totalShown() ? (Object) Perturbation.round(caseTotal) : hidden(caseTotal),
                        cells(byState, states), funnel, cells(custodyByMode, modes)));
    }

    /**
     * A series cut from the latest publication's days: nothing after its period's end, and days
     * at the finest. Split by a dimension, each bucket is a row whose total is its bucket total;
     * unsplit, the buckets are one row whose total anyone can ask for with a coarser granularity.
     *
     * @throws NothingPublished before the first publication
     */
    @Transactional
    public PublicSeries series(SeriesRequest request) {
        Publication publication = publications.latest().orElseThrow(NothingPublished::new);
        LocalDate to = request.to().isAfter(publication.periodEnd()) ? publication.periodEnd() : request.to();
        Granularity granularity = request.granularity();
        List<Bucket> buckets = new ArrayList<>();
        if (!request.from().isAfter(to)) {
            SeriesRequest published = new SeriesRequest(request.metric(), request.state(), granularity,
                    request.start(), request.until(), request.from(), to, request.groupBy());
            List<PeriodCount> counts = request.metric().countsContacts()
                    ? publications.contactsByPeriod(publication.periodStart(), request.from(), to, granularity,
                            request.metric().purpose(), request.groupBy())
                    : publications.casesByPeriod(publication.periodStart(), request.state(), request.from(), to,
                            granularity, request.groupBy().isPresent());
            buckets = buckets(request, StatsQuery.series(published, counts, config.timeZone()));
        }
        return new PublicSeries(request.metricName(), granularity.parameter(), config.timeZone().getId(),
                request.from(), to, publication.periodEnd(),
                request.groupBy().map(d -> d.parameter()).orElse(null), threshold, Perturbation.BASE, buckets);
    }

    private List<Bucket> buckets(SeriesRequest request, Series series) {
        List<Bucket> buckets = new ArrayList<>();
        if (request.groupBy().isPresent()) {
            for (Series.Bucket bucket : series.buckets()) {
                Suppression.Row<String> row = Perturbation.protect(bucket.groups(), threshold);
                buckets.add(new Bucket(bucket.start(), bucket.end(),
                        row.totalShown() ? (Object) Perturbation.round(bucket.total()) : hidden(bucket.total()),
                        cells(bucket.groups(), row)));
            }
        } else {
            Map<Integer, Long> totals = new LinkedHashMap<>();
            for (int i = 0; i < series.buckets().size(); i++) {
                totals.put(i, series.buckets().get(i).total());
            }
            Suppression.Row<Integer> row = Perturbation.protect(totals, threshold);
            for (int i = 0; i < series.buckets().size(); i++) {
                Series.Bucket bucket = series.buckets().get(i);
                buckets.add(new Bucket(bucket.start(), bucket.end(), cell(bucket.total(), row.cells().get(i)), null));
            }
        }
        return buckets;
    }

    private Figures figures(Map<Origin, Long> byOrigin) {
        Suppression.Row<Origin> row = Perturbation.protect(byOrigin, threshold);
        long total = byOrigin.values().stream().mapToLong(Long::longValue).sum();
        Object shownTotal = row.totalShown() ? (Object) Perturbation.round(total) : hidden(total);
        Map<Origin, OriginShare> shares = new EnumMap<>(Origin.class);
        byOrigin.forEach((origin, count) -> {
            Object shown = cell(count, row.cells().get(origin));
            // From the published figures only, so a share says nothing the counts do not.
            Double share = shown instanceof Long part && shownTotal instanceof Long whole && whole > 0
                    ? fraction(part, whole) : null;
            shares.put(origin, new OriginShare(shown, share));
        });
        return new Figures(shownTotal, shares);
    }

    private static long sum(Map<?, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private <K> Map<K, Object> cells(Map<K, Long> counts, Suppression.Row<K> row) {
        Map<K, Object> cells = new LinkedHashMap<>();
        counts.forEach((key, count) -> cells.put(key, cell(count, row.cells().get(key))));
        return cells;
    }

    private Object cell(long count, Mark mark) {
        return switch (mark) {
            case SHOWN -> Perturbation.round(count);
            case SMALL -> "<" + threshold;
            case COMPLEMENTARY -> COMPLEMENTARY;
        };
    }

    /** A count published on its own, no part of a row. */
    private Object alone(long count) {
        return Perturbation.small(count, threshold) ? "<" + threshold : (Object) Perturbation.round(count);
    }

    /** A total hidden because the cells under it could otherwise be worked out. */
    private Object hidden(long count) {
        return Perturbation.small(count, threshold) ? "<" + threshold : COMPLEMENTARY;
    }

    private static double fraction(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
