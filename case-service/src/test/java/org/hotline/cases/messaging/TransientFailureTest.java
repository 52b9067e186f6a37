package org.hotline.cases.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.hotline.cases.service.UnusableContact;
import org.hotline.events.EventJson;
import org.junit.jupiter.api.Test;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

/** Which failures make a contact wait and try again, and which send it to the dead-letter topic. */
class TransientFailureTest {

    private final TransientFailure transientFailure = new TransientFailure();

    @Test
    void databaseDownDeadlockAndSerializationFailureAreRetried() {
        assertThat(transientFailure.test(wrapped(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(transientFailure.test(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(transientFailure.test(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(transientFailure.test(wrapped(new SQLException("could not serialize", "40001")))).isTrue();
        assertThat(transientFailure.test(wrapped(new SQLException("Acquisition timeout while waiting for new"
                + " connection")))).isTrue();
    }

    @Test
    void lostRaceIsRetried() {
        assertThat(transientFailure.test(new OptimisticLockException("row was updated"))).isTrue();
        assertThat(transientFailure.test(wrapped(new org.hibernate.exception.ConstraintViolationException(
                "duplicate key", new SQLException("duplicate key", "23505"), "surrender_case_one_open_per_caller"))))
                .isTrue();
    }

    @Test
    void unusableOrUnreadableContactIsNotRetried() {
        assertThat(transientFailure.test(new UnusableContact("no reference"))).isFalse();
        assertThat(transientFailure.test(catchUnreadable())).isFalse();
        assertThat(transientFailure.test(wrapped(new SQLException("value too long", "22001")))).isFalse();
    }

    private static RuntimeException wrapped(Exception cause) {
        return new PersistenceException("could not execute statement", cause);
    }

    private static RuntimeException catchUnreadable() {
        try {
            EventJson.read("{ not json");
            throw new IllegalStateException("read an unreadable event");
        } catch (EventJson.UnreadableEvent e) {
            return e;
        }
    }
}
