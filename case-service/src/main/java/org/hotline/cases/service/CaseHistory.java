package org.hotline.cases.service;

import java.util.List;
import java.util.Optional;

import org.hotline.cases.CareRecord;
import org.hotline.cases.CaseContact;
import org.hotline.cases.CaseTransition;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.repository.CareRepository;
import org.hotline.cases.repository.CaseContactRepository;
import org.hotline.cases.repository.CaseRepository;
import org.hotline.cases.repository.TransitionRepository;

import jakarta.enterprise.context.ApplicationScoped;

/** Everything that happened to a case: its transitions, care records and linked contacts. */
@ApplicationScoped
public class CaseHistory {

    private final CaseRepository cases;
    private final TransitionRepository transitions;
    private final CareRepository care;
    private final CaseContactRepository contacts;

    public CaseHistory(CaseRepository cases, TransitionRepository transitions, CareRepository care,
            CaseContactRepository contacts) {
        this.cases = cases;
        this.transitions = transitions;
        this.care = care;
        this.contacts = contacts;
    }

    /** @param reference a canonical reference, primary or alias */
    public Optional<Recorded> of(String reference) {
        return cases.findByReference(reference)
                .map(found -> new Recorded(found, transitions.of(found.id), care.of(found.id), contacts.of(found.id)));
    }

    public record Recorded(SurrenderCase surrenderCase, List<CaseTransition> transitions, List<CareRecord> care,
            List<CaseContact> contacts) {
    }
}
