package io.openvod.gateway.ratelimit;

import io.openvod.gateway.account.Account;
import io.openvod.gateway.auth.Caller;
import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.envelope.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Per-account, per-action limit, checked right after authentication and before any database work: a refused call
 * costs a bucket lookup (local) or one Redis round trip (distributed), never a PostgreSQL one. Refusals are the
 * real service's HTTP 400 {@code Throttling.User} with {@code x-acs-retry-after} (milliseconds, what the Tea SDKs
 * back off by) and a standard {@code Retry-After} in whole seconds, rounded up.
 *
 * <h2>Early refusal</h2>
 * A bucket that just refused a call cannot hold a token again before a moment it knows ({@link KnownEmptyBuckets}):
 * tokens only come back with time, and other calls (here, or on other replicas through Redis) can only take them.
 * Until then {@link #refuseIfKnownEmpty} refuses calls to that bucket as soon as their AccessKey is found, before
 * their signature is checked and before their other parameters are decoded, which is most of what a refused call
 * costs. It takes nothing from the bucket, so a caller without the secret still cannot use up anyone's limit; it
 * only sees {@code Throttling.User} instead of a signature error while the account is over its limit. Switched by
 * {@code vod.rate-limit.early-refusal}; the pipeline's step {@code refuseEarlyOrVerify} is where it is used.
 */
@ApplicationScoped
public class RateLimiter {

    static final String RETRY_AFTER_MILLIS = "x-acs-retry-after";
    static final String RETRY_AFTER = "Retry-After";

    private final RateLimitConfig config;
    private final Limiter limiter;
    private final RateLimitMetrics metrics;
    private final KnownEmptyBuckets knownEmpty;

    RateLimiter(RateLimitConfig config, Limiter limiter, RateLimitMetrics metrics) {
        this.config = config;
        this.limiter = limiter;
        this.metrics = metrics;
        this.knownEmpty = new KnownEmptyBuckets(config.local().maxBuckets());
    }

    /**
     * Refuses a call to a bucket known to hold no token yet (see "Early refusal" above); returns normally otherwise.
     *
     * @param actionDefault the action's own calls per second, used when neither the account nor configuration set one
     * @throws ApiException {@code Throttling.User}
     */
    public void refuseIfKnownEmpty(Account account, String action, int actionDefault) {
        if (!config.earlyRefusal()) {
            return;
        }
        long millis = knownEmpty.millisUntilRefill(new BucketKey(account.id(), action),
                rateOf(account, action, actionDefault), System.nanoTime());
        if (millis > 0) {
            metrics.refusedEarly();
            throw throttled(millis);
        }
    }

    /** Emits the caller when the call may proceed; fails with {@code Throttling.User} when it may not. */
    public Uni<Caller> acquire(Caller caller, String action, int actionDefault) {
        BucketKey key = new BucketKey(caller.account().id(), action);
        Rate rate = rateOf(caller.account(), action, actionDefault);
        long askedAt = System.nanoTime();
        return limiter.tryAcquire(key, rate).map(decision -> {
            metrics.decided(decision);
            if (!decision.allowed()) {
                knownEmpty.refused(key, rate, askedAt, decision.retryAfterMillis());
                throw throttled(decision.retryAfterMillis());
            }
            return caller;
        });
    }

    /** The account's own rate unless {@code account-override} exempts the action; see {@link #perSecond}. */
    private Rate rateOf(Account account, String action, int actionDefault) {
        Integer accountRate = config.accountOverride().getOrDefault(action, true) ? account.rateLimitPerSecond() : null;
        return new Rate(perSecond(accountRate, config.perAction().get(action), config.defaultPerSecond(),
                actionDefault));
    }

    /** The account's own rate, else the one configured for the action, else for every action, else the action's. */
    static int perSecond(Integer account, Integer configuredForAction, Optional<Integer> configuredForAll,
            int actionDefault) {
        if (account != null) {
            return account;
        }
        return configuredForAction != null ? configuredForAction : configuredForAll.orElse(actionDefault);
    }

    static ApiException throttled(long retryAfterMillis) {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        return new ApiException(ApiError.throttled(), Map.of(
                RETRY_AFTER_MILLIS, Long.toString(retryAfterMillis),
                RETRY_AFTER, Long.toString(seconds)));
    }
}
