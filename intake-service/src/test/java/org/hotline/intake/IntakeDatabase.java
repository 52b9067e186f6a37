package org.hotline.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.hotline.intake.service.CallerKeys;
import org.hotline.testing.RealInfrastructure;

import io.quarkus.arc.Arc;

/** Looks into intake's database directly, to check what a request did (or did not) store. */
public final class IntakeDatabase {

    private IntakeDatabase() {
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(
                RealInfrastructure.postgres().jdbcUrl("intake"), RealInfrastructure.postgres().user(), "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
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

    /** One caller's contacts, found as intake finds them: by his caller key (identifiers are sealed). */
    public static long contactsOf(String callerIdentifier) {
        String callerKey = Arc.container().instance(CallerKeys.class).get().keyOf(callerIdentifier);
        return count("select count(*) from contact where caller_key = ?", callerKey);
    }
}
