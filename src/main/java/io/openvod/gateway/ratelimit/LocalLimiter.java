package io.openvod.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.gateway.plumbing.Caches;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Token buckets held in this process: the default backend, and Redis's fallback. Buckets are bucket4j's lock-free
 * ones (a CAS on their state), kept in a Caffeine map whose reads take no lock either, so the event loop never waits
 * on another thread. The map is bounded and forgets idle buckets: a forgotten bucket comes back full, which is what
 * it would be after idling.
 */
final class LocalLimiter implements Limiter {

    private final Cache<BucketKey, RatedBucket> buckets;

    LocalLimiter(long maxBuckets, Duration idleEviction) {
        this.buckets = Caches.onCallingThread().maximumSize(maxBuckets).expireAfterAccess(idleEviction).build();
    }

    static LocalLimiter of(RateLimitConfig.Local config) {
        return new LocalLimiter(config.maxBuckets(), config.idleEviction());
    }

    @Override
    public Uni<Decision> tryAcquire(BucketKey key, Rate rate) {
        return Uni.createFrom().item(decide(key, rate));
    }

    /** The decision itself, synchronous: no I/O is involved. */
    Decision decide(BucketKey key, Rate rate) {
        RatedBucket held = buckets.get(key, k -> RatedBucket.of(rate));
        if (held.rate().perSecond() != rate.perSecond()) {
            // The account's limit changed (admin API): start a bucket at the new rate.
            held = buckets.asMap().compute(key,
                    (k, current) -> current != null && current.rate().equals(rate) ? current : RatedBucket.of(rate));
        }
        ConsumptionProbe probe = held.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Decision.allow() : Decision.refuseNanos(probe.getNanosToWaitForRefill());
    }

    @Override
    public String backend() {
        return "local";
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("vod.ratelimit.local.buckets", this, LocalLimiter::size)
                .description("Buckets held in memory by the local backend")
                .register(registry);
    }

    long size() {
        return buckets.estimatedSize();
    }

    /** Runs pending evictions now (Caffeine otherwise does it as a side effect of later calls). */
    void cleanUp() {
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
