package org.hotline.cases;

import java.time.Instant;
import java.util.UUID;

import org.hotline.events.Purpose;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A contact linked to a case: only its id and purpose. Its personal data stays in intake, where an
 * officer may read it for this case with a reason.
 */
@Entity
@Table(name = "case_contact")
public class CaseContact {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "case_version", nullable = false)
    public long caseVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The officer who linked an open inquiry; null for a contact linked by its own reference. */
    @Column(name = "linked_by")
    public String linkedBy;

    public static CaseContact of(SurrenderCase linked, UUID contactId, Purpose purpose, Instant occurredAt,
            String linkedBy) {
        CaseContact contact = new CaseContact();
        contact.contactId = contactId;
        contact.caseId = linked.id;
        contact.caseVersion = linked.version;
        contact.purpose = purpose;
        contact.occurredAt = occurredAt;
        contact.linkedBy = linkedBy;
        return contact;
    }
}
