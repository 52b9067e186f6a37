package org.hotline.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.hotline.cases.CareRecord;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.config.CaseConfig;
import org.hotline.cases.repository.CareRepository;
import org.hotline.cases.repository.CaseRepository;
import org.hotline.events.CareKind;
import org.hotline.events.CaseCareRecorded;
import org.hotline.events.CaseState;
import org.hotline.audit.AuditLog;
import org.hotline.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Care given to a man in custody, as the Geneva Conventions require it. */
@ApplicationScoped
public class CustodyCare {

    private final LockedCases lockedCases;
    private final CaseRepository cases;
    private final CareRepository care;
    private final Outbox outbox;
    private final Clock clock;
    private final CaseConfig config;
    private final AuditLog auditLog;
    private final CaseTexts texts;

    public CustodyCare(LockedCases lockedCases, CaseRepository cases, CareRepository care, Outbox outbox,
            Clock clock, CaseConfig config, AuditLog auditLog, CaseTexts texts) {
        this.lockedCases = lockedCases;
        this.cases = cases;
        this.care = care;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.auditLog = auditLog;
        this.texts = texts;
    }

    /** Only while he is in custody, and not for a time before he came into it. */
    @Transactional
    public CareRecord record(String reference, Optional<Long> seenVersion, CareKind kind, Instant at, String note,
            String officer) {
        Instant now = clock.instant();
        if (at.isAfter(now.plus(config.clockTolerance()))) {
            throw new ImplausibleTime("must not be in the future");
        }
        SurrenderCase cared = lockedCases.take(reference, seenVersion);
        if (cared.state != CaseState.IN_CUSTODY) {
            throw new CareOutsideCustody(cared.reference, cared.state);
        }
        if (at.isBefore(cared.custodyAt)) {
            throw new CareBeforeCustody(cared.custodyAt);
        }
        cared.touch(now);
        // Flushing raises the @Version, which the care record and its event carry.
        cases.flush();
        CareRecord recorded = CareRecord.of(cared, kind, officer, at, now);
        recorded.noteSealed = texts.seal(cared.id, CaseTexts.Field.CARE_NOTE, recorded.caseVersion, note);
        care.persist(recorded);
        outbox.publish(new CaseCareRecorded(UUID.randomUUID(), cared.id, cared.reference, cared.version, at, kind));
        // The kind of care, not the note: free text may name people and places.
        auditLog.record(officer, "case.care", cared.reference, null, "ok: " + kind);
        return recorded;
    }
}
