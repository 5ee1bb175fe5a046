package io.openvod.gateway.api;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Decides what an unexpected failure means to the caller: a dependency that is down or slow is a temporary
 * 503 the SDKs retry, anything else is a 500 we have to look at.
 */
public final class ServerFailures {

    private ServerFailures() {
    }

    public static ApiError classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api.error();
            }
            if (isUnavailable(t)) {
                return ApiError.serviceUnavailable();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ApiError.internalError();
    }

    private static boolean isUnavailable(Throwable t) {
        if (t instanceof IOException || t instanceof TimeoutException) {
            return true;
        }
        String name = t.getClass().getName();
        // Fault tolerance rejections and pool exhaustion, matched by name to keep this class free of their APIs.
        return name.startsWith("io.smallrye.faulttolerance.api.")
                || name.equals("org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException")
                || name.equals("org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException")
                || name.equals("org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException")
                || name.equals("io.vertx.core.http.ConnectionPoolTooBusyException")
                || name.equals("io.vertx.sqlclient.ClosedConnectionException")
                || name.equals("io.vertx.core.impl.NoStackTraceThrowable") && String.valueOf(t.getMessage()).contains("connection");
    }
}
