package io.openvod.gateway.database;

/**
 * A failure that may go away if the same statement runs again: a lost connection, a serialization failure, a
 * deadlock. Retrying is safe only for idempotent statements, which is why repositories opt in explicitly.
 */
public class TransientDatabaseException extends DatabaseUnavailableException {

    public TransientDatabaseException(Throwable cause) {
        super(cause);
    }
}
