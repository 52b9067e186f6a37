package org.hotline.cases.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hotline.cases.CareRecord;
import org.hotline.cases.CaseContact;
import org.hotline.cases.CaseTransition;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.repository.CareRepository;
import org.hotline.cases.repository.CaseContactRepository;
import org.hotline.cases.repository.CaseRepository;
import org.hotline.cases.repository.TransitionRepository;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Everything that happened to a case: its transitions, care records and linked contacts, with the
 * officers' texts opened (or marked erased, when the caller was erased).
 */
@ApplicationScoped
public class CaseHistory {

    /** The audit action of a read of a case's history. */
    public static final String ACTION = "case.history.read";

    private final CaseRepository cases;
    private final TransitionRepository transitions;
    private final CareRepository care;
    private final CaseContactRepository contacts;
    private final CaseTexts texts;
    private final NeedToKnow needToKnow;

    public CaseHistory(CaseRepository cases, TransitionRepository transitions, CareRepository care,
            CaseContactRepository contacts, CaseTexts texts, NeedToKnow needToKnow) {
        this.cases = cases;
        this.transitions = transitions;
        this.care = care;
        this.contacts = contacts;
        this.texts = texts;
        this.needToKnow = needToKnow;
    }

    /**
     * The history, if {@code reader} may read it ({@link NeedToKnow}); nothing is opened for one who
     * may not.
     *
     * @param reference a canonical reference, primary or alias
     * @throws NotYourCase    if the case is not his to read
     * @throws ReasonRequired if he is a supervisor without a reason
     */
    public Optional<Recorded> of(String reference, Reader reader) {
        return cases.findByReference(reference).map(found -> {
            NeedToKnow.Admission admission = needToKnow.admitRead(found, reader, ACTION);
            List<CaseTransition> moves = transitions.of(found.id);
            List<CareRecord> given = care.of(found.id);
            CaseTexts.Opener opener = texts.openerFor(found.id);
            return new Recorded(admission, found, moves, given, contacts.of(found.id),
                    moves.stream().collect(Collectors.toMap(t -> t.id, t -> opener.open(
                            CaseTexts.Field.TRANSITION_REASON, t.caseVersion, t.reasonSealed))),
                    given.stream().collect(Collectors.toMap(c -> c.id, c -> opener.open(
                            CaseTexts.Field.CARE_NOTE, c.caseVersion, c.noteSealed))));
        });
    }

    /**
     * @param admission how the reader was let in, for the audit entry of his read
     * @param reasons each transition's reason, by its id
     * @param notes   each care record's note, by its id
     */
    public record Recorded(NeedToKnow.Admission admission, SurrenderCase surrenderCase, List<CaseTransition> transitions, List<CareRecord> care,
            List<CaseContact> contacts, Map<Long, CaseTexts.Text> reasons, Map<Long, CaseTexts.Text> notes) {
    }
}
