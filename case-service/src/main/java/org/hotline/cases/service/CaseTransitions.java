package org.hotline.cases.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.hotline.cases.CaseLifecycle;
import org.hotline.cases.CaseTransition;
import org.hotline.cases.IssuedReference;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.config.CaseConfig;
import org.hotline.cases.repository.CaseRepository;
import org.hotline.cases.repository.ReferenceRepository;
import org.hotline.cases.repository.TransitionRepository;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseReference;
import org.hotline.events.CaseState;
import org.hotline.events.CaseTransitioned;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;
import org.hotline.audit.AuditLog;
import org.hotline.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Case officers' moves of a case through its states, and cases they open for men captured without a call. */
@ApplicationScoped
public class CaseTransitions {

    /**
     * The war began on 20 February 2014: men were captured before the hotline existed, but no
     * custody of this war is older.
     */
    static final Instant EARLIEST_CUSTODY = Instant.parse("2014-02-20T00:00:00Z");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int REFERENCE_ATTEMPTS = 10;

    private final LockedCases lockedCases;
    private final CaseRepository cases;
    private final ReferenceRepository references;
    private final TransitionRepository transitions;
    private final Outbox outbox;
    private final Clock clock;
    private final CaseConfig config;
    private final AuditLog auditLog;
    private final CaseTexts texts;

    public CaseTransitions(LockedCases lockedCases, CaseRepository cases, ReferenceRepository references,
            TransitionRepository transitions, Outbox outbox, Clock clock, CaseConfig config, AuditLog auditLog,
            CaseTexts texts) {
        this.lockedCases = lockedCases;
        this.cases = cases;
        this.references = references;
        this.transitions = transitions;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.auditLog = auditLog;
        this.texts = texts;
    }

    /**
     * @param mode set exactly when {@code to} is {@code IN_CUSTODY} (the request checks it)
     * @param at   when it happened; empty means now
     */
    @Transactional
    public SurrenderCase move(String reference, Optional<Long> seenVersion, CaseState to, CustodyMode mode,
            String reason, Optional<Instant> at, String officer) {
        Instant now = clock.instant();
        Instant happened = notInFuture(at, now);
        SurrenderCase moved = lockedCases.take(reference, seenVersion);
        CaseState from = moved.state;
        if (!CaseLifecycle.allows(from, to)) {
            throw new TransitionRefused(moved.reference, from, to, CaseLifecycle.allowedNext(from));
        }
        Instant previous = transitions.latestOf(moved.id).map(t -> t.occurredAt).orElse(moved.openedAt);
        if (happened.isBefore(previous)) {
            throw new MoveBeforeLastChange(previous);
        }
        moved.moveTo(to, mode, happened, now);
        // Flushing raises the @Version, which the transition and its event carry.
        cases.flush();
        transitions.persist(transition(moved, from, reason, officer, happened, now));
        outbox.publish(new CaseTransitioned(UUID.randomUUID(), moved.id, moved.reference, moved.version, happened,
                from, to, moved.state == CaseState.IN_CUSTODY ? mode : null, moved.origin));
        // In the same transaction: no move without its entry. The officer's free-text reason stays in
        // the case's own history, where it is kept from readers without the role.
        auditLog.record(officer, "case.transition", moved.reference, null, "ok: " + from + " -> " + to);
        return moved;
    }

    /** A man in custody who never called: his case starts in {@code IN_CUSTODY}, with no caller key. */
    @Transactional
    public SurrenderCase openInCustody(CustodyMode mode, Origin origin, Optional<Instant> at, String reason,
            String officer) {
        Instant now = clock.instant();
        Instant happened = notInFuture(at, now);
        if (happened.isBefore(EARLIEST_CUSTODY)) {
            throw new ImplausibleTime("must not be before the war began, " + EARLIEST_CUSTODY);
        }
        SurrenderCase opened = SurrenderCase.inCustody(freshReference(), mode, origin, happened, now);
        cases.persist(opened);
        references.persist(IssuedReference.of(opened.reference, opened.id, happened));
        transitions.persist(transition(opened, null, reason, officer, happened, now));
        outbox.publish(new CaseOpened(UUID.randomUUID(), opened.id, opened.reference, opened.version, happened, null,
                opened.origin, opened.state, opened.custodyMode));
        auditLog.record(officer, "case.open", opened.reference, null, "ok: " + opened.state);
        return opened;
    }

    private CaseTransition transition(SurrenderCase changed, CaseState from, String reason, String officer,
            Instant happened, Instant now) {
        CaseTransition transition = CaseTransition.of(changed, from, officer, happened, now);
        transition.reasonSealed = texts.seal(changed.id, CaseTexts.Field.TRANSITION_REASON, transition.caseVersion,
                reason);
        return transition;
    }

    private Instant notInFuture(Optional<Instant> at, Instant now) {
        Instant happened = at.orElse(now);
        if (happened.isAfter(now.plus(config.clockTolerance()))) {
            throw new ImplausibleTime("must not be in the future");
        }
        return happened;
    }

    /**
     * Drawn from case-service's half of the reference space, so it can never clash with one
     * intake gave a caller; a reference already in use here is simply drawn again.
     */
    private String freshReference() {
        for (int attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
            String candidate = CaseReference.generate(RANDOM, CaseReference.Issuer.CASE_SERVICE);
            if (references.findByIdOptional(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free case reference after " + REFERENCE_ATTEMPTS + " draws");
    }
}
