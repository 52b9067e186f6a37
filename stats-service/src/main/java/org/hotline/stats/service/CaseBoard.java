package org.hotline.stats.service;

import org.hotline.events.CaseCareRecorded;
import org.hotline.events.CaseEvent;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.CaseTransitioned;
import org.hotline.inbox.UnusableEvent;
import org.hotline.stats.repository.CaseMilestones;
import org.hotline.stats.repository.CaseSnapshots;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the facts of every case that the figures need: its latest state, when it first entered
 * each state, and when it first received each kind of care.
 */
@ApplicationScoped
public class CaseBoard {

    private final CaseSnapshots snapshots;
    private final CaseMilestones milestones;

    public CaseBoard(CaseSnapshots snapshots, CaseMilestones milestones) {
        this.snapshots = snapshots;
        this.milestones = milestones;
    }

    /** Throws {@link UnusableEvent} for an event that can never be applied, before anything is written. */
    static void check(CaseEvent event) {
        if (event.eventId() == null || event.caseId() == null || event.occurredAt() == null) {
            throw new UnusableEvent("case event lacks eventId, caseId or occurredAt");
        }
        if (event instanceof CaseTransitioned transitioned && transitioned.to() == null) {
            throw new UnusableEvent("case transition lacks its target state");
        }
        if (event instanceof CaseCareRecorded care && care.kind() == null) {
            throw new UnusableEvent("care record lacks its kind");
        }
    }

    /** Applies an event the generation never applied; must run in a transaction. */
    void apply(int generation, CaseEvent event) {
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
    }
}
