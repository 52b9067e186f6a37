package org.hotline.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.hotline.cases.config.CaseConfig;
import org.hotline.cases.repository.IdempotencyKeyRepository;
import org.hotline.cases.repository.IdempotencyKeyRepository.Claim;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens a custody case once per Idempotency-Key: a retried request (same key, same request) gets
 * the case the first one opened; the same key on a different request is refused. The key is
 * claimed in the transaction that opens the case, so a request that loses a race to a concurrent
 * one with its key rolls back and answers with the winner's case. Claims are purged once past
 * the retention ({@code hotline.cases.idempotency-purge-every}).
 */
@ApplicationScoped
public class CaseOpenings {

    /** The case a request leads to, and whether an earlier request with its key opened it. */
    public record Opening(String caseReference, boolean earlier) {
    }

    /** Thrown inside the transaction when a concurrent request with the same key committed first. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    private final CaseTransitions transitions;
    private final IdempotencyKeyRepository keys;
    private final CaseConfig config;
    private final Clock clock;

    public CaseOpenings(CaseTransitions transitions, IdempotencyKeyRepository keys, CaseConfig config, Clock clock) {
        this.transitions = transitions;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public Opening openInCustody(String key, String requestHash, CustodyMode mode, Origin origin,
            Optional<Instant> at, String reason, String officer) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> openOnce(key, requestHash, mode, origin, at, reason,
                    officer));
        } catch (KeyTaken e) {
            return QuarkusTransaction.requiringNew().call(() -> earlier(key, requestHash)
                    .orElseThrow(() -> new IllegalStateException("Idempotency-Key taken but not found: " + key)));
        }
    }

    private Opening openOnce(String key, String requestHash, CustodyMode mode, Origin origin, Optional<Instant> at,
            String reason, String officer) {
        Optional<Opening> earlier = earlier(key, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String reference = transitions.openInCustody(mode, origin, at, reason, officer).reference;
        Instant now = clock.instant();
        if (!keys.claim(key, new Claim(requestHash, reference), now, cutoff(now))) {
            throw new KeyTaken();
        }
        return new Opening(reference, false);
    }

    private Optional<Opening> earlier(String key, String requestHash) {
        return keys.find(key, cutoff(clock.instant())).map(claim -> {
            if (!claim.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReused();
            }
            return new Opening(claim.caseReference(), true);
        });
    }

    /**
     * Deletes the claims past the retention: an expired one no longer counts, and a key with the
     * case it opened is nothing to keep longer than its promise.
     */
    @Scheduled(every = "{hotline.cases.idempotency-purge-every}", concurrentExecution = ConcurrentExecution.SKIP)
    public void purgeExpired() {
        keys.purgeBefore(cutoff(clock.instant()));
    }

    private Instant cutoff(Instant now) {
        return now.minus(config.idempotencyRetention());
    }
}
