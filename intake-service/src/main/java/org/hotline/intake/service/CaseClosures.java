package org.hotline.intake.service;

import java.util.ArrayList;
import java.util.List;

import org.hotline.events.CaseAssigned;
import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseEvent;
import org.hotline.events.CaseInquiryLinked;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseTransitioned;
import org.hotline.intake.repository.CaseAssignees;
import org.hotline.intake.repository.KnownCases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Learns from case events when each caller's cases close, so that retention can erase his
 * personal data, and who works each case and which contacts it has, so that only they read those
 * contacts (need to know): only case ids, contact ids, caller keys, states, times, officers' token
 * subjects and team names come across, nothing personal about a caller.
 * The events come from the inbox's transaction, each never applied before; the order within a
 * batch does not matter, as every effect is a set insert or a state that only a newer case version
 * replaces.
 */
@ApplicationScoped
public class CaseClosures {

    private final KnownCases cases;
    private final CaseAssignees assignees;

    public CaseClosures(KnownCases cases, CaseAssignees assignees) {
        this.cases = cases;
        this.assignees = assignees;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<CaseEvent> firstTime) {
        List<KnownCases.Link> links = new ArrayList<>();
        List<KnownCases.Link> assignedContacts = new ArrayList<>();
        for (CaseEvent event : firstTime) {
            applyOnce(event, links, assignedContacts);
        }
        // Contacts linked to cases are most case events: one statement for all of them.
        cases.concernCallersOf(links);
        assignedContacts.addAll(links);
        assignees.linked(assignedContacts);
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
