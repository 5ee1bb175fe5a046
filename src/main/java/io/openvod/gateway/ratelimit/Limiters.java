package io.openvod.gateway.ratelimit;

import io.quarkus.redis.client.RedisClientName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Picks the one {@link Limiter} from {@code vod.rate-limit.enabled} and {@code vod.rate-limit.backend}. The limiter's
 * Redis client is only created when the Redis backend is chosen.
 */
@ApplicationScoped
class Limiters {

    private static final Logger LOG = Logger.getLogger(Limiters.class);

    /** Every call allowed: for benchmarks of the rest of the pipeline only. */
    private static final Limiter OFF = new Limiter() {
        private final Uni<Decision> allowed = Uni.createFrom().item(Decision.allow());

        @Override
        public Uni<Decision> tryAcquire(BucketKey key, Rate rate) {
            return allowed;
        }

        @Override
        public String backend() {
            return "off";
        }
    };

    @Produces
    @Singleton
    Limiter limiter(RateLimitConfig config, @RedisClientName(RedisLimiter.CLIENT) Instance<Redis> redis) {
        if (!config.enabled()) {
            LOG.warn("Rate limiting is off (vod.rate-limit.enabled=false): every call is allowed");
            return OFF;
        }
        if (config.backend() == RateLimitConfig.Backend.REDIS) {
            LOG.infof("Rate limits are shared through Redis; a replica decides alone at rate/%d while Redis fails",
                    config.replicas());
            return new FailoverLimiter(new RedisLimiter(redis.get(), config.redis().keyPrefix()),
                    LocalLimiter.of(config.local()), config);
        }
        LOG.info("Rate limits are kept in memory (one replica; set vod.rate-limit.backend=redis for several)");
        return LocalLimiter.of(config.local());
    }
}
