package org.hotline.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hotline.events.CallerRole;
import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * One recorded contact, with the caller's personal data. This table is the only place that
 * data exists, and only sealed ({@link #sealedPersonalData}); everything leaving the service
 * carries the {@link #callerKey} instead. The personal fields below are not columns: they hold
 * the data in clear while a contact is being stored or read, and are never persisted.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    public UUID id;

    @Column(name = "caller_key", nullable = false)
    public String callerKey;

    /** Personal data: the phone number or messenger handle, as typed. */
    @Transient
    public String callerIdentifier;

    @Enumerated(EnumType.STRING)
    @Column(name = "caller_role", nullable = false)
    public CallerRole callerRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;

    /** When the hotline received the contact (event time). */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** When intake stored it; differs from {@link #receivedAt} for forms sent late. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Normalized; issued here for a surrender request, named by the caller for a follow-up. */
    @Column(name = "case_reference")
    public String caseReference;

    /**
     * The named reference could not be checked with case-service when the contact came in; the
     * event says so, and case-service settles it.
     */
    @Column(name = "reference_unverified", nullable = false)
    public boolean referenceUnverified;

    @Transient
    public String fullName;

    @Transient
    public LocalDate birthDate;

    @Transient
    public String unit;

    @Transient
    public String location;

    @Transient
    public String notes;

    /** The identifier and details above, sealed with the caller's data key (see PersonalDataVault). */
    @Column(name = "sealed_personal_data")
    public byte[] sealedPersonalData;

    /** Set on a read when the caller's personal data was erased: the fields above stay empty. */
    @Transient
    public boolean personalDataErased;
}
