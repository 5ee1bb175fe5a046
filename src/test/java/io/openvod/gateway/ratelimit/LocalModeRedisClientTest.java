package io.openvod.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quarkus creates every Redis client whose bean is active, at start. In local mode (the default) neither the
 * limiter's client nor the default one is needed, and creating them logged a duplicate-gauge warning.
 */
class LocalModeRedisClientTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new io.smallrye.config.PropertiesConfigSource(properties, "test", 100))
                .withSources(new RedisClientActivation()).build();
    }

    @Test
    void inLocalModeNoRedisClientIsActive() {
        SmallRyeConfig config = config(Map.of("vod.rate-limit.backend", "local", "vod.auth.nonce-store", "local"));

        assertThat(config.getValue("quarkus.redis.ratelimit.active", Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.redis.active", Boolean.class)).isFalse();
    }

    @Test
    void eachRedisModeActivatesTheClientItUses() {
        SmallRyeConfig config = config(Map.of("vod.rate-limit.backend", "REDIS", "vod.auth.nonce-store", "local"));

        assertThat(config.getValue("quarkus.redis.ratelimit.active", Boolean.class)).isTrue();
        assertThat(config.getValue("quarkus.redis.active", Boolean.class)).isFalse();
        assertThat(config(Map.of("vod.auth.nonce-store", "redis")).getValue("quarkus.redis.active", Boolean.class))
                .isTrue();
    }

    @Test
    void theFactoryIsRegisteredWithSmallRyeConfig() throws Exception {
        try (var in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/io.smallrye.config.ConfigSourceFactory")) {
            assertThat(new String(in.readAllBytes())).contains(RedisClientActivation.class.getName());
        }
    }
}
