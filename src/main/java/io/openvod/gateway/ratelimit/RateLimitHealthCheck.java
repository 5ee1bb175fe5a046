package io.openvod.gateway.ratelimit.fallback;

import io.openvod.gateway.ratelimit.config.RateLimitConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows which limiter decides. It is always UP: with Redis down the gateway still limits (locally) and serves,
 * so a degraded limiter must not take the pod out of the load balancer. Alert on {@code vod_ratelimit_fallback_active}.
 */
@Readiness
@ApplicationScoped
public class RateLimitHealthCheck implements HealthCheck {

    private final RateLimitConfig config;
    private final Instance<FailoverLimiter> failover;

    public RateLimitHealthCheck(RateLimitConfig config, Instance<FailoverLimiter> failover) {
        this.config = config;
        this.failover = failover;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("rate-limit").up()
                .withData("enabled", config.enabled())
                .withData("backend", config.backend().name().toLowerCase());
        if (config.enabled() && config.backend() == RateLimitConfig.Backend.REDIS) {
            FailoverLimiter limiter = failover.get();
            response.withData("circuit", limiter.state().name())
                    .withData("deciding", limiter.fallbackActive() ? "local-fallback" : "redis")
                    .withData("fallbackDecisions", limiter.fallbackDecisions());
        }
        return response.build();
    }
}
