package io.openvod.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
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
    private final Limiter limiter;

    public RateLimitHealthCheck(RateLimitConfig config, Limiter limiter) {
        this.config = config;
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("rate-limit").up()
                .withData("enabled", config.enabled())
                .withData("backend", config.backend().name().toLowerCase());
        limiter.status().forEach((name, value) -> {
            if (value instanceof Number number) {
                response.withData(name, number.longValue());
            } else {
                response.withData(name, String.valueOf(value));
            }
        });
        return response.build();
    }
}
