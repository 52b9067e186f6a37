package org.hotline.cases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.hotline.events.CaseState;

/**
 * Which state a case may move to next. A man may come into custody from any state before it, not
 * only after an arranged surrender: he may cross the line before the arrangement is complete, or
 * be captured while his request is still being checked. Custody is the point of no return: a man
 * in custody cannot withdraw or be lost, he can only be exchanged, released or transferred.
 */
public final class CaseLifecycle {

    private static final Set<CaseState> GIVING_UP = EnumSet.of(CaseState.WITHDRAWN, CaseState.LOST_CONTACT);

    private static final Map<CaseState, Set<CaseState>> NEXT = Map.of(
            CaseState.REQUESTED, with(GIVING_UP, CaseState.VERIFIED, CaseState.IN_CUSTODY),
            CaseState.VERIFIED, with(GIVING_UP, CaseState.SURRENDER_ARRANGED, CaseState.IN_CUSTODY),
            CaseState.SURRENDER_ARRANGED, with(GIVING_UP, CaseState.IN_CUSTODY),
            CaseState.IN_CUSTODY, EnumSet.of(CaseState.EXCHANGED, CaseState.RELEASED, CaseState.TRANSFERRED));

    private CaseLifecycle() {
    }

    /** The states a case in {@code from} may move to, in declaration order; empty for a final state. */
    public static Set<CaseState> allowedNext(CaseState from) {
        return NEXT.getOrDefault(from, EnumSet.noneOf(CaseState.class));
    }

    public static boolean allows(CaseState from, CaseState to) {
        return allowedNext(from).contains(to);
    }

    private static Set<CaseState> with(Set<CaseState> base, CaseState... more) {
        EnumSet<CaseState> all = EnumSet.copyOf(base);
        all.addAll(Set.of(more));
        return all;
    }
}
