package org.hotline.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A relative's inquiry that named no case, until an officer links it to one. */
@Entity
@Table(name = "open_inquiry")
public class OpenInquiry {

    /** The inquiry's id is its contact's id, so intake can show the inquiry to an officer. */
    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    /** Pseudonymous; kept so the relative's later inquiries can be told apart, never shown. */
    @Column(name = "caller_key")
    public String callerKey;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Null while the inquiry is open. */
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "linked_at")
    public Instant linkedAt;

    public static OpenInquiry of(UUID contactId, String callerKey, Instant receivedAt) {
        OpenInquiry inquiry = new OpenInquiry();
        inquiry.contactId = contactId;
        inquiry.callerKey = callerKey;
        inquiry.receivedAt = receivedAt;
        return inquiry;
    }

    public boolean isLinked() {
        return caseId != null;
    }
}
