package org.hotline.cases.repository;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hotline.cases.SurrenderCase;
import org.hotline.events.CaseState;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

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
