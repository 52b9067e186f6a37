package org.hotline.stats.repository;

import java.util.EnumMap;
import java.util.Map;

import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.CaseTransitioned;
import org.hotline.stats.CaseSnapshot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Case snapshots, each changed only by an event newer (by case version) than the one it holds:
 * a stale or replayed event can never roll a case back. Upserts keep that check atomic.
 */
@ApplicationScoped
public class CaseSnapshots {

    private final EntityManager em;

    public CaseSnapshots(EntityManager em) {
        this.em = em;
    }

    public void applyOpened(CaseOpened opened) {
        em.createNativeQuery("""
                insert into case_snapshot (case_id, state, origin, custody_mode, opened_at, case_version, updated_at)
                values (:caseId, :state, cast(:origin as text), cast(:mode as text), :occurredAt, :version, :occurredAt)
                on conflict (case_id) do update
                set state = excluded.state, origin = excluded.origin, custody_mode = excluded.custody_mode,
                    opened_at = excluded.opened_at, case_version = excluded.case_version,
                    updated_at = excluded.updated_at
                where case_snapshot.case_version < excluded.case_version""")
                .setParameter("caseId", opened.caseId())
                .setParameter("state", (opened.state() == null ? CaseState.REQUESTED : opened.state()).name())
                .setParameter("origin", nameOf(opened.origin()))
                .setParameter("mode", nameOf(opened.mode()))
                .setParameter("occurredAt", opened.occurredAt())
                .setParameter("version", opened.caseVersion())
                .executeUpdate();
    }

    /** A transition seen before its case's opening (a partial replay) still gives the case its state. */
    public void applyTransitioned(CaseTransitioned transitioned) {
        em.createNativeQuery("""
                insert into case_snapshot (case_id, state, origin, custody_mode, opened_at, case_version, updated_at)
                values (:caseId, :state, cast(:origin as text), cast(:mode as text), null, :version, :occurredAt)
                on conflict (case_id) do update
                set state = excluded.state,
                    origin = coalesce(excluded.origin, case_snapshot.origin),
                    custody_mode = coalesce(excluded.custody_mode, case_snapshot.custody_mode),
                    case_version = excluded.case_version, updated_at = excluded.updated_at
                where case_snapshot.case_version < excluded.case_version""")
                .setParameter("caseId", transitioned.caseId())
                .setParameter("state", transitioned.to().name())
                .setParameter("origin", nameOf(transitioned.origin()))
                .setParameter("mode", nameOf(transitioned.mode()))
                .setParameter("occurredAt", transitioned.occurredAt())
                .setParameter("version", transitioned.caseVersion())
                .executeUpdate();
    }

    /** A linked contact changes nothing counted, but it is a version of the case all the same. */
    public void applyContactLinked(CaseContactLinked linked) {
        em.createNativeQuery("""
                update case_snapshot set case_version = :version, updated_at = :occurredAt
                where case_id = :caseId and case_version < :version""")
                .setParameter("caseId", linked.caseId())
                .setParameter("occurredAt", linked.occurredAt())
                .setParameter("version", linked.caseVersion())
                .executeUpdate();
    }

    /** Cases per state, every state present. */
    public Map<CaseState, Long> countByState() {
        Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            counts.put(state, 0L);
        }
        em.createQuery("select s.state, count(s) from CaseSnapshot s group by s.state", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((CaseState) row[0], (Long) row[1]));
        return counts;
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
