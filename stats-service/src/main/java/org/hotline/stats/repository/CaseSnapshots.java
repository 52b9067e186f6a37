package org.hotline.stats.repository;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The latest state of each case, per generation. The state changes only with an event newer (by
 * case version) than the one it holds, so a stale or replayed event never rolls a case back; the
 * origin, custody mode and opening time are kept from whichever event tells them first. The result
 * is the same whatever order a case's events arrive in, so a replay agrees with the live store.
 */
@ApplicationScoped
public class CaseSnapshots {

    private final EntityManager em;

    public CaseSnapshots(EntityManager em) {
        this.em = em;
    }

    /** An event that tells the case's state: an opening or a transition. */
    public void applyState(int generation, UUID caseId, String reference, long version, Instant occurredAt,
                           CaseState state, Origin origin, CustodyMode mode, Instant openedAt) {
        em.createNativeQuery("""
                insert into case_snapshot (generation, case_id, reference, state, origin, custody_mode, opened_at,
                                           case_version, updated_at)
                values (:generation, :caseId, cast(:reference as text), :state, cast(:origin as text),
                        cast(:mode as text), cast(:openedAt as timestamptz), :version, :occurredAt)
                on conflict (generation, case_id) do update set
                    state = case when case_snapshot.case_version < excluded.case_version
                                 then excluded.state else case_snapshot.state end,
                    updated_at = case when case_snapshot.case_version < excluded.case_version
                                      then excluded.updated_at else case_snapshot.updated_at end,
                    case_version = greatest(case_snapshot.case_version, excluded.case_version),
                    reference = coalesce(case_snapshot.reference, excluded.reference),
                    origin = coalesce(case_snapshot.origin, excluded.origin),
                    custody_mode = coalesce(case_snapshot.custody_mode, excluded.custody_mode),
                    opened_at = least(case_snapshot.opened_at, excluded.opened_at)""")
                .setParameter("generation", generation)
                .setParameter("caseId", caseId)
                .setParameter("reference", reference)
                .setParameter("state", state.name())
                .setParameter("origin", nameOf(origin))
                .setParameter("mode", nameOf(mode))
                .setParameter("openedAt", openedAt)
                .setParameter("version", version)
                .setParameter("occurredAt", occurredAt)
                .executeUpdate();
    }

    /** An event that changes nothing counted (a linked contact, a care record) is a version all the same. */
    public void applyVersion(int generation, UUID caseId, long version, Instant occurredAt) {
        em.createNativeQuery("""
                update case_snapshot set case_version = :version, updated_at = :occurredAt
                where generation = :generation and case_id = :caseId and case_version < :version""")
                .setParameter("generation", generation)
                .setParameter("caseId", caseId)
                .setParameter("occurredAt", occurredAt)
                .setParameter("version", version)
                .executeUpdate();
    }

    /** Cases per state, every state present. */
    public Map<CaseState, Long> countByState(int generation) {
        Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            counts.put(state, 0L);
        }
        List<?> rows = em.createNativeQuery("""
                select state, count(*) from case_snapshot where generation = :generation group by state""")
                .setParameter("generation", generation)
                .getResultList();
        rows.stream().map(Object[].class::cast)
                .forEach(row -> counts.put(CaseState.valueOf((String) row[0]), ContactCounts.number(row[1])));
        return counts;
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
