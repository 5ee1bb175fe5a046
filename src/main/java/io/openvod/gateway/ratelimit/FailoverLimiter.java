package io.openvod.gateway.ratelimit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.gateway.plumbing.Contexts;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Redis when it answers in time, this replica's share of the limit when it does not: the gateway keeps serving
 * through a Redis outage, each replica allowing {@code rate / vod.rate-limit.replicas}, so that together they stay
 * near the account's rate. A SmallRye Fault Tolerance timeout bounds every Redis call and a circuit breaker stops
 * calling Redis while it is failing, then tries it again after its delay and returns to it once it answers.
 */
final class FailoverLimiter implements Limiter {

    static final String BREAKER = "vod-rate-limit-redis";
    private static final Logger LOG = Logger.getLogger(FailoverLimiter.class);
    private static final long FAILURE_LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final RedisLimiter redis;
    private final LocalLimiter fallback;
    private final int replicas;
    private final TypedGuard<Uni<Decision>> guard;
    private final AtomicReference<CircuitBreakerState> state = new AtomicReference<>(CircuitBreakerState.CLOSED);
    private final AtomicLong fallbackDecisions = new AtomicLong();
    private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - FAILURE_LOG_INTERVAL_NANOS);

    FailoverLimiter(RedisLimiter redis, LocalLimiter fallback, RateLimitConfig config) {
        this.redis = redis;
        this.fallback = fallback;
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
        // The Redis client and the timeout's timer may complete on another thread than the request's.
        return Contexts.resumeOnCaller(Uni.createFrom().deferred(() -> guard.get(() -> redis.tryAcquire(key, rate)))
                .onFailure().recoverWithItem(failure -> decideLocally(key, rate, failure)));
    }

    @Override
    public String backend() {
        return "redis";
    }

    @Override
    public Map<String, Object> status() {
        return Map.of("circuit", state().name(),
                "deciding", fallbackActive() ? "local-fallback" : "redis",
                "fallbackDecisions", fallbackDecisions());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        fallback.bindTo(registry);
        Gauge.builder("vod.ratelimit.fallback.active", this, f -> f.fallbackActive() ? 1 : 0)
                .description("1 while Redis is bypassed and each replica limits locally at rate/replicas")
                .register(registry);
        FunctionCounter.builder("vod.ratelimit.fallback.decisions", this, FailoverLimiter::fallbackDecisions)
                .description("Calls decided locally because Redis failed, timed out or was bypassed")
                .register(registry);
    }

    CircuitBreakerState state() {
        return state.get();
    }

    /** True while Redis is not trusted: the breaker is open, or half-open and still proving Redis is back. */
    boolean fallbackActive() {
        return state.get() != CircuitBreakerState.CLOSED;
    }

    long fallbackDecisions() {
        return fallbackDecisions.get();
    }

    private Decision decideLocally(BucketKey key, Rate rate, Throwable failure) {
        fallbackDecisions.incrementAndGet();
        logFailure(failure);
        return fallback.decide(key, rate.share(replicas));
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
}
