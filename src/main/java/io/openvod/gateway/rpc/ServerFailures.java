package io.openvod.gateway.rpc;

import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.envelope.ApiException;
import io.openvod.gateway.core.envelope.ServiceUnavailableException;
import io.openvod.gateway.database.DatabaseFailures;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Decides what an unexpected failure means to the caller: a dependency that is down, slow or shedding load is
 * a temporary 503 the SDKs retry; anything else is a 500 we have to look at.
 */
public final class ServerFailures {

    private ServerFailures() {
    }

    public static ApiError classify(Throwable failure) {
        if (DatabaseFailures.isInvalidInput(failure)) {
            return DatabaseFailures.invalidInputError();
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api.error();
            }
            // Open circuit breakers, full bulkheads and timeouts are all FaultToleranceExceptions.
            if (t instanceof ServiceUnavailableException || t instanceof FaultToleranceException
                    || t instanceof IOException || t instanceof TimeoutException) {
                return ApiError.serviceUnavailable();
            }
        }
        return ApiError.internalError();
    }
}
