package org.hotline.cases.service;

import java.util.Optional;
import java.util.UUID;

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

    private static final Logger LOG = Logger.getLogger(PersonalData.class);

    private final CaseRepository cases;
    private final CaseContactRepository contacts;
    private final IntakeClient intake;

    public PersonalData(CaseRepository cases, CaseContactRepository contacts, IntakeClient intake) {
        this.cases = cases;
        this.contacts = contacts;
        this.intake = intake;
    }

    /** @param reference a canonical reference, primary or alias */
    @Counted(value = "hotline.personal.data.reads", description = "Officers' reads of a man's personal data")
    public JsonNode of(String reference, UUID contactId, String officer, String reason) {
        SurrenderCase found = linkedCase(reference, contactId);
        // For intake to check, with the case and officer it was given for. Neither service keeps its
        // words: their audit logs record only that a reason was given, and its length.
        String accessReason = "case " + found.reference + ", officer " + officer + ": " + reason;
        Optional<JsonNode> data;
        try {
            data = intake.personalData(contactId, accessReason);
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

    private SurrenderCase linkedCase(String reference, UUID contactId) {
        SurrenderCase found = cases.findByReference(reference)
                .orElseThrow(() -> new CaseNotFound(reference));
        if (!contacts.isLinkedTo(contactId, found.id)) {
            throw new ContactNotLinked(contactId, found.reference);
        }
        return found;
    }
}
