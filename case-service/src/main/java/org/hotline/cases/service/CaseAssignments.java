package org.hotline.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.hotline.audit.AuditLog;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.repository.CaseContactRepository;
import org.hotline.cases.repository.CaseRepository;
import org.hotline.events.CaseAssigned;
import org.hotline.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Supervisors hand cases to officers and teams (need to know, {@link NeedToKnow}). An assignment
 * is a change of the case: it raises its version and publishes {@link CaseAssigned} with it,
 * carrying every contact linked so far, so intake applies the same rule to them.
 */
@ApplicationScoped
public class CaseAssignments {

    private final LockedCases lockedCases;
    private final CaseRepository cases;
    private final CaseContactRepository contacts;
    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog auditLog;

    public CaseAssignments(LockedCases lockedCases, CaseRepository cases, CaseContactRepository contacts,
            Outbox outbox, Clock clock, AuditLog auditLog) {
        this.lockedCases = lockedCases;
        this.cases = cases;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /**
     * Assigns the case to {@code officer} and/or {@code team} (one at least; the other null), in place
     * of whoever worked it before. Assigning it to whoever works it already changes nothing and
     * publishes nothing (a retried request is harmless); either way the request is audited.
     *
     * @param reference   a canonical reference, primary or alias
     * @param seenVersion the version the supervisor saw ({@code If-Match}); empty: the case as it is now
     * @param assignedBy  the supervisor's (or admin's) token subject
     */
    @Transactional
    public SurrenderCase assign(String reference, Optional<Long> seenVersion, String officer, String team,
            String assignedBy) {
        SurrenderCase assigned = lockedCases.take(reference, seenVersion);
        Instant now = clock.instant();
        String who = "officer " + (officer == null ? "none" : officer) + ", team " + (team == null ? "none" : team);
        if (!assigned.assignTo(officer, team, now)) {
            auditLog.record(assignedBy, "case.assign", assigned.reference, null, "unchanged: " + who);
            return assigned;
        }
        // Flushing raises the @Version, which the event carries.
        cases.flush();
        outbox.publish(new CaseAssigned(UUID.randomUUID(), assigned.id, assigned.reference, assigned.version, now,
                officer, team, contacts.of(assigned.id).stream().map(linked -> linked.contactId).toList()));
        auditLog.record(assignedBy, "case.assign", assigned.reference, null, "ok: " + who);
        return assigned;
    }
}
