package org.hotline.stats.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
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

import org.hotline.events.Origin;
import org.hotline.stats.Dimension;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.repository.CaseSnapshots;
import org.hotline.stats.repository.ContactCounts;
import org.hotline.stats.repository.ContactCounts.OriginTotals;
import org.hotline.stats.repository.ContactCounts.PeriodCount;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads every published figure from the stored buckets and case snapshots. */
@ApplicationScoped
public class StatsQuery {

    private final ContactCounts contactCounts;
    private final CaseSnapshots caseSnapshots;
    private final Clock clock;
    private final ZoneId zone;

    public StatsQuery(ContactCounts contactCounts, CaseSnapshots caseSnapshots, Clock clock, StatsConfig config) {
        this.contactCounts = contactCounts;
        this.caseSnapshots = caseSnapshots;
        this.clock = clock;
        this.zone = config.timeZone();
    }

    public Summary summary() {
        Instant now = clock.instant();
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        LocalDate thisMonth = LocalDate.ofInstant(now, zone).withDayOfMonth(1);
        List<OriginTotals> byOrigin = contactCounts.totalsByOrigin(
                currentHour.minus(23, ChronoUnit.HOURS),
                currentHour.minus(7 * 24 - 1, ChronoUnit.HOURS),
                currentHour.minus(30 * 24 - 1, ChronoUnit.HOURS),
                startOf(thisMonth.minusMonths(1)), startOf(thisMonth), startOf(thisMonth.plusMonths(1)));

        long total = byOrigin.stream().mapToLong(OriginTotals::total).sum();
        Map<Origin, Summary.OriginShare> shares = new EnumMap<>(Origin.class);
        for (Origin origin : Origin.values()) {
            long count = byOrigin.stream().filter(o -> o.origin() == origin).mapToLong(OriginTotals::total).sum();
            shares.put(origin, new Summary.OriginShare(count, total == 0 ? 0.0 : fraction(count, total)));
        }
        Summary.Contacts contacts = new Summary.Contacts(total,
                byOrigin.stream().mapToLong(OriginTotals::last24h).sum(),
                byOrigin.stream().mapToLong(OriginTotals::last7d).sum(),
                byOrigin.stream().mapToLong(OriginTotals::last30d).sum(),
                shares);
        return new Summary(now, zone.getId(), contacts,
                surrenderRequests(byOrigin.stream().mapToLong(OriginTotals::surrenderRequestsThisMonth).sum(),
                        byOrigin.stream().mapToLong(OriginTotals::surrenderRequestsPreviousMonth).sum()),
                new Summary.Cases(caseSnapshots.countByState()));
    }

    static Summary.SurrenderRequests surrenderRequests(long thisMonth, long previousMonth) {
        Double change = previousMonth == 0 ? null : fraction(thisMonth - previousMonth, previousMonth);
        return new Summary.SurrenderRequests(thisMonth, previousMonth, change);
    }

    public Series series(SeriesRequest request) {
        var counts = contactCounts.countByPeriod(startOf(request.from()), startOf(request.to().plusDays(1)), zone,
                request.granularity(), request.metric().purpose(), request.groupBy());
        Map<LocalDate, List<PeriodCount>> byPeriod = new HashMap<>();
        counts.forEach(c -> byPeriod.computeIfAbsent(c.periodStart(), p -> new ArrayList<>()).add(c));

        List<Series.Bucket> buckets = new ArrayList<>();
        for (LocalDate period = request.granularity().periodStart(request.from()); !period.isAfter(request.to());
             period = request.granularity().nextPeriodStart(period)) {
            List<PeriodCount> inPeriod = byPeriod.getOrDefault(period, List.of());
            LocalDate start = period.isBefore(request.from()) ? request.from() : period;
            LocalDate periodEnd = request.granularity().nextPeriodStart(period).minusDays(1);
            LocalDate end = periodEnd.isAfter(request.to()) ? request.to() : periodEnd;
            buckets.add(new Series.Bucket(start, end, inPeriod.stream().mapToLong(PeriodCount::contacts).sum(),
                    request.groupBy().map(dimension -> groups(dimension, inPeriod)).orElse(null)));
        }
        return new Series(request.metric().parameter(), request.granularity().parameter(), zone.getId(),
                request.from(), request.to(), request.groupBy().map(Dimension::parameter).orElse(null), buckets);
    }

    private static Map<String, Long> groups(Dimension dimension, List<PeriodCount> inPeriod) {
        Map<String, Long> groups = new LinkedHashMap<>();
        dimension.groups().forEach(value -> groups.put(value, 0L));
        inPeriod.forEach(c -> groups.merge(c.group().orElseThrow(), c.contacts(), Long::sum));
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
