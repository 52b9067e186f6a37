package org.hotline.cases.service;

import java.util.Optional;
import java.util.UUID;

import org.hotline.audit.AuditLog;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.client.IntakeClient;
import org.hotline.cases.repository.CaseContactRepository;
import org.hotline.cases.repository.CaseRepository;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.annotation.Counted;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fetches a man's personal data from intake for an officer working his case, and only for a
 * contact linked to that case. Nothing is kept: the answer goes straight back to the officer, and
 * intake audits the read (that a reason was given, not its words).
 */
@ApplicationScoped
public class PersonalData {

    /** The audit action of an officer's request for personal data (intake audits the read itself). */
    public static final String ACTION = "personal-data.request";

    private static final Logger LOG = Logger.getLogger(PersonalData.class);

    private final CaseRepository cases;
    private final CaseContactRepository contacts;
    private final IntakeClient intake;
    private final NeedToKnow needToKnow;
    private final AuditLog auditLog;

    public PersonalData(CaseRepository cases, CaseContactRepository contacts, IntakeClient intake,
            NeedToKnow needToKnow, AuditLog auditLog) {
        this.cases = cases;
        this.contacts = contacts;
        this.intake = intake;
        this.needToKnow = needToKnow;
        this.auditLog = auditLog;
    }

    /**
     * @param reference a canonical reference, primary or alias
     * @param reader    who asks, with his reason (always given here)
     * @throws NotYourCase if the case is not his to read ({@link NeedToKnow}): intake is not asked
     */
    @Counted(value = "hotline.personal.data.reads", description = "Officers' reads of a man's personal data")
    public JsonNode of(String reference, UUID contactId, Reader reader) {
        SurrenderCase found = linkedCase(reference, contactId, reader);
        NeedToKnow.Admission admission = needToKnow.admitRead(found, reader, ACTION, contactId.toString());
        String officer = reader.subject();
        String reason = reader.reason().orElseThrow();
        // The request is recorded here, the read itself by intake (with the same officer, from his token).
        auditLog.record(officer, ACTION, contactId.toString(), reason,
                "asked intake, case " + found.reference + ", " + admission.describe());
        // For intake to check, with the case and officer it was given for. Neither service keeps its
        // words: their audit logs record only that a reason was given, and its length.
        String accessReason = "case " + found.reference + ", officer " + officer + ": " + reason;
        Optional<JsonNode> data;
        try {
            data = intake.personalData(contactId, accessReason);
        } catch (IntakeClient.IntakeDenied e) {
            // intake judged need to know from what it knows of the case, and that may lag a moment
            // behind an assignment made here: the officer may try again shortly.
            throw new NotYourCase(found.reference);
        } catch (IntakeClient.IntakeRefused e) {
            LOG.error("intake-service refused a personal-data request case-service composed", e);
            throw new PersonalDataRefused();
        } catch (RuntimeException e) {
            // Timeout, connection refused, open circuit, 5xx: intake is unavailable, nothing the officer did.
            LOG.warnf("intake-service unavailable for a personal-data request of case %s: %s", found.reference,
                    e.getClass().getSimpleName());
            throw new IntakeUnavailable();
        }
        return data.orElseThrow(() -> new ContactUnknownToIntake(contactId));
    }

    /** A miss is audited too: a run of them is what probing for contacts looks like. */
    private SurrenderCase linkedCase(String reference, UUID contactId, Reader reader) {
        Optional<SurrenderCase> found = cases.findByReference(reference);
        if (found.isEmpty()) {
            missed(reader, contactId, "not-found: case " + reference);
            throw new CaseNotFound(reference);
        }
        if (!contacts.isLinkedTo(contactId, found.get().id)) {
            missed(reader, contactId, "not-linked: case " + found.get().reference);
            throw new ContactNotLinked(contactId, found.get().reference);
        }
        return found.get();
    }

    private void missed(Reader reader, UUID contactId, String outcome) {
        auditLog.record(reader.subject(), ACTION, contactId.toString(), reader.reason().orElse(null), outcome);
    }
}
