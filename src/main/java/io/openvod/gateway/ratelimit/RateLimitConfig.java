package io.openvod.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code vod.rate-limit.*}: every key is listed, with its default, in the README section "Rate limiting". */
@ConfigMapping(prefix = "vod.rate-limit")
public interface RateLimitConfig {

    /** Whether calls are limited at all. Off only for benchmarks of the rest of the pipeline. */
    @WithDefault("true")
    boolean enabled();

    /** Where buckets live: in this process, or shared by every replica in Redis. */
    @WithDefault("local")
    Backend backend();

    /**
     * Whether a call to a bucket known to be empty is refused before its signature is checked (the signature is
     * most of a refused call's cost). Off, such a call with a bad signature gets the signature error instead of
     * {@code Throttling.User}; either way it takes nothing from the bucket.
     */
    @WithDefault("true")
    boolean earlyRefusal();

    /**
     * Calls per second (and burst) of every action for accounts whose {@code rate_limit_per_second} is null. Unset,
     * each action has its own default ({@code RpcAction#defaultRatePerSecond}; RegisterMedia: 50).
     */
    Optional<Integer> defaultPerSecond();

    /** Per-action override of the above, by action name: {@code vod.rate-limit.per-action."GetVideoInfo"=100}. */
    Map<String, Integer> perAction();

    /**
     * Whether an account's own {@code rate_limit_per_second} replaces an action's rate, by action name:
     * {@code vod.rate-limit.account-override."GetVideoInfo"=false} keeps GetVideoInfo at its configured or default
     * rate whatever the account says. Unlisted actions: yes.
     */
    Map<String, Boolean> accountOverride();

    /** How many gateways share the load; in fallback each one allows its share, the rate divided by this. */
    @WithDefault("1")
    int replicas();

    Local local();

    Redis redis();

    enum Backend {
        LOCAL, REDIS
    }

    interface Local {
        /** Upper bound on buckets held in memory; beyond it the least recently used are dropped. */
        @WithDefault("100000")
        long maxBuckets();

        /**
         * A bucket untouched this long is dropped. With a burst of one second a bucket idle longer than a second is
         * full anyway, so dropping it loses nothing.
         */
        @WithDefault("60s")
        Duration idleEviction();
    }

    interface Redis {
        /** Prefix of bucket keys: {@code <prefix>{<accountId>}:<action>}. */
        @WithDefault("vod:rl:")
        String keyPrefix();

        /** A Redis answer slower than this counts as a failure and the call is decided locally. */
        @WithDefault("100ms")
        Duration timeout();

        CircuitBreaker circuitBreaker();
    }

    interface CircuitBreaker {
        /** Calls in the rolling window the breaker looks at. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of failed calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open (all calls decided locally) before it tries Redis again. */
        @WithDefault("5s")
        Duration delay();

        /** Successful trial calls needed to close the breaker again. */
        @WithDefault("3")
        int successThreshold();
    }
}
