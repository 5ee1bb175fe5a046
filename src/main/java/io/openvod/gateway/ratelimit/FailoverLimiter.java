package io.openvod.gateway.ratelimit.fallback;

import io.openvod.gateway.ratelimit.config.RateLimitConfig;
import io.openvod.gateway.ratelimit.limiter.BucketKey;
import io.openvod.gateway.ratelimit.limiter.Decision;
import io.openvod.gateway.ratelimit.limiter.Limiter;
import io.openvod.gateway.ratelimit.limiter.Rate;
import io.openvod.gateway.ratelimit.local.LocalBuckets;
import io.openvod.gateway.ratelimit.redis.RedisLimiter;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Redis when it answers in time, this replica's share of the limit when it does not: the gateway keeps serving
 * through a Redis outage, each replica allowing {@code rate / vod.rate-limit.replicas}, so that together they stay
 * near the account's rate. A SmallRye Fault Tolerance timeout bounds every Redis call and a circuit breaker stops
 * calling Redis while it is failing, then tries it again after its delay and returns to it once it answers.
 */
@ApplicationScoped
public class FailoverLimiter implements Limiter {

    static final String BREAKER = "vod-rate-limit-redis";
    private static final Logger LOG = Logger.getLogger(FailoverLimiter.class);
    private static final long FAILURE_LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final RedisLimiter redis;
    private final LocalBuckets fallbackBuckets;
    private final int replicas;
    private final TypedGuard<Uni<Decision>> guard;
    private final AtomicReference<CircuitBreakerState> state = new AtomicReference<>(CircuitBreakerState.CLOSED);
    private final AtomicLong fallbackDecisions = new AtomicLong();
    private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - FAILURE_LOG_INTERVAL_NANOS);

    public FailoverLimiter(RedisLimiter redis, RateLimitConfig config) {
        this.redis = redis;
        this.fallbackBuckets = new LocalBuckets(config.local().maxBuckets(), config.local().idleEviction());
        this.replicas = config.replicas();
        var breaker = config.redis().circuitBreaker();
        this.guard = TypedGuard.create(new TypeLiteral<Uni<Decision>>() { })
                .withDescription("rate limiter on Redis")
                .withTimeout()
                    .duration(config.redis().timeout().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .withCircuitBreaker()
                    .name(BREAKER)
                    .requestVolumeThreshold(breaker.requestVolumeThreshold())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(breaker.successThreshold())
                    .onStateChange(this::stateChanged)
                    .done()
                .withThreadOffload(false)
                .build();
    }

    @Override
    public Uni<Decision> tryAcquire(BucketKey key, Rate rate) {
        Context caller = Vertx.currentContext();
        Uni<Decision> guarded = Uni.createFrom().deferred(() -> guard.get(() -> redis.tryAcquire(key, rate)))
                .onFailure().recoverWithItem(failure -> decideLocally(key, rate, failure));
        return onContext(guarded, caller);
    }

    public CircuitBreakerState state() {
        return state.get();
    }

    /** True while Redis is not trusted: the breaker is open, or half-open and still proving Redis is back. */
    public boolean fallbackActive() {
        return state.get() != CircuitBreakerState.CLOSED;
    }

    public long fallbackDecisions() {
        return fallbackDecisions.get();
    }

    private Decision decideLocally(BucketKey key, Rate rate, Throwable failure) {
        fallbackDecisions.incrementAndGet();
        logFailure(failure);
        return fallbackBuckets.tryAcquire(key, rate.share(replicas));
    }

    private void stateChanged(CircuitBreakerState newState) {
        CircuitBreakerState old = state.getAndSet(newState);
        switch (newState) {
            case OPEN -> LOG.warnf("Rate limiter: Redis unavailable (%s -> OPEN); deciding locally at rate/%d per replica",
                    old, replicas);
            case HALF_OPEN -> LOG.infof("Rate limiter: trying Redis again (%s -> HALF_OPEN)", old);
            case CLOSED -> LOG.infof("Rate limiter: Redis is back (%s -> CLOSED); limits are shared again", old);
        }
    }

    private void logFailure(Throwable failure) {
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        if (now - last >= FAILURE_LOG_INTERVAL_NANOS && lastFailureLog.compareAndSet(last, now)) {
            LOG.warnf("Rate limiter: Redis call failed, decided locally (%s); further failures logged at most every 10 s",
                    failure.toString());
        }
    }

    /**
     * The Redis client and the timeout's timer may complete on another thread than the request's; the rest of the
     * pipeline (Hibernate Reactive in particular) must continue on the request's Vert.x context.
     */
    private static <T> Uni<T> onContext(Uni<T> uni, Context caller) {
        if (caller == null) {
            return uni;
        }
        return Uni.createFrom().emitter(emitter -> uni.subscribe().with(
                item -> {
                    if (Vertx.currentContext() == caller) {
                        emitter.complete(item);
                    } else {
                        caller.runOnContext(ignored -> emitter.complete(item));
                    }
                },
                failure -> caller.runOnContext(ignored -> emitter.fail(failure))));
    }
}
