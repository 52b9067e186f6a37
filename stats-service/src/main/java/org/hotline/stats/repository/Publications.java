package org.hotline.stats.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.stats.Dimension;
import org.hotline.stats.Granularity;
import org.hotline.stats.repository.ContactCounts.PeriodCount;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The public figures as published: one row per closed period with the summary as served, and the
 * exact counts per local day up to its end that public series are cut from (the latest
 * publication's only).
 */
@ApplicationScoped
public class Publications {

    /** The {@code event} of a case counted on the day it was opened. */
    public static final String OPENED = "OPENED";

    private final EntityManager em;

    public Publications(EntityManager em) {
        this.em = em;
    }

    /** One publication: its period (both days inclusive), when it was made, and the summary as served. */
    public record Publication(LocalDate periodStart, LocalDate periodEnd, Instant publishedAt, String summary) {
    }

    public Optional<Publication> latest() {
        List<?> rows = em.createNativeQuery("""
                select to_char(period_start, 'YYYY-MM-DD'), to_char(period_end, 'YYYY-MM-DD'),
                       cast(floor(extract(epoch from published_at) * 1000) as bigint), summary
                from public_publication order by period_start desc limit 1""").getResultList();
        return rows.stream().map(Object[].class::cast).findFirst()
                .map(row -> new Publication(LocalDate.parse((String) row[0]), LocalDate.parse((String) row[1]),
                        Instant.ofEpochMilli(ContactCounts.number(row[2])), (String) row[3]));
    }

    /**
     * Claims a period with a placeholder summary; false if it is published (or being published by
     * another instance, whose insert this one waits for, then yields to).
     */
    public boolean claim(LocalDate periodStart, LocalDate periodEnd, Instant publishedAt) {
        return em.createNativeQuery("""
                insert into public_publication (period_start, period_end, published_at, summary)
                values (:start, :end, :at, '') on conflict (period_start) do nothing""")
                .setParameter("start", periodStart)
                .setParameter("end", periodEnd)
                .setParameter("at", publishedAt)
                .executeUpdate() == 1;
    }

    /** Freezes the exact counts per local day of everything before {@code until}, for this publication. */
    public void freeze(LocalDate periodStart, int generation, Instant until, ZoneId zone) {
        em.createNativeQuery("""
                insert into public_contact_day (period_start, day, channel, origin, purpose, contacts)
                select :period, cast(hour_start at time zone :zone as date), channel, origin, purpose, sum(contacts)
                from contact_count where generation = :generation and hour_start < :until
                group by 2, 3, 4, 5""")
                .setParameter("period", periodStart)
                .setParameter("zone", zone.getId())
                .setParameter("generation", generation)
                .setParameter("until", until)
                .executeUpdate();
        em.createNativeQuery("""
                insert into public_case_day (period_start, day, event, origin, cases)
                select cast(:period as date), cast(s.opened_at at time zone :zone as date), cast(:opened as text),
                       coalesce(s.origin, 'UNKNOWN'),
                       count(*)
                from case_snapshot s where s.generation = :generation and s.opened_at < :until
                group by 2, 3, 4
                union all
                select cast(:period as date), cast(c.first_at at time zone :zone as date), c.state,
                       coalesce(s.origin, 'UNKNOWN'),
                       count(*)
                from case_stage c join case_snapshot s on s.generation = c.generation and s.case_id = c.case_id
                where c.generation = :generation and c.first_at < :until
                group by 2, 3, 4""")
                .setParameter("period", periodStart)
                .setParameter("zone", zone.getId())
                .setParameter("opened", OPENED)
                .setParameter("generation", generation)
                .setParameter("until", until)
                .executeUpdate();
    }

    public void complete(LocalDate periodStart, String summary) {
        em.createNativeQuery("update public_publication set summary = :summary where period_start = :start")
                .setParameter("summary", summary)
                .setParameter("start", periodStart)
                .executeUpdate();
    }

    /** Drops the frozen days of every publication before this one: only the latest is served. */
    public void forgetDaysBefore(LocalDate periodStart) {
        em.createNativeQuery("delete from public_contact_day where period_start < :start")
                .setParameter("start", periodStart).executeUpdate();
        em.createNativeQuery("delete from public_case_day where period_start < :start")
                .setParameter("start", periodStart).executeUpdate();
    }

    /** Contacts by origin from {@code from} to {@code to} (inclusive; all days if empty), of one purpose or all. */
    public Map<Origin, Long> contactsByOrigin(LocalDate periodStart, Optional<LocalDate> from, LocalDate to,
                                              Optional<Purpose> purpose) {
        Map<Origin, Long> counts = new EnumMap<>(Origin.class);
        for (Origin origin : Origin.values()) {
            counts.put(origin, 0L);
        }
        List<?> rows = em.createNativeQuery("""
                select origin, cast(sum(contacts) as bigint) from public_contact_day
                where period_start = :period and day >= :from and day <= :to
                  and (:purpose = '' or purpose = :purpose)
                group by origin""")
                .setParameter("period", periodStart)
                .setParameter("from", from.orElse(LocalDate.of(1, 1, 1)))
                .setParameter("to", to)
                .setParameter("purpose", purpose.map(Purpose::name).orElse(""))
                .getResultList();
        rows.stream().map(Object[].class::cast)
                .forEach(row -> counts.put(Origin.valueOf((String) row[0]), ContactCounts.number(row[1])));
        return counts;
    }

    /** How many cases had reached each state by the end of the published period. */
    public Map<CaseState, Long> reachedByState(LocalDate periodStart) {
        Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            counts.put(state, 0L);
        }
        List<?> rows = em.createNativeQuery("""
                select event, cast(sum(cases) as bigint) from public_case_day
                where period_start = :period and event <> :opened group by event""")
                .setParameter("period", periodStart)
                .setParameter("opened", OPENED)
                .getResultList();
        rows.stream().map(Object[].class::cast)
                .forEach(row -> counts.put(CaseState.valueOf((String) row[0]), ContactCounts.number(row[1])));
        return counts;
    }

    /**
     * Cases by the state they were in at {@code until}: the latest state each had entered before it
     * (a case only moves forward, so that is the state it was in).
     */
    public Map<CaseState, Long> stateAt(int generation, Instant until) {
        Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            counts.put(state, 0L);
        }
        List<?> rows = em.createNativeQuery("""
                select state, count(*) from (
                    select distinct on (case_id) state from case_stage
                    where generation = :generation and first_at < :until
                    order by case_id, first_at desc) latest
                group by state""")
                .setParameter("generation", generation)
                .setParameter("until", until)
                .getResultList();
        rows.stream().map(Object[].class::cast)
                .forEach(row -> counts.put(CaseState.valueOf((String) row[0]), ContactCounts.number(row[1])));
        return counts;
    }

    /** Cases that had come into custody before {@code until}, by how. */
    public Map<CustodyMode, Long> custodyByModeAt(int generation, Instant until) {
        Map<CustodyMode, Long> counts = new EnumMap<>(CustodyMode.class);
        for (CustodyMode mode : CustodyMode.values()) {
            counts.put(mode, 0L);
        }
        List<?> rows = em.createNativeQuery("""
                select s.custody_mode, count(*)
                from case_stage c join case_snapshot s on s.generation = c.generation and s.case_id = c.case_id
                where c.generation = :generation and c.state = 'IN_CUSTODY' and c.first_at < :until
                  and s.custody_mode is not null
                group by s.custody_mode""")
                .setParameter("generation", generation)
                .setParameter("until", until)
                .getResultList();
        rows.stream().map(Object[].class::cast)
                .forEach(row -> counts.put(CustodyMode.valueOf((String) row[0]), ContactCounts.number(row[1])));
        return counts;
    }

    /** Contacts of the publication's frozen days per period of a series, as {@link ContactCounts#countByPeriod}. */
    public List<PeriodCount> contactsByPeriod(LocalDate periodStart, LocalDate from, LocalDate to,
                                              Granularity granularity, Optional<Purpose> purpose,
                                              Optional<Dimension> groupBy) {
        // The column name comes from the Dimension enum, never from the request text.
        String group = groupBy.map(Dimension::parameter).orElse("cast(null as text)");
        return periodCounts(em.createNativeQuery("""
                select to_char(date_trunc(:unit, cast(day as timestamp)), 'YYYY-MM-DD'), %s, cast(sum(contacts) as bigint)
                from public_contact_day
                where period_start = :period and day >= :from and day <= :to and (:purpose = '' or purpose = :purpose)
                group by 1, 2""".formatted(group))
                .setParameter("unit", granularity.parameter())
                .setParameter("period", periodStart)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("purpose", purpose.map(Purpose::name).orElse(""))
                .getResultList());
    }

    /** Cases of the publication's frozen days per period: opened ({@code state} empty) or first entering a state. */
    public List<PeriodCount> casesByPeriod(LocalDate periodStart, Optional<CaseState> state, LocalDate from,
                                           LocalDate to, Granularity granularity, boolean byOrigin) {
        String group = byOrigin ? "origin" : "cast(null as text)";
        return periodCounts(em.createNativeQuery("""
                select to_char(date_trunc(:unit, cast(day as timestamp)), 'YYYY-MM-DD'), %s, cast(sum(cases) as bigint)
                from public_case_day
                where period_start = :period and event = :event and day >= :from and day <= :to
                group by 1, 2""".formatted(group))
                .setParameter("unit", granularity.parameter())
                .setParameter("period", periodStart)
                .setParameter("event", state.map(CaseState::name).orElse(OPENED))
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList());
    }

    private static List<PeriodCount> periodCounts(List<?> rows) {
        return rows.stream().map(Object[].class::cast)
                .map(row -> new PeriodCount(LocalDate.parse((String) row[0]), Optional.ofNullable((String) row[1]),
                        ContactCounts.number(row[2])))
                .toList();
    }
}
