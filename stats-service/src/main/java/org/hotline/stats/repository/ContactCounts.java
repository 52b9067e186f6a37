package org.hotline.stats.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.stats.Dimension;
import org.hotline.stats.Granularity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Contacts per UTC hour, channel, origin and purpose: the single source every figure is rolled up
 * from. Local days and months are rolled up in SQL with {@code at time zone}; that is exact
 * because the configured zone is a whole number of hours from UTC.
 */
@ApplicationScoped
public class ContactCounts {

    private final EntityManager em;

    public ContactCounts(EntityManager em) {
        this.em = em;
    }

    public void add(Instant hourStart, Channel channel, Origin origin, Purpose purpose) {
        em.createNativeQuery("""
                insert into contact_count (hour_start, channel, origin, purpose, contacts)
                values (:hourStart, :channel, :origin, :purpose, 1)
                on conflict (hour_start, channel, origin, purpose)
                do update set contacts = contact_count.contacts + 1""")
                .setParameter("hourStart", hourStart)
                .setParameter("channel", channel.name())
                .setParameter("origin", origin.name())
                .setParameter("purpose", purpose.name())
                .executeUpdate();
    }

    /** Contacts of one origin: all time, in three rolling windows, and surrender requests in two months. */
    public record OriginTotals(Origin origin, long total, long last24h, long last7d, long last30d,
                               long surrenderRequestsThisMonth, long surrenderRequestsPreviousMonth) {
    }

    /**
     * One pass over the buckets for the summary. A window starts at the start of an hour: rolling
     * windows have hour granularity.
     */
    public List<OriginTotals> totalsByOrigin(Instant since24h, Instant since7d, Instant since30d,
                                             Instant previousMonthStart, Instant thisMonthStart,
                                             Instant nextMonthStart) {
        List<?> rows = em.createNativeQuery("""
                select origin,
                       cast(coalesce(sum(contacts), 0) as bigint),
                       cast(coalesce(sum(contacts) filter (where hour_start >= :since24h), 0) as bigint),
                       cast(coalesce(sum(contacts) filter (where hour_start >= :since7d), 0) as bigint),
                       cast(coalesce(sum(contacts) filter (where hour_start >= :since30d), 0) as bigint),
                       cast(coalesce(sum(contacts) filter (where purpose = :surrender
                            and hour_start >= :thisMonth and hour_start < :nextMonth), 0) as bigint),
                       cast(coalesce(sum(contacts) filter (where purpose = :surrender
                            and hour_start >= :previousMonth and hour_start < :thisMonth), 0) as bigint)
                from contact_count
                group by origin""")
                .setParameter("since24h", since24h)
                .setParameter("since7d", since7d)
                .setParameter("since30d", since30d)
                .setParameter("surrender", Purpose.SURRENDER_REQUEST.name())
                .setParameter("previousMonth", previousMonthStart)
                .setParameter("thisMonth", thisMonthStart)
                .setParameter("nextMonth", nextMonthStart)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new OriginTotals(Origin.valueOf((String) row[0]), number(row[1]), number(row[2]),
                        number(row[3]), number(row[4]), number(row[5]), number(row[6])))
                .toList();
    }

    /** Contacts of one local period, and of one group of it when the series is split. */
    public record PeriodCount(LocalDate periodStart, Optional<String> group, long contacts) {
    }

    /**
     * Contacts from {@code from} (inclusive) to {@code until} (exclusive), per local period of the
     * zone; only the periods holding contacts are returned.
     */
    public List<PeriodCount> countByPeriod(Instant from, Instant until, ZoneId zone, Granularity granularity,
                                           Optional<Purpose> purpose, Optional<Dimension> groupBy) {
        // The column name comes from the Dimension enum, never from the request text.
        String group = groupBy.map(Dimension::parameter).orElse("cast(null as text)");
        List<?> rows = em.createNativeQuery("""
                select to_char(date_trunc(:unit, hour_start at time zone :zone), 'YYYY-MM-DD'),
                       %s,
                       cast(sum(contacts) as bigint)
                from contact_count
                where hour_start >= :from and hour_start < :until
                  and (:purpose = '' or purpose = :purpose)
                group by 1, 2""".formatted(group))
                .setParameter("unit", granularity.parameter())
                .setParameter("zone", zone.getId())
                .setParameter("from", from)
                .setParameter("until", until)
                .setParameter("purpose", purpose.map(Purpose::name).orElse(""))
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new PeriodCount(LocalDate.parse((String) row[0]),
                        Optional.ofNullable((String) row[1]), number(row[2])))
                .toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
