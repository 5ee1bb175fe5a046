package io.openvod.gateway.database;

import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.envelope.ServiceUnavailableException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Sorts PostgreSQL failures into what the caller should hear. Bugs (bad SQL, violated constraints) stay
 * internal errors; everything that says "the database is not there right now" becomes 503, and the part of
 * it that may succeed on a second try is marked transient.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Wraps infrastructure failures for fault tolerance and the envelope; leaves other failures alone. */
    public static Throwable translate(Throwable failure) {
        if (failure instanceof ServiceUnavailableException) {
            return failure; // already translated (StatementDeadline; TransientDatabaseException is one too)
        }
        if (isInvalidInput(failure)) {
            return invalidInput();
        }
        if (isTransient(failure)) {
            return new TransientDatabaseException(failure);
        }
        if (isUnavailable(failure)) {
            return new DatabaseUnavailableException(failure);
        }
        return failure;
    }

    /**
     * A data exception (SQLSTATE class 22: a NUL byte or invalid UTF-8 in text, a malformed number, a value out of
     * range...) is caused by what a caller sent, not by the database: a client error, never a 500. Identifiers are
     * checked before any query, so this is the backstop for whatever a check missed.
     */
    public static boolean isInvalidInput(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** What a caller hears for a data exception: 400 InvalidParameter, without the database's own words. */
    public static ApiError invalidInputError() {
        return ApiError.invalidParameter("Request", "A value is not valid text or not a valid number.");
    }

    private static RuntimeException invalidInput() {
        return invalidInputError().exception();
    }

    static boolean isTransient(Throwable failure) {
        if (failure instanceof ClosedConnectionException) {
            return true;
        }
        if (failure instanceof PgException pg && pg.getSqlState() != null) {
            String state = pg.getSqlState();
            // serialization_failure, deadlock_detected, admin_shutdown / crash_shutdown (connection terminated)
            return state.equals("40001") || state.equals("40P01") || state.equals("57P01") || state.equals("57P02");
        }
        return false;
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String sqlClass = pg.getSqlState().substring(0, 2);
                // connection exception, insufficient resources, operator intervention
                return sqlClass.equals("08") || sqlClass.equals("53") || sqlClass.equals("57");
            }
            // The pool reports an exhausted wait queue or an acquisition timeout without a dedicated type.
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("connection") && (message.contains("timeout") || message.contains("refused")
                    || message.contains("closed") || message.contains("max waiter"))) {
                return true;
            }
        }
        return false;
    }
}
