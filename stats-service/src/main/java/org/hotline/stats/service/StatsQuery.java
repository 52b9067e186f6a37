package org.hotline.stats.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.CareKind;
import org.hotline.events.CaseState;
import org.hotline.events.Origin;
import org.hotline.stats.Dimension;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.repository.CaseMilestones;
import org.hotline.stats.repository.CaseSnapshots;
import org.hotline.stats.repository.ContactCounts;
import org.hotline.stats.repository.ContactCounts.OriginTotals;
import org.hotline.stats.repository.ContactCounts.PeriodCount;
import org.hotline.stats.repository.Generations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads every figure from the active generation of the store. */
@ApplicationScoped
public class StatsQuery {

    /** The stages of the funnel, in the order a surrender goes through them. */
    public static final List<CaseState> FUNNEL = List.of(CaseState.REQUESTED, CaseState.VERIFIED,
            CaseState.SURRENDER_ARRANGED, CaseState.IN_CUSTODY);

    private final Generations generations;
    private final ContactCounts contactCounts;
    private final CaseSnapshots caseSnapshots;
    private final CaseMilestones milestones;
    private final Clock clock;
    private final StatsConfig config;
    private final ZoneId zone;

    public StatsQuery(Generations generations, ContactCounts contactCounts, CaseSnapshots caseSnapshots,
                      CaseMilestones milestones, Clock clock, StatsConfig config) {
        this.generations = generations;
        this.contactCounts = contactCounts;
        this.caseSnapshots = caseSnapshots;
        this.milestones = milestones;
        this.clock = clock;
        this.config = config;
        this.zone = config.timeZone();
    }

    /** One transaction, so every figure comes from the same generation even during a switch. */
    @Transactional
    public Summary summary() {
        int generation = generations.active();
        Instant now = clock.instant();
        Instant currentMinute = now.truncatedTo(ChronoUnit.MINUTES);
        LocalDate thisMonth = LocalDate.ofInstant(now, zone).withDayOfMonth(1);
        List<OriginTotals> byOrigin = contactCounts.totalsByOrigin(generation,
                startOf(thisMonth.minusMonths(1)), startOf(thisMonth), startOf(thisMonth.plusMonths(1)));
        ContactCounts.Windows windows = contactCounts.windows(generation,
                currentMinute.minus(59, ChronoUnit.MINUTES),
                currentMinute.minus(24 * 60 - 1, ChronoUnit.MINUTES),
                currentMinute.minus(7 * 24 * 60 - 1, ChronoUnit.MINUTES),
                currentMinute.minus(30 * 24 * 60 - 1, ChronoUnit.MINUTES));

        long total = byOrigin.stream().mapToLong(OriginTotals::total).sum();
        Map<Origin, Summary.OriginShare> shares = new EnumMap<>(Origin.class);
        for (Origin origin : Origin.values()) {
            long count = byOrigin.stream().filter(o -> o.origin() == origin).mapToLong(OriginTotals::total).sum();
            shares.put(origin, new Summary.OriginShare(count, total == 0 ? 0.0 : fraction(count, total)));
        }
        Summary.Contacts contacts = new Summary.Contacts(total, total, windows.last1h(), windows.last24h(),
                windows.last7d(), windows.last30d(), shares);
        return new Summary(now, zone.getId(), contacts,
                surrenderRequests(byOrigin.stream().mapToLong(OriginTotals::surrenderRequestsThisMonth).sum(),
                        byOrigin.stream().mapToLong(OriginTotals::surrenderRequestsPreviousMonth).sum()),
                cases(generation, now));
    }

    Summary.Cases cases(int generation, Instant now) {
        Map<CaseState, Long> reached = milestones.reachedByState(generation);
        Map<CaseState, Long> funnel = new LinkedHashMap<>();
        FUNNEL.forEach(state -> funnel.put(state, reached.get(state)));
        Map<String, Long> overdue = new LinkedHashMap<>();
        overdue.put("captureCard", milestones.overdue(generation, CareKind.CAPTURE_CARD_SENT,
                now.minus(config.deadlines().captureCard())));
        overdue.put("familyContact", milestones.overdue(generation, CareKind.FAMILY_CONTACT,
                now.minus(config.deadlines().familyContact())));
        overdue.put("informationBureau", milestones.overdue(generation, CareKind.INFORMATION_BUREAU_NOTIFIED,
                now.minus(config.deadlines().informationBureau())));
        return new Summary.Cases(caseSnapshots.countByState(generation), funnel,
                milestones.custodyByMode(generation), median(milestones.requestToCustody(generation)), overdue);
    }

    static Summary.MedianDuration median(CaseMilestones.RequestToCustody requestToCustody) {
        return requestToCustody.medianSeconds()
                .map(seconds -> new Summary.MedianDuration(Duration.ofSeconds(Math.round(seconds)).toString(),
                        BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP)
                                .doubleValue(),
                        requestToCustody.cases()))
                .orElse(null);
    }

    static Summary.SurrenderRequests surrenderRequests(long thisMonth, long previousMonth) {
        Double change = previousMonth == 0 ? null : fraction(thisMonth - previousMonth, previousMonth);
        return new Summary.SurrenderRequests(thisMonth, previousMonth, change);
    }

    @Transactional
    public Series series(SeriesRequest request) {
        int generation = generations.active();
        List<PeriodCount> counts = request.metric().countsContacts()
                ? contactCounts.countByPeriod(generation, request.start(), request.until(), zone,
                        request.granularity(), request.metric().purpose(), request.groupBy())
                : milestones.countByPeriod(generation, request.state(), request.start(), request.until(), zone,
                        request.granularity(), request.groupBy().isPresent());
        return series(request, counts, zone);
    }

    /** Every bucket of the request's range from the counts of the periods that hold any, zeros included. */
    static Series series(SeriesRequest request, List<PeriodCount> counts, ZoneId zone) {
        Map<LocalDate, List<PeriodCount>> byPeriod = new HashMap<>();
        counts.forEach(c -> byPeriod.computeIfAbsent(c.periodStart(), p -> new ArrayList<>()).add(c));

        List<Series.Bucket> buckets = new ArrayList<>();
        for (LocalDate period = request.granularity().periodStart(request.from()); !period.isAfter(request.to());
             period = request.granularity().nextPeriodStart(period)) {
            List<PeriodCount> inPeriod = byPeriod.getOrDefault(period, List.of());
            LocalDate start = period.isBefore(request.from()) ? request.from() : period;
            LocalDate periodEnd = request.granularity().nextPeriodStart(period).minusDays(1);
            LocalDate end = periodEnd.isAfter(request.to()) ? request.to() : periodEnd;
            buckets.add(new Series.Bucket(start, end, inPeriod.stream().mapToLong(PeriodCount::count).sum(),
                    request.groupBy().map(dimension -> groups(dimension, inPeriod)).orElse(null)));
        }
        return new Series(request.metricName(), request.granularity().parameter(), zone.getId(),
                request.from(), request.to(), request.groupBy().map(Dimension::parameter).orElse(null), buckets);
    }

    private static Map<String, Long> groups(Dimension dimension, List<PeriodCount> inPeriod) {
        Map<String, Long> groups = new LinkedHashMap<>();
        dimension.groups().forEach(value -> groups.put(value, 0L));
        inPeriod.forEach(c -> groups.merge(c.group().orElseThrow(), c.count(), Long::sum));
        return groups;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static double fraction(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
