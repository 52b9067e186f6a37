package org.hotline.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline.stack.ServiceDatabase;

/**
 * A service's audit log ({@code audit_log}, audit module) seen from outside the service: what it
 * holds, read as the superuser, and what the service's own runtime role may do to it.
 */
public final class AuditTrail {

    private final String database;

    private AuditTrail(String database) {
        this.database = database;
    }

    public static AuditTrail of(String database) {
        return new AuditTrail(database);
    }

    /**
     * One entry as stored, without its id and time.
     *
     * @param reasonLength the length of the reason given, or null where none was asked for: the
     *                     log keeps no reason's words
     */
    public record Entry(String actor, String action, String subject, Integer reasonLength, String outcome) {
    }

    /** The entries about {@code subject}, oldest first. */
    public List<Entry> about(String subject) {
        return where("subject", subject);
    }

    /** The entries of one actor (a token's subject), oldest first. */
    public List<Entry> by(String actor) {
        return where("actor", actor);
    }

    /** The entries of one action, oldest first. */
    public List<Entry> ofAction(String action) {
        return where("action", action);
    }

    /**
     * Writes {@code entry} as the superuser, dated {@code age} ago: the service's own clock cannot
     * date an entry (the database's does), so a retention test makes old entries this way.
     */
    public void insertAged(Entry entry, Duration age) {
        try (Connection connection = RealInfrastructure.postgres().connect(database);
                PreparedStatement statement = connection.prepareStatement("insert into audit_log"
                        + " (recorded_at, actor, action, subject, reason_length, outcome)"
                        + " values (clock_timestamp() - make_interval(secs => ?), ?, ?, ?, ?, ?)")) {
            statement.setLong(1, age.toSeconds());
            statement.setString(2, entry.actor());
            statement.setString(3, entry.action());
            statement.setString(4, entry.subject());
            statement.setObject(5, entry.reasonLength());
            statement.setString(6, entry.outcome());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many entries hold {@code text} anywhere, in any column: for a canary that must be in none. */
    public long entriesHolding(String text) {
        try (Connection connection = RealInfrastructure.postgres().connect(database);
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from audit_log a where strpos(a::text, ?) > 0")) {
            statement.setString(1, text);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Entry> where(String column, String value) {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = RealInfrastructure.postgres().connect(database);
                PreparedStatement statement = connection.prepareStatement("select actor, action, subject, reason_length,"
                        + " outcome from audit_log where " + column + " = ? order by id")) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getObject(4, Integer.class), rows.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }

    /**
     * Waits (up to 10 s) until {@code expected} is among the entries about its subject: a refusal is
     * written after its response has gone, so a test that asks at once may be too early.
     */
    public void awaitEntry(Entry expected) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> about(expected.subject()).contains(expected));
    }

    /**
     * Runs {@code sql} as the service's runtime role and returns the SQLState PostgreSQL refused it
     * with, or empty when it was allowed (in a transaction that is rolled back, so nothing changes).
     */
    public Optional<String> refusalOf(String sql) {
        ServiceDatabase roles = RealInfrastructure.serviceDatabase(database);
        try (Connection connection = RealInfrastructure.postgres().connect(database, roles.runtimeRole(),
                roles.runtimePassword())) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                return Optional.empty();
            } catch (SQLException refused) {
                return Optional.of(refused.getSQLState());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
