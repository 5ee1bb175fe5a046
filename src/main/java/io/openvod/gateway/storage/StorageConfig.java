package io.openvod.gateway.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code vod.storage.*}: how the gateway talks to the object stores behind storage locations (README, configuration). */
@ConfigMapping(prefix = "vod.storage")
public interface StorageConfig {

    /** The deadline of a call's HEADs to an object store (sent together); past it the call answers 503 and registers nothing. */
    @WithDefault("3S")
    Duration probeTimeout();

    /** Open connections per object-store endpoint at most; further requests wait for one, within their deadline. */
    @WithDefault("64")
    int maxConnections();

    /** Presigners kept (one per distinct connection, for GET URLs); the least used beyond this is dropped. */
    @WithDefault("256")
    int maxPresigners();

    CircuitBreaker circuitBreaker();

    /** One breaker per endpoint: while open, calls to that store answer 503 at once instead of waiting a deadline. */
    interface CircuitBreaker {

        /** Checks (a call's HEADs each) in the rolling window the failure ratio is computed over. */
        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before it lets a probe through again. */
        @WithDefault("5S")
        Duration delay();

        /** Checks that must succeed while half-open before the breaker closes. */
        @WithDefault("1")
        int successThreshold();
    }
}
