package io.openvod.gateway.auth;

import io.openvod.gateway.core.envelope.ApiError;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Nonces shared by every gateway instance: one {@code SET key 1 NX PX ttl} per request, atomic on the Redis
 * server, so two instances receiving the same replayed request cannot both accept it. The key lives until the
 * request's own timestamp plus the skew, the last moment a request carrying it can be accepted. If Redis cannot
 * answer, the request is refused (503): accepting it would silently re-open replays.
 * <p>
 * Redis itself must not evict these keys before they expire: {@link #checkEvictionPolicy()} warns at start when
 * {@code maxmemory-policy} is anything but {@code noeviction} (the {@code volatile-*} policies evict exactly keys
 * with a TTL, such as these).
 */
public final class RedisNonceStore implements NonceStore {

    static final String PREFIX = "vod:nonce:";
    private static final Logger LOG = Logger.getLogger(RedisNonceStore.class);

    private final ReactiveRedisDataSource redis;
    private final long skewMillis;
    private final LongSupplier clockMillis;

    public RedisNonceStore(ReactiveRedisDataSource redis, Duration skew) {
        this(redis, skew, System::currentTimeMillis);
    }

    RedisNonceStore(ReactiveRedisDataSource redis, Duration skew, LongSupplier clockMillis) {
        this.redis = redis;
        this.skewMillis = skew.toMillis();
        this.clockMillis = clockMillis;
    }

    @Override
    public Uni<Boolean> firstUse(String accessKeyId, String nonce, Instant timestamp) {
        String key = PREFIX + accessKeyId + ":" + nonce;
        // PX rather than PXAT: the same rule, and it works on Redis before 6.2.
        long ttl = Math.max(1, timestamp.toEpochMilli() + skewMillis - clockMillis.getAsLong());
        return redis.execute("SET", key, "1", "NX", "PX", Long.toString(ttl))
                .map(reply -> reply != null)
                .onFailure().transform(failure -> {
                    LOG.warnf("Nonce store unavailable: %s", failure.toString());
                    return ApiError.serviceUnavailable().exception();
                });
    }

    /**
     * One log line at start if Redis may evict nonce keys before they expire (a replay would then be accepted), or
     * if the policy cannot be read (managed services often disable CONFIG).
     *
     * @return the policy, or null if it could not be read
     */
    public Uni<String> checkEvictionPolicy() {
        return redis.execute("CONFIG", "GET", "maxmemory-policy")
                .map(RedisNonceStore::policy)
                .invoke(policy -> {
                    if (!"noeviction".equals(policy)) {
                        LOG.warnf("Redis maxmemory-policy is %s: once Redis reaches maxmemory it may evict "
                                + "SignatureNonces before they expire and let a replay through; set it to noeviction",
                                policy);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Could not read Redis maxmemory-policy (%s): make sure it is noeviction, or replays may "
                            + "be accepted once Redis is full", failure.toString());
                    return null;
                });
    }

    private static String policy(Response reply) {
        if (reply == null) {
            return "unknown";
        }
        // RESP3 answers a map {name: value}, RESP2 an array [name, value].
        for (String key : reply.getKeys()) {
            return reply.get(key).toString();
        }
        return reply.size() >= 2 ? reply.get(1).toString() : "unknown";
    }
}
