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
 * Care given to a man in custody. The note is the officer's own words; it stays in this service
 * and is never logged or published.
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

    public String note;

    @Column(nullable = false)
    public String officer;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static CareRecord of(SurrenderCase cared, CareKind kind, String note, String officer, Instant occurredAt,
            Instant recordedAt) {
        CareRecord record = new CareRecord();
        record.caseId = cared.id;
        record.caseVersion = cared.version;
        record.kind = kind;
        record.note = note;
        record.officer = officer;
        record.occurredAt = occurredAt;
        record.recordedAt = recordedAt;
        return record;
    }
}
