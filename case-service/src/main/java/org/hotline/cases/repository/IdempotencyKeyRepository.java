package org.hotline.cases.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Which case each Idempotency-Key opened, and for which request, until the retention has passed. */
@ApplicationScoped
public class IdempotencyKeyRepository {

    /** What a key was used for: the fingerprint of the request (no free text in it), and the case it opened. */
    public record Claim(String requestHash, String caseReference) {
    }

    private final EntityManager entityManager;

    public IdempotencyKeyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The claim on this key made since {@code cutoff}, if any; an older one has expired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Claim> find(String key, Instant cutoff) {
        List<?> rows = entityManager.createNativeQuery("""
                select request_hash, case_reference from case_idempotency_key where key = ?1 and created_at >= ?2""")
                .setParameter(1, key)
                .setParameter(2, utc(cutoff))
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Claim((String) columns[0], (String) columns[1]);
        });
    }

    /**
     * Claims the key in the caller's transaction, so it commits with the case it names. A
     * concurrent request with the same key waits here on the primary key until the first commits.
     *
     * @return false if another request claimed the key first: the caller must roll back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String key, Claim claim, Instant now, Instant cutoff) {
        // An expired claim no longer holds its key.
        entityManager.createNativeQuery("delete from case_idempotency_key where key = ?1 and created_at < ?2")
                .setParameter(1, key)
                .setParameter(2, utc(cutoff))
                .executeUpdate();
        return entityManager.createNativeQuery("""
                insert into case_idempotency_key (key, request_hash, case_reference, created_at)
                values (?1, ?2, ?3, ?4) on conflict (key) do nothing""")
                .setParameter(1, key)
                .setParameter(2, claim.requestHash())
                .setParameter(3, claim.caseReference())
                .setParameter(4, utc(now))
                .executeUpdate() == 1;
    }

    /** Deletes the claims made before {@code cutoff}, which no longer hold their keys. */
    @Transactional
    public int purgeBefore(Instant cutoff) {
        return entityManager.createNativeQuery("delete from case_idempotency_key where created_at < ?1")
                .setParameter(1, utc(cutoff))
                .executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
