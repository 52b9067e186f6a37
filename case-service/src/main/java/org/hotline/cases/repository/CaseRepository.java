package org.hotline.cases.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hotline.cases.SurrenderCase;
import org.hotline.events.CareKind;
import org.hotline.events.CaseState;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<SurrenderCase, UUID> {

    private static final List<CaseState> OPEN_STATES = EnumSet.allOf(CaseState.class).stream()
            .filter(state -> !state.isFinal())
            .toList();

    /** The case any of its references (primary or alias) leads to. */
    public Optional<SurrenderCase> findByReference(String reference) {
        return find("id = (select r.caseId from IssuedReference r where r.reference = ?1)", reference)
                .firstResultOptional();
    }

    /** The cases these references lead to, by reference, in one query; a reference leading nowhere is left out. */
    public Map<String, SurrenderCase> findByReferences(Collection<String> references) {
        Map<String, SurrenderCase> found = new HashMap<>();
        if (references.isEmpty()) {
            return found;
        }
        getEntityManager().createQuery("select r.reference, c from IssuedReference r, SurrenderCase c"
                        + " where c.id = r.caseId and r.reference in :references", Object[].class)
                .setParameter("references", references)
                .getResultList()
                .forEach(row -> found.put((String) row[0], (SurrenderCase) row[1]));
        return found;
    }

    /**
     * The case a reference leads to, locked until the transaction ends: an officer's change is
     * judged against the state it will really change, and a second officer waits, then sees it.
     */
    public Optional<SurrenderCase> findByReferenceForChange(String reference) {
        return find("id = (select r.caseId from IssuedReference r where r.reference = ?1)", reference)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Cases in custody since before {@code custodySince} without a care record of that kind. */
    public List<SurrenderCase> inCustodyWithout(CareKind kind, Instant custodySince, int limit) {
        return find("from SurrenderCase c where c.state = ?1 and c.custodyAt < ?2 and not exists"
                + " (select 1 from CareRecord r where r.caseId = c.id and r.kind = ?3) order by c.custodyAt, c.id",
                CaseState.IN_CUSTODY, custodySince, kind)
                .page(0, limit)
                .list();
    }

    /** The caller's case that is not closed yet; the unique index allows at most one. */
    public Optional<SurrenderCase> findOpenOf(String callerKey) {
        return find("callerKey = ?1 and state in ?2", callerKey, OPEN_STATES).firstResultOptional();
    }

    /** Newest first; the id breaks ties so pages never overlap. */
    public PanacheQuery<SurrenderCase> listNewestFirst(Optional<CaseState> state) {
        Sort newestFirst = Sort.descending("openedAt").and("id");
        return state.map(s -> find("state", newestFirst, s)).orElseGet(() -> findAll(newestFirst));
    }
}
