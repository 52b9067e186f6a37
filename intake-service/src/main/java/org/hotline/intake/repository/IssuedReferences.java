package org.hotline.intake.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The case references intake gave out itself: each surrender request it recorded holds one (the
 * partial unique index on {@code contact.case_reference} keeps them apart), so a later contact
 * naming one needs no word from case-service to be accepted.
 */
@ApplicationScoped
public class IssuedReferences {

    private final EntityManager entities;

    public IssuedReferences(EntityManager entities) {
        this.entities = entities;
    }

    /** Whether a surrender request recorded here was given this (normalized) reference. */
    public boolean isIssued(String reference) {
        return !among(List.of(reference)).isEmpty();
    }

    /**
     * Those of the (normalized) references that intake issued, in one statement: a bulk import
     * asks once per chunk instead of once per line.
     */
    public Set<String> among(Collection<String> references) {
        if (references.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> issued = entities.createNativeQuery("""
                select case_reference from contact
                where purpose = 'SURRENDER_REQUEST' and case_reference in (:references)""")
                .setParameter("references", Set.copyOf(references))
                .getResultList();
        return new HashSet<>(issued);
    }
}
