package org.hotline.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reference a caller was given for a case: the case's primary one, or an alias from a later
 * request of the same caller. Any of them leads to the case.
 */
@Entity
@Table(name = "case_reference")
public class IssuedReference {

    @Id
    public String reference;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    public static IssuedReference of(String reference, UUID caseId, Instant issuedAt) {
        IssuedReference issued = new IssuedReference();
        issued.reference = reference;
        issued.caseId = caseId;
        issued.issuedAt = issuedAt;
        return issued;
    }
}
