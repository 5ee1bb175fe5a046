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
 * costs a bucket lookup (local) or one Redis round trip (distributed), never a PostgreSQL one. A call to a bucket
 * that just refused one is refused even earlier, before its signature ({@link #refuseIfKnownEmpty}). Refusals are the
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
    private final KnownEmptyBuckets knownEmpty;

    public RateLimiter(RateLimitConfig config, LocalLimiter local, Instance<FailoverLimiter> distributed,
            RateLimitMetrics metrics) {
        this.config = config;
        this.local = local;
        this.distributed = distributed;
        this.metrics = metrics;
        this.defaultRate = new Rate(config.defaultPerSecond());
        this.knownEmpty = new KnownEmptyBuckets(config.local().maxBuckets());
    }

    /**
     * Refuses, before its signature is checked, a call to a bucket that is known to hold no token yet (see
     * {@link KnownEmptyBuckets}); returns normally otherwise. Nothing is taken from the bucket, so a caller without
     * the secret still cannot use up anyone's limit; it only sees {@code Throttling.User} instead of a signature
     * error while the account is over its limit.
     *
     * @throws ApiException {@code Throttling.User}
     */
    public void refuseIfKnownEmpty(Account account, String action) {
        if (!config.enabled() || !config.earlyRefusal()) {
            return;
        }
        long millis = knownEmpty.millisUntilRefill(new BucketKey(account.id(), action), rateOf(account),
                System.nanoTime());
        if (millis > 0) {
            metrics.refusedEarly();
            throw throttled(millis);
        }
    }

    /** Emits the caller when the call may proceed; fails with {@code Throttling.User} when it may not. */
    public Uni<Caller> acquire(Caller caller, String action) {
        if (!config.enabled()) {
            return Uni.createFrom().item(caller);
        }
        BucketKey key = new BucketKey(caller.account().id(), action);
        Rate rate = rateOf(caller.account());
        long askedAt = System.nanoTime();
        if (config.backend() == RateLimitConfig.Backend.LOCAL) {
            return settle(caller, key, rate, askedAt, local.decide(key, rate));
        }
        return distributed.get().tryAcquire(key, rate)
                .chain(decision -> settle(caller, key, rate, askedAt, decision));
    }

    private Rate rateOf(Account account) {
        Integer perSecond = account.rateLimitPerSecond();
        return perSecond == null ? defaultRate : new Rate(perSecond);
    }

    private Uni<Caller> settle(Caller caller, BucketKey key, Rate rate, long askedAt, Decision decision) {
        metrics.decided(decision);
        if (decision.allowed()) {
            return Uni.createFrom().item(caller);
        }
        knownEmpty.refused(key, rate, askedAt, decision.retryAfterMillis());
        return Uni.createFrom().failure(throttled(decision.retryAfterMillis()));
    }

    static ApiException throttled(long retryAfterMillis) {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        return new ApiException(ApiError.throttled(), Map.of(
                RETRY_AFTER_MILLIS, Long.toString(retryAfterMillis),
                RETRY_AFTER, Long.toString(seconds)));
    }
}
