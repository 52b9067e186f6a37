package org.hotline.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * The service's audit log (table {@code audit_log}, see db/audit). Entries are only ever added:
 * the service's database role may not change or delete one, so neither may this class.
 *
 * <p>{@link #record} joins the caller's transaction when there is one, so a read, a transition or
 * an erasure commits together with its entry or not at all; without one it commits on its own.
 */
@ApplicationScoped
public class AuditLog {

    /** Entries name things, they do not describe them: anything longer is cut, not stored whole. */
    static final int MAX_FIELD = 200;

    /** The actor of a request that carried no valid token. */
    public static final String ANONYMOUS = "anonymous";

    private final EntityManager entityManager;

    public AuditLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Appends an entry.
     *
     * @param reason the reason the actor gave, where one is asked for, else null. Only the fact
     *               and its length are kept, never its words: they may name the man or his family,
     *               and an entry outlives his erasure, for this log is never rewritten.
     */
    @Transactional
    public void record(String actor, String action, String subject, String reason, String outcome) {
        entityManager.createNativeQuery("insert into audit_log (actor, action, subject, reason_length, outcome)"
                        + " values (?1, ?2, ?3, cast(?4 as integer), ?5)")
                .setParameter(1, cut(actor == null ? ANONYMOUS : actor))
                .setParameter(2, cut(action))
                .setParameter(3, cut(subject))
                .setParameter(4, reason == null ? null : reason.length())
                .setParameter(5, cut(outcome))
                .executeUpdate();
    }

    /**
     * Deletes the refusal rows older than {@code retention} (a day at least: the database function
     * keeps younger ones whatever it is asked) through the owner's {@code audit_prune_refusals}.
     *
     * @return the rows deleted
     */
    @Transactional
    public long pruneRefusals(Duration retention) {
        return ((Number) entityManager.createNativeQuery("select audit_prune_refusals(?1)")
                .setParameter(1, retention.toSeconds())
                .getSingleResult()).longValue();
    }

    /** Newest first. */
    @Transactional
    public List<AuditEntry> find(AuditFilter filter) {
        StringBuilder sql = new StringBuilder(
                "select id, recorded_at, actor, action, subject, reason_length, outcome from audit_log where true");
        List<Object> parameters = new ArrayList<>();
        filter.from().ifPresent(from -> {
            parameters.add(Timestamp.from(from));
            sql.append(" and recorded_at >= ?").append(parameters.size());
        });
        filter.to().ifPresent(to -> {
            parameters.add(Timestamp.from(to));
            sql.append(" and recorded_at < ?").append(parameters.size());
        });
        filter.actor().ifPresent(actor -> {
            parameters.add(actor);
            sql.append(" and actor = ?").append(parameters.size());
        });
        filter.subject().ifPresent(subject -> {
            parameters.add(subject);
            sql.append(" and subject = ?").append(parameters.size());
        });
        sql.append(" order by id desc limit ").append(filter.size()).append(" offset ")
                .append((long) filter.page() * filter.size());
        Query query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(AuditLog::entry).toList();
    }

    private static AuditEntry entry(Object[] row) {
        return new AuditEntry(((Number) row[0]).longValue(), instant(row[1]), (String) row[2], (String) row[3],
                (String) row[4], row[5] == null ? null : ((Number) row[5]).intValue(), (String) row[6]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_FIELD ? value : value.substring(0, MAX_FIELD);
    }
}
