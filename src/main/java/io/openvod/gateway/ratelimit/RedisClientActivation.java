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
 * {@code vod.rate-limit.backend=redis}. Quarkus creates every named client it knows of at start, and this one is
 * known from {@link Limiters}'s injection point: in local mode it was created for nothing, and its pool gauges
 * collided ("This Gauge has been already registered ... pool.name=ratelimit"). Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}; an explicit
 * {@code quarkus.redis.ratelimit.active} still wins (low ordinal).
 */
public class RedisClientActivation implements ConfigSourceFactory {

    static final String ACTIVE = "quarkus.redis." + RedisLimiter.CLIENT + ".active";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue backend = context.getValue("vod.rate-limit.backend");
        boolean redis = backend != null && backend.getValue() != null
                && backend.getValue().trim().toLowerCase(Locale.ROOT).equals("redis");
        return List.of(new PropertiesConfigSource(Map.of(ACTIVE, String.valueOf(redis)),
                "vod-gateway rate-limit backend", 50));
    }
}
