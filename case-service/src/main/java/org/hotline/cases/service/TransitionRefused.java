package org.hotline.cases.service;

import java.util.Set;

import org.hotline.events.CaseState;

/** The state machine does not allow this move; the answer names the moves it does allow. */
public class TransitionRefused extends RuntimeException {

    private final transient String reference;
    private final CaseState from;
    private final CaseState to;
    private final transient Set<CaseState> allowedNext;

    public TransitionRefused(String reference, CaseState from, CaseState to, Set<CaseState> allowedNext) {
        super("Case " + reference + " cannot move from " + from + " to " + to + ".", null, false, false);
        this.reference = reference;
        this.from = from;
        this.to = to;
        this.allowedNext = allowedNext;
    }

    public String reference() {
        return reference;
    }

    public CaseState from() {
        return from;
    }

    public CaseState to() {
        return to;
    }

    public Set<CaseState> allowedNext() {
        return allowedNext;
    }
}
