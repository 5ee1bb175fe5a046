package io.openvod.gateway.core.envelope;

/**
 * A dependency is down or overloaded: the caller gets 503 {@code ServiceUnavailable}, which the SDKs retry.
 * Features subclass it for their own dependencies.
 */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
