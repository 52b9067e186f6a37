package org.hotline.cases.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hotline.cases.CaseTransition;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TransitionRepository implements PanacheRepository<CaseTransition> {

    public List<CaseTransition> of(UUID caseId) {
        return list("caseId = ?1 order by occurredAt, caseVersion", caseId);
    }

    /** The case's latest change of state, by when it happened. */
    public Optional<CaseTransition> latestOf(UUID caseId) {
        return find("caseId = ?1 order by occurredAt desc, caseVersion desc", caseId).firstResultOptional();
    }
}
