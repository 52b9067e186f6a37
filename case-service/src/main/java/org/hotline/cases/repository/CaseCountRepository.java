package org.hotline.cases.repository;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.CareKind;
import org.hotline.events.CaseState;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Whole-table counts for the metrics: small tables (thousands of cases), answered by an index or a short scan. */
@ApplicationScoped
public class CaseCountRepository {

    private final EntityManager em;

    public CaseCountRepository(EntityManager em) {
        this.em = em;
    }

    /** Every state, zero included. */
    public Map<CaseState, Long> casesByState() {
        return byState("select state, count(*) from surrender_case group by state");
    }

    /** Changes of state recorded, by the state entered; every state, zero included. */
    public Map<CaseState, Long> transitionsByTarget() {
        return byState("select to_state, count(*) from case_transition group by to_state");
    }

    /** Cases in custody since before {@code custodyBefore} that have no care record of this kind. */
    public long inCustodyWithout(CareKind kind, Instant custodyBefore) {
        return ((Number) em.createNativeQuery("""
                select count(*) from surrender_case c
                 where c.state = 'IN_CUSTODY' and c.custody_at < :custodyBefore
                   and not exists (select 1 from care_record r where r.case_id = c.id and r.kind = :kind)""")
                .setParameter("custodyBefore", custodyBefore)
                .setParameter("kind", kind.name())
                .getSingleResult()).longValue();
    }

    private Map<CaseState, Long> byState(String sql) {
        Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            counts.put(state, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        for (Object[] row : rows) {
            counts.put(CaseState.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
