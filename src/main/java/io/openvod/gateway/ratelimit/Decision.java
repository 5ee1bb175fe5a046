package io.openvod.gateway.ratelimit;

/** The answer for one call: allowed, or refused with how long until a token is available. */
public record Decision(boolean allowed, long retryAfterMillis) {

    private static final Decision ALLOWED = new Decision(true, 0);

    public static Decision allow() {
        return ALLOWED;
    }

    /** At least one millisecond: the Tea SDKs only treat a positive {@code x-acs-retry-after} as throttling. */
    public static Decision refuse(long retryAfterMillis) {
        return new Decision(false, Math.max(1, retryAfterMillis));
    }

    public static Decision refuseNanos(long nanosToWait) {
        return refuse((nanosToWait + 999_999) / 1_000_000);
    }
}
