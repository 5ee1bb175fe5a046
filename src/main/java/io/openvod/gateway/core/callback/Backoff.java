package io.openvod.gateway.core.callback;

import java.time.Duration;

/** Exponential backoff between callback attempts: initial × 2^(attempt-1), capped. */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code attempts}-th failed attempt (1-based). */
    public Duration after(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
