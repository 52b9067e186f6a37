package org.hotline.cases.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hotline.cases.IssuedReference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReferenceRepository implements PanacheRepositoryBase<IssuedReference, String> {

    /** Each case's references in the order they were issued: the primary one first. */
    public Map<UUID, List<String>> referencesOf(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return list("caseId in ?1 order by issuedAt, reference", caseIds).stream()
                .collect(Collectors.groupingBy(r -> r.caseId,
                        Collectors.mapping(r -> r.reference, Collectors.toList())));
    }
}
