package org.hotline.cases.messaging;

import java.sql.SQLException;
import java.util.function.Predicate;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import jakarta.persistence.OptimisticLockException;

/**
 * Failures that go away by themselves, so a contact must wait and be tried again, never be
 * dead-lettered or skipped:
 * <ul>
 * <li>a lost race: a concurrent request of the same caller or change of the same case committed
 * first (unique index, version check); the retry sees the winner's result;</li>
 * <li>the database unreachable or restarting (SQL state class 08, 57P01-57P03, 53), or a
 * deadlock or serialization failure (40P01, 40001).</li>
 * </ul>
 */
public class TransientFailure implements Predicate<Throwable> {

    private static final Logger LOG = Logger.getLogger(TransientFailure.class);

    @Override
    public boolean test(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException
                    || cause instanceof OptimisticLockException
                    || cause instanceof StaleStateException) {
                LOG.debugf("Contact lost a race (%s); trying again", cause.getClass().getSimpleName());
                return true;
            }
            if (cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof org.hibernate.exception.LockAcquisitionException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof SQLException sql && isTransient(sql)) {
                LOG.warnf("Database unavailable or contended (%s); the contact waits and is tried again",
                        cause.getClass().getSimpleName());
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // The pool could not hand out a connection in time (database down): Agroal says so without a state.
            return e.getMessage() != null && e.getMessage().contains("Acquisition timeout");
        }
        return state.startsWith("08") || state.startsWith("53") || state.equals("40001") || state.equals("40P01")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
