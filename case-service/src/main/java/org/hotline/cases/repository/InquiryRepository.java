package org.hotline.cases.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hotline.cases.OpenInquiry;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class InquiryRepository implements PanacheRepositoryBase<OpenInquiry, UUID> {

    /** Oldest first: the relative who has waited longest comes first. */
    public List<OpenInquiry> open(int limit) {
        return find("caseId is null order by receivedAt, contactId").page(0, limit).list();
    }

    public long countOpen() {
        return count("caseId is null");
    }

    /** Locked, so two officers linking one inquiry at once cannot both succeed. */
    public Optional<OpenInquiry> findForChange(UUID contactId) {
        return findByIdOptional(contactId, LockModeType.PESSIMISTIC_WRITE);
    }
}
