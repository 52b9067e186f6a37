package org.hotline.intake.repository;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hotline.intake.config.IntakeConfig;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The answers given to {@code Idempotency-Key}s, kept for the configured retention. */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    /** The answer once given to a key, and the hash of the request that got it. */
    public record StoredAnswer(String requestHash, int status, String body, String location) {
    }

    private final EntityManager entityManager;
    private final IntakeConfig config;
    private final Clock clock;

    public IdempotencyKeys(EntityManager entityManager, IntakeConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    /** The answer given to this key within the retention, if any. */
    @Transactional
    public Optional<StoredAnswer> find(String key) {
        List<?> rows = entityManager.createNativeQuery("""
                select request_hash, status, response_body, location from idempotency_key
                where key = ?1 and created_at >= ?2""")
                .setParameter(1, key)
                .setParameter(2, cutoff())
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new StoredAnswer((String) columns[0], ((Number) columns[1]).intValue(), (String) columns[2],
                    (String) columns[3]);
        });
    }

    /**
     * Stores the answer to a key in the caller's transaction, so it commits with what it
     * answers for. A concurrent request with the same key waits here on the primary key until
     * the first commits.
     *
     * @return false if another request with this key got there first: the caller must roll back
     *         and give that request's answer instead
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remember(String key, StoredAnswer answer) {
        // An expired answer no longer holds its key.
        entityManager.createNativeQuery("delete from idempotency_key where key = ?1 and created_at < ?2")
                .setParameter(1, key)
                .setParameter(2, cutoff())
                .executeUpdate();
        return entityManager.createNativeQuery("""
                insert into idempotency_key (key, request_hash, status, response_body, location, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (key) do nothing""")
                .setParameter(1, key)
                .setParameter(2, answer.requestHash())
                .setParameter(3, answer.status())
                .setParameter(4, answer.body())
                .setParameter(5, answer.location())
                .setParameter(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    @Scheduled(every = "{hotline.intake.idempotency.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        int purged = entityManager.createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, cutoff())
                .executeUpdate();
        if (purged > 0) {
            LOG.debugf("Purged %d expired idempotency keys", purged);
        }
    }

    private OffsetDateTime cutoff() {
        Instant cutoff = clock.instant().minus(config.idempotency().retention());
        return OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
    }
}
