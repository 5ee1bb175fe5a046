package io.openvod.gateway.core.envelope;

import java.util.Map;

/**
 * Ends a request with an {@link ApiError}. It is control flow for expected outcomes (bad input, throttling),
 * so it carries no stack trace: building one per rejected request would be the most expensive part of it.
 */
public final class ApiException extends RuntimeException {

    private final ApiError error;
    private final Map<String, String> headers;

    public ApiException(ApiError error) {
        this(error, Map.of());
    }

    public ApiException(ApiError error, Map<String, String> headers) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    public ApiError error() {
        return error;
    }

    /** Extra response headers, e.g. {@code x-acs-retry-after} on throttling. */
    public Map<String, String> headers() {
        return headers;
    }
}
