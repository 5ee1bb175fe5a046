package io.openvod.gateway.ratelimit;

/**
 * A token-bucket limit: {@code perSecond} tokens refilled per second, and as many held at most (a burst of one
 * second's worth, as the real service allows).
 */
public record Rate(long perSecond) {

    public Rate {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a rate is at least 1 per second, got " + perSecond);
        }
    }

    public long capacity() {
        return perSecond;
    }

    /** This replica's share of the rate when it must decide alone; never below one call per second. */
    public Rate share(int replicas) {
        return new Rate(Math.max(1, perSecond / Math.max(1, replicas)));
    }
}
