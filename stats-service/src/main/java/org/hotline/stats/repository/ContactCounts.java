package org.hotline.stats.repository;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.stats.Dimension;
import org.hotline.stats.Granularity;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Contacts per UTC hour, channel, origin and purpose: the source of every calendar figure. Local
 * days, weeks and months are rolled up in SQL with {@code at time zone}, which is exact (and right
 * across daylight-saving changes) because the configured zone is a whole number of hours from UTC.
 * Contacts per UTC minute, without dimensions, serve the rolling windows.
 */
@ApplicationScoped
public class ContactCounts {

    private final EntityManager em;

    public ContactCounts(EntityManager em) {
        this.em = em;
    }

    /** The key of one hour bucket. */
    public record HourKey(Instant hourStart, Channel channel, Origin origin, Purpose purpose) {
    }

    private static final Comparator<HourKey> BUCKET_ORDER = Comparator.comparing(HourKey::hourStart)
            .thenComparing(HourKey::channel).thenComparing(HourKey::origin).thenComparing(HourKey::purpose);

    /**
     * Adds many contacts at once, already summed per hour bucket and per minute: a consumed batch
     * and a replay write each bucket once per batch instead of once per contact.
     */
    public void addAll(int generation, Map<HourKey, Long> perHour, Map<Instant, Long> perMinute) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement hours = connection.prepareStatement("""
                    insert into contact_count (generation, hour_start, channel, origin, purpose, contacts)
                    select ?, cast(h as timestamptz), c, o, p, n from unnest(?, ?, ?, ?, ?) as t(h, c, o, p, n)
                    on conflict (generation, hour_start, channel, origin, purpose)
                    do update set contacts = contact_count.contacts + excluded.contacts""");
                 PreparedStatement minutes = connection.prepareStatement("""
                    insert into contact_minute (generation, minute_start, contacts)
                    select ?, cast(m as timestamptz), n from unnest(?, ?) as t(m, n)
                    on conflict (generation, minute_start)
                    do update set contacts = contact_minute.contacts + excluded.contacts""")) {
                // Each bucket locked in one order by every writer (live batches of several instances, a
                // replay), so two of them never wait for each other in a circle.
                List<HourKey> keys = perHour.keySet().stream().sorted(BUCKET_ORDER).toList();
                hours.setInt(1, generation);
                hours.setArray(2, connection.createArrayOf("text", keys.stream().map(k -> k.hourStart().toString())
                        .toArray()));
                hours.setArray(3, connection.createArrayOf("text", keys.stream().map(k -> k.channel().name()).toArray()));
                hours.setArray(4, connection.createArrayOf("text", keys.stream().map(k -> k.origin().name()).toArray()));
                hours.setArray(5, connection.createArrayOf("text", keys.stream().map(k -> k.purpose().name()).toArray()));
                hours.setArray(6, connection.createArrayOf("int8", keys.stream().map(perHour::get).toArray()));
                hours.executeUpdate();
                List<Instant> starts = perMinute.keySet().stream().sorted().toList();
                minutes.setInt(1, generation);
                minutes.setArray(2, connection.createArrayOf("text", starts.stream().map(Instant::toString).toArray()));
                minutes.setArray(3, connection.createArrayOf("int8", starts.stream().map(perMinute::get).toArray()));
                minutes.executeUpdate();
            }
        });
    }

    /** The first and the last local day that hold a contact. */
    public record Extent(LocalDate first, LocalDate last) {
    }

    /** The days in {@code zone} of the first and the last contact; empty without any. */
    public Optional<Extent> extent(int generation, ZoneId zone) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select to_char(min(hour_start) at time zone :zone, 'YYYY-MM-DD'),
                       to_char(max(hour_start) at time zone :zone, 'YYYY-MM-DD')
                from contact_count where generation = :generation""")
                .setParameter("generation", generation)
                .setParameter("zone", zone.getId())
                .getSingleResult();
        return row[0] == null ? Optional.empty()
                : Optional.of(new Extent(LocalDate.parse((String) row[0]), LocalDate.parse((String) row[1])));
    }

    /** Contacts of one origin, all time, and surrender requests in two calendar months. */
    public record OriginTotals(Origin origin, long total, long surrenderRequestsThisMonth,
                               long surrenderRequestsPreviousMonth) {
    }

    public List<OriginTotals> totalsByOrigin(int generation, Instant previousMonthStart, Instant thisMonthStart,
                                             Instant nextMonthStart) {
        List<?> rows = em.createNativeQuery("""
                select origin,
                       cast(coalesce(sum(contacts), 0) as bigint),
                       cast(coalesce(sum(contacts) filter (where purpose = :surrender
                            and hour_start >= :thisMonth and hour_start < :nextMonth), 0) as bigint),
                       cast(coalesce(sum(contacts) filter (where purpose = :surrender
                            and hour_start >= :previousMonth and hour_start < :thisMonth), 0) as bigint)
                from contact_count
                where generation = :generation
                group by origin""")
                .setParameter("generation", generation)
                .setParameter("surrender", Purpose.SURRENDER_REQUEST.name())
                .setParameter("previousMonth", previousMonthStart)
                .setParameter("thisMonth", thisMonthStart)
                .setParameter("nextMonth", nextMonthStart)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new OriginTotals(Origin.valueOf((String) row[0]), number(row[1]), number(row[2]),
                        number(row[3])))
                .toList();
    }

    /** Contacts in rolling windows, each counted from the start of a minute up to now. */
    public record Windows(long last1h, long last24h, long last7d, long last30d) {
    }

    public Windows windows(int generation, Instant since1h, Instant since24h, Instant since7d, Instant since30d) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select cast(coalesce(sum(contacts) filter (where minute_start >= :since1h), 0) as bigint),
                       cast(coalesce(sum(contacts) filter (where minute_start >= :since24h), 0) as bigint),
                       cast(coalesce(sum(contacts) filter (where minute_start >= :since7d), 0) as bigint),
                       cast(coalesce(sum(contacts), 0) as bigint)
                from contact_minute
                where generation = :generation and minute_start >= :since30d""")
                .setParameter("generation", generation)
                .setParameter("since1h", since1h)
                .setParameter("since24h", since24h)
                .setParameter("since7d", since7d)
                .setParameter("since30d", since30d)
                .getSingleResult();
        return new Windows(number(row[0]), number(row[1]), number(row[2]), number(row[3]));
    }

    /** Counts of one local period, and of one group of it when the series is split. */
    public record PeriodCount(LocalDate periodStart, Optional<String> group, long count) {
    }

    /**
     * Contacts from {@code from} (inclusive) to {@code until} (exclusive), both whole hours, per
     * local period of the zone; only the periods holding contacts are returned.
     */
    public List<PeriodCount> countByPeriod(int generation, Instant from, Instant until, ZoneId zone,
                                           Granularity granularity, Optional<Purpose> purpose,
                                           Optional<Dimension> groupBy) {
        // The column name comes from the Dimension enum, never from the request text.
        String group = groupBy.map(Dimension::parameter).orElse("cast(null as text)");
        List<?> rows = em.createNativeQuery("""
                select to_char(date_trunc(:unit, hour_start at time zone :zone), 'YYYY-MM-DD'),
                       %s,
                       cast(sum(contacts) as bigint)
                from contact_count
                where generation = :generation and hour_start >= :from and hour_start < :until
                  and (:purpose = '' or purpose = :purpose)
                group by 1, 2""".formatted(group))
                .setParameter("generation", generation)
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

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
