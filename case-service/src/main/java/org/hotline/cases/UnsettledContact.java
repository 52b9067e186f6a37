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
 * A follow-up or inquiry that names a reference no case has yet: typically one intake accepted
 * unverified while this service was down. It waits here, visible to officers, and is linked when a
 * case with that reference is opened.
 */
@Entity
@Table(name = "unsettled_contact")
public class UnsettledContact {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "case_reference", nullable = false)
    public String caseReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    /** True when intake could not check the reference when it took the contact. */
    @Column(nullable = false)
    public boolean unverified;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static UnsettledContact of(UUID contactId, String caseReference, Purpose purpose, boolean unverified,
            Instant occurredAt, Instant receivedAt) {
        UnsettledContact contact = new UnsettledContact();
        contact.contactId = contactId;
        contact.caseReference = caseReference;
        contact.purpose = purpose;
        contact.unverified = unverified;
        contact.occurredAt = occurredAt;
        contact.receivedAt = receivedAt;
        return contact;
    }
}
