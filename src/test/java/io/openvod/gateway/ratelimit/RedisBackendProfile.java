package io.openvod.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway in distributed mode, reaching Redis through a proxy the test controls. Keys get a prefix of their
 * own so parallel runs on the shared Redis never meet; breaker settings are short so a test sees it open and close.
 * The timeout is generous because this machine is shared: a timeout decides locally and the accuracy test
 * checks that Redis decided every call.
 */
public class RedisBackendProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "vod.rate-limit.backend", "redis",
                "vod.rate-limit.replicas", "2",
                "vod.rate-limit.redis.key-prefix", "vod:rl:test:" + UUID.randomUUID() + ":",
                "vod.rate-limit.redis.timeout", "1s",
                "vod.rate-limit.redis.circuit-breaker.request-volume-threshold", "4",
                "vod.rate-limit.redis.circuit-breaker.delay", "1s",
                "vod.rate-limit.redis.circuit-breaker.success-threshold", "2");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisProxyResource.class));
    }
}
