package io.openvod.gateway.ratelimit;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Keeps the limiter's named Redis client ({@code quarkus.redis.ratelimit.*}) inactive unless
 * {@code vod.rate-limit.backend=redis}, and the default client unless {@code vod.auth.nonce-store=redis}. Quarkus creates every named client it knows of at start, and this one is
 * known from {@link Limiters}'s injection point: in local mode it was created for nothing, and its pool gauges
 * collided ("This Gauge has been already registered ... pool.name=ratelimit"); the default client likewise. Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}; an explicit
 * {@code quarkus.redis[.ratelimit].active} still wins (low ordinal): the test profile keeps both active, since tests
 * use them directly.
 */
public class RedisClientActivation implements ConfigSourceFactory {

    static final String ACTIVE = "quarkus.redis." + RedisLimiter.CLIENT + ".active";
    /** The default client serves the nonce store only. */
    static final String DEFAULT_ACTIVE = "quarkus.redis.active";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new PropertiesConfigSource(Map.of(
                ACTIVE, String.valueOf(isRedis(context, "vod.rate-limit.backend")),
                DEFAULT_ACTIVE, String.valueOf(isRedis(context, "vod.auth.nonce-store"))),
                "vod-gateway Redis clients in use", 50));
    }

    private static boolean isRedis(ConfigSourceContext context, String property) {
        ConfigValue value = context.getValue(property);
        return value != null && value.getValue() != null
                && value.getValue().trim().toLowerCase(Locale.ROOT).equals("redis");
    }
}
