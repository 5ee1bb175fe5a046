package io.openvod.gateway.database;

import io.openvod.gateway.core.envelope.ServiceUnavailableException;

/** PostgreSQL could not answer: down, restarting, unreachable, or out of connections. */
public class DatabaseUnavailableException extends ServiceUnavailableException {

    public DatabaseUnavailableException(Throwable cause) {
        super("database unavailable: " + cause, cause);
    }
}
