package org.hotline.inbox;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hotline.problem.DatabaseUnavailable;
import org.jboss.logging.Logger;

import io.smallrye.config.SmallRyeConfig;
import jakarta.persistence.OptimisticLockException;

/**
 * Failures that go away by themselves, so a record must wait and be tried again, never be
 * dead-lettered or skipped:
 * <ul>
 * <li>a lost race: a concurrent writer committed first on a version check or on one of the
 * unique constraints named in {@code hotline.inbox.race-constraints}; the retry sees the winner's
 * result;</li>
 * <li>the database unreachable or restarting (SQL state class 08, 57P01-57P03, 53), or a
 * deadlock or serialization failure (40P01, 40001).</li>
 * </ul>
 * The whole cause chain is read before deciding: a commit that failed is transient only when
 * nothing beneath it (an integrity violation, another error the database reported) says otherwise.
 * Once the service is stopping nothing is transient any more: the record is left unacknowledged
 * for the next start instead of holding up the stop. SmallRye Fault Tolerance creates this
 * predicate itself, outside CDI, so it reads its configuration directly.
 */
public class TransientFailure implements Predicate<Throwable> {

    private static final Logger LOG = Logger.getLogger(TransientFailure.class);

    private final Set<String> raceConstraints;

    public TransientFailure() {
        this(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(InboxConfig.class)
                .raceConstraints().orElse(Set.of()));
    }

    public TransientFailure(Set<String> raceConstraints) {
        this.raceConstraints = raceConstraints;
    }

    @Override
    public boolean test(Throwable failure) {
        if (GracefulStop.began()) {
            return false;
        }
        Throwable failedCommit = null;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            Verdict verdict = verdictOf(cause);
            if (verdict != Verdict.UNDECIDED) {
                return verdict == Verdict.TRANSIENT;
            }
            if (failedCommit == null && isFailedCommit(cause)) {
                failedCommit = cause;
            }
        }
        if (failedCommit != null) {
            // The commit failed and nothing beneath says why (the database went away mid-commit, the
            // transaction timed out): whether it took effect or not, trying again is safe, since an
            // applied event is recognised and skipped.
            LOG.warnf("The commit failed (%s); the record waits and is tried again",
                    failedCommit.getClass().getSimpleName());
            return true;
        }
        return false;
    }

    /** What one cause says: it passes, it would repeat on every try, or nothing (look further down). */
    private enum Verdict {
        TRANSIENT, PERMANENT, UNDECIDED
    }

    /**
     * A failed commit is undecided by itself: Hibernate flushes at commit, so an integrity
     * violation surfaces there as well as mid-transaction, and must be dead-lettered either way
     * rather than retried for ever.
     */
    private Verdict verdictOf(Throwable cause) {
        if (cause instanceof ConstraintViolationException violation) {
            boolean race = isLostRace(violation);
            if (race) {
                LOG.debugf("Lost a race on %s; trying again", violation.getConstraintName());
            }
            return race ? Verdict.TRANSIENT : Verdict.PERMANENT;
        }
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
            LOG.debugf("Lost a race (%s); trying again", cause.getClass().getSimpleName());
            return Verdict.TRANSIENT;
        }
        if (cause instanceof org.hibernate.exception.JDBCConnectionException
                || cause instanceof org.hibernate.exception.LockAcquisitionException
                || cause instanceof jakarta.persistence.PessimisticLockException
                || cause instanceof jakarta.persistence.LockTimeoutException
                || cause instanceof SQLException sql && isTransient(sql)) {
            LOG.warnf("Database unavailable or contended (%s); the record waits and is tried again",
                    cause.getClass().getSimpleName());
            return Verdict.TRANSIENT;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            // The database refused this work for a reason of its own (bad data, an integrity rule): again next time.
            return Verdict.PERMANENT;
        }
        return Verdict.UNDECIDED;
    }

    private static boolean isFailedCommit(Throwable cause) {
        return cause instanceof jakarta.transaction.RollbackException
                || cause instanceof jakarta.transaction.HeuristicMixedException
                || cause instanceof jakarta.transaction.HeuristicRollbackException;
    }

    private boolean isLostRace(ConstraintViolationException violation) {
        // 23505 is unique_violation: a not-null, check or foreign-key violation repeats on every try.
        String state = violation.getSQLState();
        return "23505".equals(state) && violation.getConstraintName() != null
                && raceConstraints.contains(violation.getConstraintName());
    }

    private static boolean isTransient(SQLException e) {
        // Unreachable, or a deadlock or serialization failure that the next try does not meet.
        return DatabaseUnavailable.is(e) || "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }
}
