package io.openvod.gateway.ratelimit;

import io.openvod.gateway.support.TcpProxyResource;
import java.util.Map;

/** Puts a proxy between the gateway's rate-limit Redis client and Redis; injected into test fields. */
public class RedisProxyResource extends TcpProxyResource {

    @Override
    protected int targetPort() {
        return 6379;
    }

    @Override
    protected Map<String, String> configFor(int proxyPort) {
        return Map.of("quarkus.redis.ratelimit.hosts", "redis://127.0.0.1:" + proxyPort);
    }
}
