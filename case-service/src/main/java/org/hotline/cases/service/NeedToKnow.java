package org.hotline.cases.service;

import java.util.Optional;

import org.hotline.audit.AuditLog;
import org.hotline.cases.SurrenderCase;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may read a case's history, its free text and its personal data: a case officer it is
 * assigned to, or one of the team it is assigned to; any other case only a supervisor, and then
 * only with a reason. Working a case in a way that opens a door to its personal data (linking an
 * inquiry to it) follows the same rule, except that a supervisor needs no reason to do it.
 *
 * <p>A refusal is audited here, in a transaction of its own, so that it stays in the log although
 * the request then fails; an admission is audited by the caller with the read it admits, and says
 * how it was admitted ({@link Admission#describe()}).
 */
@ApplicationScoped
public class NeedToKnow {

    private final AuditLog auditLog;

    public NeedToKnow(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** How a reader was let in. */
    public enum Admission {
        /** The case is assigned to him. */
        ASSIGNED,
        /** The case is assigned to his team. */
        TEAM,
        /** A supervisor, with his reason where one is needed. */
        SUPERVISOR;

        /** As audit outcomes say it: {@code ok: assigned}. */
        public String describe() {
            return "ok: " + name().toLowerCase();
        }
    }

    /**
     * For a read of the case's history, free text or personal data.
     *
     * @param action the audit action of the read, under which a refusal is recorded too
     * @throws NotYourCase     if he is neither assigned (himself or his team) nor a supervisor
     * @throws ReasonRequired  if he is a supervisor the case is not assigned to, and gave no reason
     */
    public Admission admitRead(SurrenderCase surrenderCase, Reader reader, String action) {
        return admit(surrenderCase, reader, action, surrenderCase.reference, true);
    }

    /**
     * As {@link #admitRead(SurrenderCase, Reader, String)}, for a read of something of the case's
     * (a contact's personal data) whose audit entries name it, not the case.
     */
    public Admission admitRead(SurrenderCase surrenderCase, Reader reader, String action, String auditSubject) {
        return admit(surrenderCase, reader, action, auditSubject, true);
    }

    /** For a change that lets its maker read more of the case (an inquiry linked to it). */
    public Admission admitWork(SurrenderCase surrenderCase, Reader reader, String action) {
        return admit(surrenderCase, reader, action, surrenderCase.reference, false);
    }

    private Admission admit(SurrenderCase surrenderCase, Reader reader, String action, String auditSubject,
            boolean reasonNeeded) {
        if (reader.caseOfficer() && surrenderCase.isAssignedTo(reader.subject(), Optional.empty())) {
            return Admission.ASSIGNED;
        }
        if (reader.caseOfficer() && surrenderCase.isAssignedTo(null, reader.team())) {
            return Admission.TEAM;
        }
        if (reader.supervisor() && (!reasonNeeded || reader.reason().isPresent())) {
            return Admission.SUPERVISOR;
        }
        boolean supervisorWithoutReason = reader.supervisor();
        String outcome = supervisorWithoutReason ? "refused: no reason" : "refused: not assigned";
        refused(reader, action, auditSubject, auditSubject.equals(surrenderCase.reference) ? outcome
                : outcome + ", case " + surrenderCase.reference);
        if (supervisorWithoutReason) {
            throw new ReasonRequired(surrenderCase.reference);
        }
        throw new NotYourCase(surrenderCase.reference);
    }

    private void refused(Reader reader, String action, String subject, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> auditLog.record(reader.subject(), action, subject,
                reader.reason().orElse(null), outcome));
    }
}
