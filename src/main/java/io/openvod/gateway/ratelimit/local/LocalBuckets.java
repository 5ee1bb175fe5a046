package io.openvod.gateway.ratelimit.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.openvod.gateway.ratelimit.limiter.BucketKey;
import io.openvod.gateway.ratelimit.limiter.Decision;
import io.openvod.gateway.ratelimit.limiter.Rate;
import java.time.Duration;

/**
 * Token buckets held in this process. Buckets are bucket4j's lock-free ones (a CAS on their state), kept in a
 * Caffeine map whose reads take no lock either, so the event loop never waits on another thread. The map is
 * bounded and forgets idle buckets: a forgotten bucket comes back full, which is what it would be after idling.
 */
public final class LocalBuckets {

    private final Cache<BucketKey, RatedBucket> buckets;

    public LocalBuckets(long maxBuckets, Duration idleEviction) {
        this.buckets = Caffeine.newBuilder()
                .executor(Runnable::run) // maintenance on the calling thread: see LocalNonceStore
                .maximumSize(maxBuckets)
                .expireAfterAccess(idleEviction)
                .build();
    }

    public Decision tryAcquire(BucketKey key, Rate rate) {
        RatedBucket held = buckets.get(key, k -> RatedBucket.of(rate));
        if (held.rate().perSecond() != rate.perSecond()) {
            // The account's limit changed (admin API): start a bucket at the new rate.
            held = buckets.asMap().compute(key,
                    (k, current) -> current != null && current.rate().equals(rate) ? current : RatedBucket.of(rate));
        }
        ConsumptionProbe probe = held.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Decision.allow() : Decision.refuseNanos(probe.getNanosToWaitForRefill());
    }

    public long size() {
        return buckets.estimatedSize();
    }

    /** Runs pending evictions now (Caffeine otherwise does it as a side effect of later calls). */
    public void cleanUp() {
        buckets.cleanUp();
    }

    private record RatedBucket(Rate rate, Bucket bucket) {

        static RatedBucket of(Rate rate) {
            Bucket bucket = Bucket.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(rate.capacity())
                            .refillGreedy(rate.perSecond(), Duration.ofSeconds(1))
                            .build())
                    .build();
            return new RatedBucket(rate, bucket);
        }
    }
}
