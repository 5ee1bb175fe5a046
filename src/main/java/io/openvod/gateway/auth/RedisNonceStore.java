package io.openvod.gateway.auth;

import io.openvod.gateway.core.envelope.ApiError;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Nonces shared by every gateway instance: one {@code SET key 1 NX PX ttl} per request, atomic on the Redis
 * server, so two instances receiving the same replayed request cannot both accept it. If Redis cannot answer,
 * the request is refused (503): accepting it would silently re-open replays.
 */
public final class RedisNonceStore implements NonceStore {

    static final String PREFIX = "vod:nonce:";
    private static final Logger LOG = Logger.getLogger(RedisNonceStore.class);

    private final ReactiveRedisDataSource redis;
    private final String lifetimeMillis;

    public RedisNonceStore(ReactiveRedisDataSource redis, Duration lifetime) {
        this.redis = redis;
        this.lifetimeMillis = Long.toString(lifetime.toMillis());
    }

    @Override
    public Uni<Boolean> firstUse(String accessKeyId, String nonce) {
        String key = PREFIX + accessKeyId + ":" + nonce;
        return redis.execute("SET", key, "1", "NX", "PX", lifetimeMillis)
                .map(reply -> reply != null)
                .onFailure().transform(failure -> {
                    LOG.warnf("Nonce store unavailable: %s", failure.toString());
                    return ApiError.serviceUnavailable().exception();
                });
    }
}
