package org.hotline.stats.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hotline.events.CareKind;
import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;
import org.hotline.stats.Granularity;
import org.hotline.stats.repository.ContactCounts.PeriodCount;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * When each case first entered each state, and first received each kind of care. The earliest
 * time wins, so the facts do not depend on the order events arrive in.
 */
@ApplicationScoped
public class CaseMilestones {

    private final EntityManager em;

    public CaseMilestones(EntityManager em) {
        this.em = em;
    }

    public void entered(int generation, UUID caseId, CaseState state, Instant at) {
        em.createNativeQuery("""
                insert into case_stage (generation, case_id, state, first_at) values (:generation, :caseId, :state, :at)
                on conflict (generation, case_id, state)
                do update set first_at = least(case_stage.first_at, excluded.first_at)""")
                .setParameter("generation", generation)
                .setParameter("caseId", caseId)
                .setParameter("state", state.name())
                .setParameter("at", at)
                .executeUpdate();
    }

    public void cared(int generation, UUID caseId, CareKind kind, Instant at) {
        em.createNativeQuery("""
                insert into case_care (generation, case_id, kind, first_at) values (:generation, :caseId, :kind, :at)
                on conflict (generation, case_id, kind)
                do update set first_at = least(case_care.first_at, excluded.first_at)""")
                .setParameter("generation", generation)
                .setParameter("caseId", caseId)
                .setParameter("kind", kind.name())
                .setParameter("at", at)
                .executeUpdate();
    }

