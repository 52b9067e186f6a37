package org.hotline.cases.repository;

import java.util.List;
import java.util.UUID;

import org.hotline.cases.UnsettledContact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UnsettledContactRepository implements PanacheRepositoryBase<UnsettledContact, UUID> {

    public List<UnsettledContact> waitingFor(String reference) {
        return list("caseReference = ?1 order by occurredAt, contactId", reference);
    }

    public List<UnsettledContact> oldestFirst(int limit) {
        return find("order by occurredAt, contactId").page(0, limit).list();
    }
}
