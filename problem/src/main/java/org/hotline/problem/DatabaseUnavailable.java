package org.hotline.problem;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a failure means the service's own database cannot be reached for now: a connection
 * failure or refused connection (SQL state class 08), the server shutting down or starting
 * (57P01-57P03), out of resources (class 53), or the pool unable to hand out a connection in time
 * (Agroal says so without a state). Such a failure goes away by itself, so a request gets 503 with
 * {@code Retry-After} ({@link ProblemMappers}) and a consumed record waits and is tried again (the
 * inbox's {@code TransientFailure}), never a 500 or a dead letter.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** True when {@code failure} or anything it was caused by is an unreachable database. */
    public static boolean causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && is(sql)) {
                return true;
            }
        }
        return false;
    }

    /** True when this one exception, without its causes, says the database cannot be reached. */
    public static boolean is(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal's words: "Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection".
            return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03");
    }
}
