package org.hotline.intake.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotline.events.CaseAssigned;
import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseEvent;
import org.hotline.events.CaseInquiryLinked;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseTransitioned;
import org.hotline.inbox.TransientFailure;
import org.hotline.intake.repository.CaseAssignees;
import org.hotline.intake.repository.KnownCases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Learns from case events when each caller's cases close, so that retention can erase his
 * personal data, and who works each case and which contacts it has, so that only they read those
 * contacts (need to know): only case ids, contact ids, caller keys, states, times, officers' token
 * subjects and team names come across, nothing personal about a caller.
 * A batch of events is applied in one transaction, each event once (its id is recorded in the
 * same transaction as its effect); the order within the batch does not matter, as every effect is
 * a set insert or a state that only a newer case version replaces. A passing failure is retried
 * without limit, each try in a fresh transaction: a database outage holds the batch back but never
 * dead-letters it.
 */
@ApplicationScoped
public class CaseClosures {

    private final KnownCases cases;
    private final CaseAssignees assignees;
    private final Clock clock;

    public CaseClosures(KnownCases cases, CaseAssignees assignees, Clock clock) {
        this.cases = cases;
        this.assignees = assignees;
        this.clock = clock;
    }

    @Retry(maxRetries = -1, maxDuration = 0, delay = 100, jitter = 50)
    @ExponentialBackoff(factor = 2, maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailure.class)
    public void applyAll(List<CaseEvent> events) {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<UUID> firstTime = cases.recordFirstTime(events.stream().map(CaseEvent::eventId).toList(),
                    clock.instant());
            List<KnownCases.Link> links = new ArrayList<>();
            List<KnownCases.Link> assignedContacts = new ArrayList<>();
            for (CaseEvent event : events) {
                // Removing the id applies an event repeated within the batch once.
                if (firstTime.remove(event.eventId())) {
                    applyOnce(event, links, assignedContacts);
                }
            }
            // Contacts linked to cases are most case events: one statement for all of them.
            cases.concernCallersOf(links);
            assignedContacts.addAll(links);
            assignees.linked(assignedContacts);
        });
    }

    private void applyOnce(CaseEvent event, List<KnownCases.Link> links, List<KnownCases.Link> assignedContacts) {
        if (event instanceof CaseOpened opened) {
            cases.stateOf(opened.caseId(), opened.caseVersion(),
                    opened.state() != null && opened.state().isFinal() ? opened.occurredAt() : null);
            if (opened.callerKey() != null) {
                cases.concerns(opened.caseId(), opened.callerKey());
            }
        } else if (event instanceof CaseTransitioned moved) {
            cases.stateOf(moved.caseId(), moved.caseVersion(), moved.to().isFinal() ? moved.occurredAt() : null);
        } else if (event instanceof CaseContactLinked linked) {
            links.add(new KnownCases.Link(linked.caseId(), linked.contactId()));
        } else if (event instanceof CaseInquiryLinked linked) {
            links.add(new KnownCases.Link(linked.caseId(), linked.contactId()));
        } else if (event instanceof CaseAssigned assigned) {
            // Who may read the case's contacts (need to know); the callers it concerns are known already.
            assignees.assigned(assigned.caseId(), assigned.caseVersion(), assigned.officer(), assigned.team());
            assigned.contactIds().forEach(contact -> assignedContacts.add(new KnownCases.Link(assigned.caseId(),
                    contact)));
        }
        // Care records change nothing about who a case concerns, who works it or whether it is closed.
    }
}
