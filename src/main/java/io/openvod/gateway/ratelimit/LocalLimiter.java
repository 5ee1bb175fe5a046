package io.openvod.gateway.ratelimit.local;

import io.openvod.gateway.ratelimit.config.RateLimitConfig;
import io.openvod.gateway.ratelimit.limiter.BucketKey;
import io.openvod.gateway.ratelimit.limiter.Decision;
import io.openvod.gateway.ratelimit.limiter.Limiter;
import io.openvod.gateway.ratelimit.limiter.Rate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The default backend: one instance, no extra service, decided in memory. */
@ApplicationScoped
public class LocalLimiter implements Limiter {

    private final LocalBuckets buckets;

    public LocalLimiter(RateLimitConfig config) {
        this.buckets = new LocalBuckets(config.local().maxBuckets(), config.local().idleEviction());
    }

    @Override
    public Uni<Decision> tryAcquire(BucketKey key, Rate rate) {
        return Uni.createFrom().item(decide(key, rate));
    }

    public Decision decide(BucketKey key, Rate rate) {
        return buckets.tryAcquire(key, rate);
    }

    public long bucketCount() {
        return buckets.size();
    }
}
