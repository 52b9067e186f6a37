package org.hotline.cases.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hotline.cases.CaseContact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaseContactRepository implements PanacheRepositoryBase<CaseContact, UUID> {

    public List<CaseContact> of(UUID caseId) {
        return list("caseId = ?1 order by occurredAt, caseVersion", caseId);
    }

    /** Those of the contacts that are linked to a case, in one query. */
    public Set<UUID> linkedAmong(Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select c.contactId from CaseContact c where c.contactId in :ids", UUID.class)
                .setParameter("ids", contactIds)
                .getResultList());
    }

    public boolean isLinked(UUID contactId) {
        return count("contactId", contactId) > 0;
    }

    public boolean isLinkedTo(UUID contactId, UUID caseId) {
        return count("contactId = ?1 and caseId = ?2", contactId, caseId) > 0;
    }
}
