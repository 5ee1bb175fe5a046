package io.openvod.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.gateway.ratelimit.config.RateLimitConfig;
import io.openvod.gateway.ratelimit.fallback.FailoverLimiter;
import io.openvod.gateway.ratelimit.limiter.Decision;
import io.openvod.gateway.ratelimit.local.LocalLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * {@code vod_ratelimit_*} meters. Counters are created once so that counting a decision is one atomic add.
 * Gauges that need the Redis limiter are only registered when the Redis backend is on, so that the default local
 * mode never creates a Redis client.
 */
@ApplicationScoped
public class RateLimitMetrics {

    private final Counter allowed;
    private final Counter throttled;
    private final Counter refusedEarly;

    public RateLimitMetrics(MeterRegistry registry, RateLimitConfig config, LocalLimiter local,
            Instance<FailoverLimiter> distributed) {
        this.allowed = decisions(registry, config, "allowed");
        this.throttled = decisions(registry, config, "throttled");
        this.refusedEarly = Counter.builder("vod.ratelimit.early.refusals")
                .description("Calls refused before their signature was checked, their bucket being known empty"
                        + " (also counted in vod.ratelimit.decisions{result=throttled})")
                .register(registry);
        Gauge.builder("vod.ratelimit.local.buckets", local, LocalLimiter::bucketCount)
                .description("Buckets held in memory by the local backend")
                .register(registry);
        if (config.enabled() && config.backend() == RateLimitConfig.Backend.REDIS) {
            FailoverLimiter failover = distributed.get();
            Gauge.builder("vod.ratelimit.fallback.active", failover, f -> f.fallbackActive() ? 1 : 0)
                    .description("1 while Redis is bypassed and each replica limits locally at rate/replicas")
                    .register(registry);
            FunctionCounter.builder("vod.ratelimit.fallback.decisions", failover, f -> f.fallbackDecisions())
                    .description("Calls decided locally because Redis failed, timed out or was bypassed")
                    .register(registry);
        }
    }

    void decided(Decision decision) {
        (decision.allowed() ? allowed : throttled).increment();
    }

    void refusedEarly() {
        throttled.increment();
        refusedEarly.increment();
    }

    private static Counter decisions(MeterRegistry registry, RateLimitConfig config, String result) {
        return Counter.builder("vod.ratelimit.decisions")
                .description("Rate-limit decisions by outcome")
                .tag("backend", config.backend().name().toLowerCase())
                .tag("result", result)
                .register(registry);
    }
}
