package org.hotline.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.hotline.intake.service.BlindIndex;
import org.hotline.testing.RealInfrastructure;

import io.quarkus.arc.Arc;

/** Looks into intake's database directly, to check what a request did (or did not) store. */
public final class IntakeDatabase {

    private IntakeDatabase() {
    }

    public static long count(String sql, Object... parameters) {
        return query(sql, parameters, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /** The first column of the first row, as text; null when there is no row. */
    public static String text(String sql, Object... parameters) {
        return query(sql, parameters, rows -> rows.next() ? rows.getString(1) : null);
    }

    /** Runs a statement, as a restore or an operator at the database would; returns the rows it changed. */
    public static int execute(String sql, Object... parameters) {
        return run(sql, parameters, PreparedStatement::executeUpdate);
    }

    private interface Step<T, R> {
        R apply(T value) throws SQLException;
    }

    private static <R> R query(String sql, Object[] parameters, Step<ResultSet, R> read) {
        return run(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return read.apply(rows);
            }
        });
    }

    private static <R> R run(String sql, Object[] parameters, Step<PreparedStatement, R> step) {
        try (Connection connection = DriverManager.getConnection(
                RealInfrastructure.postgres().jdbcUrl("intake"), RealInfrastructure.postgres().user(), "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return step.apply(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long contacts() {
        return count("select count(*) from contact");
    }

    /**
     * One caller's contacts, found as intake finds them: by the pseudonym his identifier's blind
     * index leads to (identifiers are sealed). None for a caller who was never seen, or erased.
     */
    public static long contactsOf(String callerIdentifier) {
        String blindIndex = Arc.container().instance(BlindIndex.class).get().of(callerIdentifier);
        return count("select count(*) from contact c join caller_index i on i.caller_key = c.caller_key"
                + " where i.blind_index = ?", blindIndex);
    }
}
