package org.hotline.cases;

import java.time.Instant;
import java.util.UUID;

import org.hotline.events.CareKind;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Care given to a man in custody. The note is the officer's own words; it stays in this service,
 * sealed under the case's text key ({@code CaseTexts}), is never logged or published, and is erased
 * with the caller.
 */
@Entity
@Table(name = "care_record")
public class CareRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "case_version", nullable = false)
    public long caseVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CareKind kind;

    /** The note, sealed ({@code CaseTexts.Field.CARE_NOTE}); null when none was given or it was not kept. */
    @Column(name = "note_sealed")
    public byte[] noteSealed;

    @Column(nullable = false)
    public String officer;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static CareRecord of(SurrenderCase cared, CareKind kind, String officer, Instant occurredAt,
            Instant recordedAt) {
        CareRecord record = new CareRecord();
        record.caseId = cared.id;
        record.caseVersion = cared.version;
        record.kind = kind;
        record.officer = officer;
        record.occurredAt = occurredAt;
        record.recordedAt = recordedAt;
        return record;
    }
}
