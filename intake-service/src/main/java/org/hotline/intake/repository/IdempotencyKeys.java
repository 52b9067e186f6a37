package org.hotline.intake.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotline.intake.config.IntakeConfig;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The answers given to {@code Idempotency-Key}s, kept for the configured retention
 * ({@code hotline.intake.idempotency.retention}) and purged after it on a schedule
 * ({@code hotline.intake.idempotency.purge-every}): a key's answer names a contact and a case.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    /** The answer once given to a key, and the keyed fingerprint of the request that got it. */
    public record StoredAnswer(String requestFingerprint, int status, String body, String location) {
    }

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final IntakeConfig config;
    private final Clock clock;

    public IdempotencyKeys(EntityManager entityManager, DataSource dataSource, IntakeConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** The answer given to this key within the retention, if any. */
    @Transactional
    public Optional<StoredAnswer> find(String key) {
        List<?> rows = entityManager.createNativeQuery("""
                select request_fingerprint, status, response_body, location from idempotency_key
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
                insert into idempotency_key (key, request_fingerprint, status, response_body, location, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (key) do nothing""")
                .setParameter(1, key)
                .setParameter(2, answer.requestFingerprint())
                .setParameter(3, answer.status())
                .setParameter(4, answer.body())
                .setParameter(5, answer.location())
                .setParameter(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    /** The answers given to any of these keys within the retention, by key: one statement for a whole import. */
    @Transactional
    public Map<String, StoredAnswer> findAll(Collection<String> keys) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select key, request_fingerprint, status, response_body, location from idempotency_key
                        where key = any(?) and created_at >= ?""")) {
            select.setArray(1, connection.createArrayOf("text", keys.toArray()));
            select.setObject(2, cutoff());
            Map<String, StoredAnswer> found = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new StoredAnswer(rows.getString(2), rows.getInt(3), rows.getString(4),
                            rows.getString(5)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency keys could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #remember}, for many keys at once (the lines of an import's chunk), in two statements.
     *
     * @return false if another request got to any of these keys first: the caller must roll back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rememberAll(Map<String, StoredAnswer> answers) {
        if (answers.isEmpty()) {
            return true;
        }
        List<String> keys = List.copyOf(answers.keySet());
        try (Connection connection = dataSource.getConnection()) {
            Array keyArray = connection.createArrayOf("text", keys.toArray());
            try (PreparedStatement expired = connection.prepareStatement(
                    "delete from idempotency_key where key = any(?) and created_at < ?")) {
                expired.setArray(1, keyArray);
                expired.setObject(2, cutoff());
                expired.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into idempotency_key (key, request_fingerprint, status, response_body, location, created_at)
                    select key, request_fingerprint, status, response_body, location, ?
                    from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[])
                        as a(key, request_fingerprint, status, response_body, location)
                    on conflict (key) do nothing""")) {
                insert.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.setArray(2, keyArray);
                insert.setArray(3, connection.createArrayOf("text",
                        keys.stream().map(key -> answers.get(key).requestFingerprint()).toArray()));
                insert.setArray(4, connection.createArrayOf("int4",
                        keys.stream().map(key -> answers.get(key).status()).toArray()));
                insert.setArray(5, connection.createArrayOf("text",
                        keys.stream().map(key -> answers.get(key).body()).toArray()));
                insert.setArray(6, connection.createArrayOf("text",
                        keys.stream().map(key -> answers.get(key).location()).toArray()));
                return insert.executeUpdate() == keys.size();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency keys could not be stored: " + e.getMessage(), e);
        }
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
