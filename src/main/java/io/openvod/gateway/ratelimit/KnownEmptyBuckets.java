package io.openvod.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import io.openvod.gateway.plumbing.Caches;
import java.time.Duration;

/**
 * For buckets that just refused a call: the moment before which they cannot hold a token again. What that allows
 * (early refusal) is described in {@link RateLimiter}.
 * <p>
 * The moment is taken from when the refusing decision was asked for, less the millisecond the wait was rounded up
 * by, so it is never later than the bucket's real refill. An entry is only used while the account's rate is the
 * one it was refused at: a limit raised through the admin API applies at once. One approximation: when the Redis
 * backend fails over to the local share (or comes back), the deciding bucket changes, and for at most the
 * remembered wait (under a second) a call may be refused that the new bucket would have let through.
 */
final class KnownEmptyBuckets {

    private record Empty(long untilNanos, Rate rate) {
    }

    /** Refill waits are at most one second (rates are at least 1/s), so older entries are useless. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final Cache<BucketKey, Empty> empty;

    KnownEmptyBuckets(long maxEntries) {
        this.empty = Caches.onCallingThread()
                .maximumSize(maxEntries)
                .expireAfterWrite(LONGEST_WAIT)
                .build();
    }

    /**
     * Records a refusal. {@code askedAtNanos} is when the decision was asked for; {@code retryAfterMillis} the wait
     * it reported, rounded up to whole milliseconds.
     */
    void refused(BucketKey key, Rate rate, long askedAtNanos, long retryAfterMillis) {
        long wait = Math.min(retryAfterMillis - 1, LONGEST_WAIT.toMillis()) * 1_000_000L;
        if (wait > 0) {
            empty.put(key, new Empty(askedAtNanos + wait, rate));
        }
    }

    /** Milliseconds until the bucket can hold a token (rounded up), or 0 when it may hold one now. */
    long millisUntilRefill(BucketKey key, Rate rate, long nowNanos) {
        Empty known = empty.getIfPresent(key);
        if (known == null || !known.rate().equals(rate) || known.untilNanos() - nowNanos <= 0) {
            return 0;
        }
        return (known.untilNanos() - nowNanos + 999_999) / 1_000_000;
    }
}
