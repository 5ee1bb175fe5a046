package io.openvod.gateway.callback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Event callbacks (README, "Event callbacks"). */
@ConfigMapping(prefix = "vod.callback")
public interface CallbackConfig {

    /** Off: events stay Pending in the outbox. */
    @WithDefault("true")
    boolean enabled();

    /** How often due events are looked for. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events sent at once per poll. */
    @WithDefault("32")
    int batchSize();

    /** A 2xx answer within this time is success; connect time counts too. */
    @WithDefault("5s")
    Duration timeout();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Wait after the first failed attempt; doubled after each further one up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    /** An event not delivered this long after it was created (or redelivered) is dead. */
    @WithDefault("24h")
    Duration maxAge();

    /**
     * Addresses or CIDR blocks callbacks may reach although they are loopback, private or link-local (empty by
     * default: all of those are refused).
     */
    Optional<List<String>> allowedAddresses();
}
