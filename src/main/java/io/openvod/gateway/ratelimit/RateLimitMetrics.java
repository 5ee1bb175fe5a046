package io.openvod.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code vod_ratelimit_*} meters. Counters are created once so that counting a decision is one atomic add; the
 * backend in use adds its own meters ({@link Limiter#bindTo}).
 */
@ApplicationScoped
class RateLimitMetrics {

    private final Counter allowed;
    private final Counter throttled;
    private final Counter refusedEarly;

    RateLimitMetrics(MeterRegistry registry, Limiter limiter) {
        this.allowed = decisions(registry, limiter, "allowed");
        this.throttled = decisions(registry, limiter, "throttled");
        this.refusedEarly = Counter.builder("vod.ratelimit.early.refusals")
                .description("Calls refused before their signature was checked, their bucket being known empty"
                        + " (also counted in vod.ratelimit.decisions{result=throttled})")
                .register(registry);
        limiter.bindTo(registry);
    }

    void decided(Decision decision) {
        (decision.allowed() ? allowed : throttled).increment();
    }

    void refusedEarly() {
        throttled.increment();
        refusedEarly.increment();
    }

    private static Counter decisions(MeterRegistry registry, Limiter limiter, String result) {
        return Counter.builder("vod.ratelimit.decisions")
                .description("Rate-limit decisions by outcome")
                .tag("backend", limiter.backend())
                .tag("result", result)
                .register(registry);
    }
}
