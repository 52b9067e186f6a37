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
        return ((Number) value(sql, parameters)).longValue();
    }

    /** Runs a statement, as a restore or an operator at the database would; returns the rows it changed. */
    public static int execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(
                RealInfrastructure.postgres().jdbcUrl("intake"), RealInfrastructure.postgres().user(), "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one text value a query selects, or null. */
    public static String string(String sql, Object... parameters) {
        return (String) value(sql, parameters);
    }

    private static Object value(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(
                RealInfrastructure.postgres().jdbcUrl("intake"), RealInfrastructure.postgres().user(), "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text; null when there is no row. */
    public static String text(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(
                RealInfrastructure.postgres().jdbcUrl("intake"), RealInfrastructure.postgres().user(), "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
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
