package org.hotline.cases;

import java.time.Instant;
import java.util.UUID;

import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change of a case's state: who made it, when it happened, and why. The why is the officer's
 * own words, sealed under the case's text key ({@code CaseTexts}) and erased with the caller.
 */
@Entity
@Table(name = "case_transition")
public class CaseTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "case_version", nullable = false)
    public long caseVersion;

    /** Null when an officer opened the case directly in this state. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public CaseState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public CaseState toState;

    @Enumerated(EnumType.STRING)
    @Column(name = "custody_mode")
    public CustodyMode custodyMode;

    /** The reason, sealed ({@code CaseTexts.Field.TRANSITION_REASON}); null when none was given or it was not kept. */
    @Column(name = "reason_sealed")
    public byte[] reasonSealed;

    @Column(nullable = false)
    public String officer;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static CaseTransition of(SurrenderCase moved, CaseState from, String officer,
            Instant occurredAt, Instant recordedAt) {
        CaseTransition transition = new CaseTransition();
        transition.caseId = moved.id;
        transition.caseVersion = moved.version;
        transition.fromState = from;
        transition.toState = moved.state;
        transition.custodyMode = moved.state == CaseState.IN_CUSTODY ? moved.custodyMode : null;
        transition.officer = officer;
        transition.occurredAt = occurredAt;
        transition.recordedAt = recordedAt;
        return transition;
    }
}
