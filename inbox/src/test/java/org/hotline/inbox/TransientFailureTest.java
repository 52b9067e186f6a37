package org.hotline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Set;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

/** Which failures make a record wait and try again, and which send it to the dead-letter topic. */
class TransientFailureTest {

    private final TransientFailure transientFailure = new TransientFailure(Set.of("surrender_case_one_open_per_caller"));

    @Test
    void databaseDownDeadlockAndSerializationFailureAreRetried() {
        assertThat(transientFailure.test(wrapped(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(transientFailure.test(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(transientFailure.test(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(transientFailure.test(wrapped(new SQLException("could not serialize", "40001")))).isTrue();
        assertThat(transientFailure.test(wrapped(new SQLException("Acquisition timeout while waiting for new"
                + " connection")))).isTrue();
        assertThat(transientFailure.test(wrapped(new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void aCommitThatFailedWithNothingBeneathToSayWhyIsRetried() {
        assertThat(transientFailure.test(failedCommit(null))).isTrue();
    }

    @Test
    void aCommitThatFailedBecauseTheDatabaseWentAwayIsRetried() {
        assertThat(transientFailure.test(failedCommit(new SQLException("An I/O error occurred", "08006")))).isTrue();
        assertThat(transientFailure.test(failedCommit(new JDBCConnectionException("connection lost",
                new SQLException("terminating connection", "57P01"))))).isTrue();
    }

    @Test
    void aCommitThatFailedOnALostRaceIsRetried() {
        assertThat(transientFailure.test(failedCommit(wrapped(violation("23505", "surrender_case_one_open_per_caller")))))
                .isTrue();
    }

    @Test
    void aCommitThatFailedOnAViolationThatWouldRepeatIsNotRetried() {
        // Hibernate flushes at commit: the same violation surfaces there as well as mid-transaction.
        assertThat(transientFailure.test(failedCommit(wrapped(violation("23505", "surrender_case_reference_key")))))
                .isFalse();
        assertThat(transientFailure.test(failedCommit(wrapped(violation("23502", "surrender_case_one_open_per_caller")))))
                .isFalse();
        assertThat(transientFailure.test(failedCommit(wrapped(violation("23503", "case_contact_case_id_fkey")))))
                .isFalse();
        assertThat(transientFailure.test(failedCommit(wrapped(new SQLException("value too long", "22001"))))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsIsReadToItsEnd() {
        Exception first = new RuntimeException("first");
        Exception second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(transientFailure.test(first)).isFalse();
    }

    @Test
    void lostRaceOnAKnownUniqueIndexIsRetried() {
        assertThat(transientFailure.test(new OptimisticLockException("row was updated"))).isTrue();
        assertThat(transientFailure.test(wrapped(violation("23505", "surrender_case_one_open_per_caller")))).isTrue();
    }

    @Test
    void violationThatWouldRepeatOnEveryTryIsNotRetried() {
        assertThat(transientFailure.test(wrapped(violation("23505", "surrender_case_reference_key")))).isFalse();
        assertThat(transientFailure.test(wrapped(violation("23502", "surrender_case_one_open_per_caller")))).isFalse();
        assertThat(transientFailure.test(wrapped(violation("23503", "case_contact_case_id_fkey")))).isFalse();
        assertThat(transientFailure.test(wrapped(violation("23514", "custody_mode_check")))).isFalse();
    }

    @Test
    void invalidOrUnreadableRecordIsNotRetried() {
        assertThat(transientFailure.test(new IllegalArgumentException("no reference"))).isFalse();
        assertThat(transientFailure.test(wrapped(new SQLException("value too long", "22001")))).isFalse();
        assertThat(transientFailure.test(new IllegalStateException("EntityManagerFactory is closed"))).isFalse();
    }

    private static ConstraintViolationException violation(String state, String constraint) {
        return new ConstraintViolationException("violation", new SQLException("violation", state), constraint);
    }

    private static RuntimeException wrapped(Exception cause) {
        return new PersistenceException("could not execute statement", cause);
    }

    /** As the consumer sees a failed commit: the checked RollbackException wrapped by the interceptor. */
    private static RuntimeException failedCommit(Exception cause) {
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        rollback.initCause(cause);
        return new RuntimeException("Error invoking subclass method", rollback);
    }
}
