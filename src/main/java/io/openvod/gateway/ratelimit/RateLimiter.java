package io.openvod.gateway.ratelimit;

import io.openvod.gateway.account.Account;
import io.openvod.gateway.api.ApiError;
import io.openvod.gateway.api.ApiException;
import io.openvod.gateway.auth.Caller;
import io.openvod.gateway.ratelimit.config.RateLimitConfig;
import io.openvod.gateway.ratelimit.fallback.FailoverLimiter;
import io.openvod.gateway.ratelimit.limiter.BucketKey;
import io.openvod.gateway.ratelimit.limiter.Decision;
import io.openvod.gateway.ratelimit.limiter.Rate;
import io.openvod.gateway.ratelimit.local.LocalLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;

/**
 * Per-account, per-action limit, checked right after authentication and before any database work: a refused call
 * costs a bucket lookup (local) or one Redis round trip (distributed), never a PostgreSQL one. Refusals are the
 * real service's HTTP 400 {@code Throttling.User} with {@code x-acs-retry-after} (milliseconds, what the Tea SDKs
 * back off by) and a standard {@code Retry-After} in whole seconds, rounded up.
 */
@ApplicationScoped
public class RateLimiter {

    static final String RETRY_AFTER_MILLIS = "x-acs-retry-after";
    static final String RETRY_AFTER = "Retry-After";

    private final RateLimitConfig config;
    private final LocalLimiter local;
    private final Instance<FailoverLimiter> distributed;
    private final RateLimitMetrics metrics;
    private final Rate defaultRate;

    public RateLimiter(RateLimitConfig config, LocalLimiter local, Instance<FailoverLimiter> distributed,
            RateLimitMetrics metrics) {
        this.config = config;
        this.local = local;
        this.distributed = distributed;
        this.metrics = metrics;
        this.defaultRate = new Rate(config.defaultPerSecond());
    }

    /** Emits the caller when the call may proceed; fails with {@code Throttling.User} when it may not. */
    public Uni<Caller> acquire(Caller caller, String action) {
        if (!config.enabled()) {
            return Uni.createFrom().item(caller);
        }
        BucketKey key = new BucketKey(caller.account().id(), action);
        Rate rate = rateOf(caller.account());
        if (config.backend() == RateLimitConfig.Backend.LOCAL) {
            return settle(caller, local.decide(key, rate));
        }
        return distributed.get().tryAcquire(key, rate).chain(decision -> settle(caller, decision));
    }

    private Rate rateOf(Account account) {
        Integer perSecond = account.rateLimitPerSecond();
        return perSecond == null ? defaultRate : new Rate(perSecond);
    }

    private Uni<Caller> settle(Caller caller, Decision decision) {
        metrics.decided(decision);
        if (decision.allowed()) {
            return Uni.createFrom().item(caller);
        }
        return Uni.createFrom().failure(throttled(decision.retryAfterMillis()));
    }

    static ApiException throttled(long retryAfterMillis) {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        return new ApiException(ApiError.throttled(), Map.of(
                RETRY_AFTER_MILLIS, Long.toString(retryAfterMillis),
                RETRY_AFTER, Long.toString(seconds)));
    }
}
