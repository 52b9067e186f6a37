package org.hotline.stats.service;

import java.time.Clock;

import org.hotline.events.CaseCareRecorded;
import org.hotline.events.CaseEvent;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.CaseTransitioned;
import org.hotline.stats.repository.CaseMilestones;
import org.hotline.stats.repository.CaseSnapshots;
import org.hotline.stats.repository.ProcessedEvents;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the facts of every case that the figures need: its latest state, when it first entered
 * each state, and when it first received each kind of care.
 */
@ApplicationScoped
public class CaseBoard {

    private final ProcessedEvents processedEvents;
    private final CaseSnapshots snapshots;
    private final CaseMilestones milestones;
    private final Clock clock;

    public CaseBoard(ProcessedEvents processedEvents, CaseSnapshots snapshots, CaseMilestones milestones,
                     Clock clock) {
        this.processedEvents = processedEvents;
        this.snapshots = snapshots;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** Throws IllegalArgumentException for an event that can never be applied, before anything is written. */
    static void check(CaseEvent event) {
        if (event.eventId() == null || event.caseId() == null || event.occurredAt() == null) {
            throw new IllegalArgumentException("case event lacks eventId, caseId or occurredAt");
        }
        if (event instanceof CaseTransitioned transitioned && transitioned.to() == null) {
            throw new IllegalArgumentException("case transition lacks its target state");
        }
        if (event instanceof CaseCareRecorded care && care.kind() == null) {
            throw new IllegalArgumentException("care record lacks its kind");
        }
    }

    /** Must run in a transaction; returns false if the event had been applied in this generation before. */
    boolean apply(int generation, CaseEvent event) {
        if (!processedEvents.recordFirstTime(generation, event.eventId(), clock.instant())) {
            return false;
        }
        if (event instanceof CaseOpened opened) {
            // A case officer opens a captured man's case directly in custody; otherwise it is a request.
            CaseState state = opened.state() == null ? CaseState.REQUESTED : opened.state();
            snapshots.applyState(generation, opened.caseId(), opened.reference(), opened.caseVersion(), opened.occurredAt(), state,
                    opened.origin(), opened.mode(), opened.occurredAt());
            milestones.entered(generation, opened.caseId(), state, opened.occurredAt());
        } else if (event instanceof CaseTransitioned transitioned) {
            snapshots.applyState(generation, transitioned.caseId(), transitioned.reference(),
                    transitioned.caseVersion(),
                    transitioned.occurredAt(), transitioned.to(), transitioned.origin(), transitioned.mode(), null);
            milestones.entered(generation, transitioned.caseId(), transitioned.to(), transitioned.occurredAt());
        } else if (event instanceof CaseCareRecorded care) {
            snapshots.applyVersion(generation, care.caseId(), care.caseVersion(), care.occurredAt());
            milestones.cared(generation, care.caseId(), care.kind(), care.occurredAt());
        } else {
            // A linked contact or inquiry changes nothing counted.
            snapshots.applyVersion(generation, event.caseId(), event.caseVersion(), event.occurredAt());
        }
        return true;
    }
}
