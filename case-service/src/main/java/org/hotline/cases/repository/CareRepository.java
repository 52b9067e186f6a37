package org.hotline.cases.repository;

import java.util.List;
import java.util.UUID;

import org.hotline.cases.CareRecord;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CareRepository implements PanacheRepository<CareRecord> {

    public List<CareRecord> of(UUID caseId) {
        return list("caseId = ?1 order by occurredAt, caseVersion", caseId);
    }
}
