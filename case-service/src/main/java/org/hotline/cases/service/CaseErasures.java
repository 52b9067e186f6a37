package org.hotline.cases.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline.cases.repository.CaseTextKeyRepository;
import org.hotline.events.CallerErased;
import org.hotline.inbox.ErasureApplier;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What case-service destroys when a caller is erased (the inbox's erasure ledger hands it every
 * {@link CallerErased}): the text keys of every case whose caller he is, so the officers' words
 * about him (transition and custody reasons, care notes) can never be read again. States, times,
 * counts and officers are no text and stay; so do the cases' pseudonymous caller keys, which no
 * store links to a phone number once intake has erased him. Open inquiries hold no text: a
 * relative's inquiry keeps only its pseudonym and times.
 */
@ApplicationScoped
public class CaseErasures implements ErasureApplier {

    private static final Logger LOG = Logger.getLogger(CaseErasures.class);

    private final CaseTextKeyRepository keys;
    private final Clock clock;

    public CaseErasures(CaseTextKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Idempotent: a case erased before keeps its erasure, nothing else changes. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<CallerErased> erasures) {
        Set<String> callers = erasures.stream().map(CallerErased::callerKey).collect(Collectors.toSet());
        int cases = keys.eraseCasesOf(callers, clock.instant());
        keys.forgetUnsealedTextOf(callers);
        // Counts only: a pseudonym in a log line would outlive the erasure in the log store.
        if (cases > 0) {
            LOG.infof("Erased the officers' text of %d cases (%d callers erased)", cases, callers.size());
        }
    }
}
