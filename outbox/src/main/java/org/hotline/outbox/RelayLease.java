package org.hotline.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The right to relay: a session-level advisory lock, held by one connection that this instance's
 * relay keeps for as long as it leads. One instance relays at a time, so a caller's events cannot
 * overtake each other across instances. Taken once, not once per batch: the lock query ran on
 * every pass before, and a pass under load carries only a few events.
 *
 * <p>Failover: the lock lives exactly as long as the connection's server session. An instance
 * that dies or is killed closes its socket and PostgreSQL ends the session; one that vanishes
 * from the network is found out by the TCP keepalives set below. Either way the lock is freed and
 * another instance takes it at its next attempt (every poll interval). A connection that fails is
 * dropped, never given back to the pool with the lock still held.
 *
 * <p>Used by the relay's thread only.
 */
final class RelayLease {

    private static final Logger LOG = Logger.getLogger(RelayLease.class);

    /** A session that stops answering is ended after about 10 + 3 × 5 s, freeing the lock for another instance. */
    private static final String KEEPALIVES = "set tcp_keepalives_idle = 10; set tcp_keepalives_interval = 5;"
            + " set tcp_keepalives_count = 3";

    private final DataSource dataSource;
    private final long lockId;
    private final long retryNanos;
    private Connection leading;
    private long nextAttempt = System.nanoTime();

    RelayLease(DataSource dataSource, long lockId, long retryNanos) {
        this.dataSource = dataSource;
        this.lockId = lockId;
        this.retryNanos = retryNanos;
    }

    /**
     * The connection that holds the lock, taking it if it is free; null while another instance
     * leads. A follower asks the database at most once per retry interval, however often it is
     * woken by its own commits: the leader polls, and finds their events anyway.
     */
    Connection connection() throws SQLException {
        if (leading != null) {
            return leading;
        }
        if (System.nanoTime() - nextAttempt < 0) {
            return null;
        }
        nextAttempt = System.nanoTime() + retryNanos;
        Connection candidate = dataSource.getConnection();
        try {
            candidate.setAutoCommit(true);
            if (tryLock(candidate)) {
                try (Statement settings = candidate.createStatement()) {
                    settings.execute(KEEPALIVES);
                }
                leading = candidate;
                LOG.infof("This instance relays the outbox now (advisory lock %d)", lockId);
                return leading;
            }
        } catch (SQLException | RuntimeException e) {
            giveBack(candidate);
            throw e;
        }
        candidate.close(); // never held the lock: safe back in the pool
        return null;
    }

    /** The connection failed: the lock is given up with it, and taken again at the next attempt. */
    void lost() {
        release();
        nextAttempt = System.nanoTime();
    }

    /** Stops leading (shut-down, or a failed connection): another instance can take over at once. */
    void release() {
        if (leading != null) {
            giveBack(leading);
            leading = null;
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, lockId);
            try (ResultSet held = lock.executeQuery()) {
                return held.next() && held.getBoolean(1);
            }
        }
    }

    /**
     * A pooled connection goes back to the pool only without the lock: unlocked, or else (the
     * session failed) closed for real underneath the pool, which ends the server session and
     * with it the lock. The pool then finds the connection dead and replaces it.
     */
    private void giveBack(Connection connection) {
        try {
            try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock_all()")) {
                unlock.execute();
            }
        } catch (SQLException | RuntimeException failed) {
            try {
                connection.unwrap(Connection.class).close();
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("Relay connection closed: %s", e.getMessage());
            }
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Relay connection given back: %s", e.getMessage());
        }
    }
}
