package io.openvod.gateway.rpc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Connection deadlines of the RPC port ({@link HeadDeadlines}). */
@ConfigMapping(prefix = "vod.http")
public interface FrontDoorConfig {

    /** Longest time from accepting a connection to a complete request head (request line and headers). */
    @WithDefault("10s")
    Duration requestHeadTimeout();

    /** Longest time from an answer to the next complete request head on the same connection. */
    @WithDefault("60s")
    Duration keepAliveTimeout();
}
