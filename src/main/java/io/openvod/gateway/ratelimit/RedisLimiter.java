package io.openvod.gateway.ratelimit.redis;

import io.openvod.gateway.ratelimit.config.RateLimitConfig;
import io.openvod.gateway.ratelimit.limiter.BucketKey;
import io.openvod.gateway.ratelimit.limiter.Decision;
import io.openvod.gateway.ratelimit.limiter.Limiter;
import io.openvod.gateway.ratelimit.limiter.Rate;
import io.quarkus.redis.client.RedisClientName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The distributed backend as such: it fails when Redis fails. {@code fallback.FailoverLimiter} is what the
 * gateway calls; it wraps this one with a timeout, a circuit breaker and a local fallback.
 * Uses its own Redis client ({@code quarkus.redis.ratelimit.*}) so it can be pointed and sized on its own.
 */
@ApplicationScoped
public class RedisLimiter implements Limiter {

    public static final String CLIENT = "ratelimit";

    private final RedisTokenBucket bucket;

    public RedisLimiter(@RedisClientName(CLIENT) Redis redis, RateLimitConfig config) {
        this.bucket = new RedisTokenBucket(redis, config.redis().keyPrefix());
    }

    @Override
    public Uni<Decision> tryAcquire(BucketKey key, Rate rate) {
        return bucket.tryAcquire(key, rate);
    }
}
