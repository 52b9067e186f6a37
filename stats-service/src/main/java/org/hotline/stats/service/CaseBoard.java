package org.hotline.stats.service;

import java.time.Clock;

import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseEvent;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseTransitioned;
import org.hotline.stats.repository.CaseSnapshots;
import org.hotline.stats.repository.ProcessedEvents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps every case's latest state, from which cases are counted by state. */
@ApplicationScoped
public class CaseBoard {

    private final ProcessedEvents processedEvents;
    private final CaseSnapshots snapshots;
    private final Clock clock;

    public CaseBoard(ProcessedEvents processedEvents, CaseSnapshots snapshots, Clock clock) {
        this.processedEvents = processedEvents;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** Returns false if the event had been applied before. */
    @Transactional
    public boolean apply(CaseEvent event) {
        if (event.eventId() == null || event.caseId() == null || event.occurredAt() == null) {
            throw new IllegalArgumentException("case event lacks eventId, caseId or occurredAt");
        }
        if (!processedEvents.recordFirstTime(event.eventId(), clock.instant())) {
            return false;
        }
        if (event instanceof CaseOpened opened) {
            snapshots.applyOpened(opened);
        } else if (event instanceof CaseTransitioned transitioned) {
            if (transitioned.to() == null) {
                throw new IllegalArgumentException("case transition lacks its target state");
            }
            snapshots.applyTransitioned(transitioned);
        } else if (event instanceof CaseContactLinked linked) {
            snapshots.applyContactLinked(linked);
        }
        return true;
    }
}
