package org.hotline.stats;

import java.time.Instant;
import java.util.UUID;

import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The latest known state of one case, as told by the newest case event seen (by case version).
 * It carries no caller key: counting cases needs none.
 */
@Entity
@Table(name = "case_snapshot")
public class CaseSnapshot {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseState state;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Enumerated(EnumType.STRING)
    @Column(name = "custody_mode")
    public CustodyMode custodyMode;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "case_version", nullable = false)
    public long caseVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