    /** How many cases ever reached each state, every state present. */
    public Map<CaseState, Long> reachedByState(int generation) {
        Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            counts.put(state, 0L);
        }
        rows("select state, count(*) from case_stage where generation = :generation group by state", generation)
                .forEach(row -> counts.put(CaseState.valueOf((String) row[0]), ContactCounts.number(row[1])));
        return counts;
    }

    /** Cases that reached custody, by how they came into it. */
    public Map<CustodyMode, Long> custodyByMode(int generation) {
        Map<CustodyMode, Long> counts = new EnumMap<>(CustodyMode.class);
        for (CustodyMode mode : CustodyMode.values()) {
            counts.put(mode, 0L);
        }
        rows("""
                select s.custody_mode, count(*)
                from case_stage c join case_snapshot s on s.generation = c.generation and s.case_id = c.case_id
                where c.generation = :generation and c.state = 'IN_CUSTODY' and s.custody_mode is not null
                group by s.custody_mode""", generation)
                .forEach(row -> counts.put(CustodyMode.valueOf((String) row[0]), ContactCounts.number(row[1])));
        return counts;
    }

    /** The median, in seconds, from request to custody over the cases that went that way; and how many did. */
    public record RequestToCustody(Optional<Double> medianSeconds, long cases) {
    }

    public RequestToCustody requestToCustody(int generation) {
        Object[] row = rows("""
                select percentile_cont(0.5) within group (order by extract(epoch from c.first_at - r.first_at)),
                       count(*)
                from case_stage r join case_stage c on c.generation = r.generation and c.case_id = r.case_id
                where r.generation = :generation and r.state = 'REQUESTED' and c.state = 'IN_CUSTODY'""",
                generation).get(0);
        return new RequestToCustody(Optional.ofNullable((Number) row[0]).map(Number::doubleValue),
                ContactCounts.number(row[1]));
    }

    /**
     * Cases now in custody whose custody began before the cutoff of a kind of care and that have
     * not had that care yet.
     */
    public long overdue(int generation, CareKind kind, Instant custodyBefore) {
        return ContactCounts.number(em.createNativeQuery("""
                select count(*)
                from case_snapshot s join case_stage c on c.generation = s.generation and c.case_id = s.case_id
                where s.generation = :generation and s.state = 'IN_CUSTODY' and c.state = 'IN_CUSTODY'
                  and c.first_at < :custodyBefore
                  and not exists (select 1 from case_care k where k.generation = s.generation
                                  and k.case_id = s.case_id and k.kind = :kind)""")
                .setParameter("generation", generation)
                .setParameter("custodyBefore", custodyBefore)
                .setParameter("kind", kind.name())
                .getSingleResult());
    }

    /** One case in custody past one deadline: which care is missing, and since when he is in custody. */
    public record OverdueCare(String reference, Origin origin, CareKind missing, Instant custodyAt) {
    }

    /** The longest-overdue cases ({@code limit} at most), and how many there are in all. */
    public record OverdueList(List<OverdueCare> items, long total) {
    }

    /**
     * The cases now in custody past the deadline of each kind of care without it: a case whose
     * custody began before the kind's cutoff. Longest overdue first (cutoff minus custody time).
     */
    public OverdueList overdueCases(int generation, Map<CareKind, Instant> cutoffs, int limit) {
        StringBuilder deadlines = new StringBuilder();
        for (CareKind kind : cutoffs.keySet()) {
            deadlines.append(deadlines.isEmpty() ? "" : ", ")
                    .append("(cast('").append(kind.name()).append("' as text), cast(:").append(kind.name())
                    .append(" as timestamptz))");
        }
        var query = em.createNativeQuery("""
                select s.reference, coalesce(s.origin, 'UNKNOWN'), d.kind,
                       cast(floor(extract(epoch from c.first_at) * 1000) as bigint), count(*) over ()
                from case_snapshot s
                join case_stage c on c.generation = s.generation and c.case_id = s.case_id and c.state = 'IN_CUSTODY'
                join (values %s) d (kind, cutoff) on c.first_at < d.cutoff
                where s.generation = :generation and s.state = 'IN_CUSTODY'
                  and not exists (select 1 from case_care k where k.generation = s.generation
                                  and k.case_id = s.case_id and k.kind = d.kind)
                order by d.cutoff - c.first_at desc, s.case_id, d.kind
                limit :limit""".formatted(deadlines))
                .setParameter("generation", generation)
                .setParameter("limit", limit);
        cutoffs.forEach((kind, cutoff) -> query.setParameter(kind.name(), cutoff));
        List<Object[]> rows = ((List<?>) query.getResultList()).stream().map(Object[].class::cast).toList();
        List<OverdueCare> items = rows.stream()
                .map(row -> new OverdueCare((String) row[0], Origin.valueOf((String) row[1]),
                        CareKind.valueOf((String) row[2]), Instant.ofEpochMilli(ContactCounts.number(row[3]))))
                .toList();
        return new OverdueList(items, rows.isEmpty() ? 0 : ContactCounts.number(rows.get(0)[4]));
    }

    /**
     * Cases per local period: opened ({@code state} empty) or first entering a state, from
     * {@code from} (inclusive) to {@code until} (exclusive); grouped by origin when asked.
     */
    public List<PeriodCount> countByPeriod(int generation, Optional<CaseState> state, Instant from, Instant until,
                                           ZoneId zone, Granularity granularity, boolean byOrigin) {
        String time = state.isPresent() ? "c.first_at" : "s.opened_at";
        String source = state.isPresent()
                ? "case_stage c join case_snapshot s on s.generation = c.generation and s.case_id = c.case_id"
                  + " and c.state = :state"
                : "case_snapshot s";
        String group = byOrigin ? "coalesce(s.origin, 'UNKNOWN')" : "cast(null as text)";
        var query = em.createNativeQuery("""
                select to_char(date_trunc(:unit, %1$s at time zone :zone), 'YYYY-MM-DD'), %2$s, count(*)
                from %3$s
                where s.generation = :generation and %1$s >= :from and %1$s < :until
                group by 1, 2""".formatted(time, group, source))
                .setParameter("generation", generation)
                .setParameter("unit", granularity.parameter())
                .setParameter("zone", zone.getId())
                .setParameter("from", from)
                .setParameter("until", until);
        state.ifPresent(s -> query.setParameter("state", s.name()));
        List<?> rows = query.getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new PeriodCount(LocalDate.parse((String) row[0]), Optional.ofNullable((String) row[1]),
                        ContactCounts.number(row[2])))
                .toList();
    }

    private List<Object[]> rows(String sql, int generation) {
        List<?> rows = em.createNativeQuery(sql).setParameter("generation", generation).getResultList();
        return rows.stream().map(Object[].class::cast).toList();
    }
}
