package io.openvod.gateway.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The shared token bucket: one {@code EVALSHA} of {@code ratelimit/token-bucket.lua} per call, so the limit holds
 * across every gateway using the same Redis. When Redis has not seen the script yet (restart, failover, SCRIPT
 * FLUSH) it answers NOSCRIPT and the call is repeated once with the script itself, which also caches it.
 * <p>
 * It fails when Redis fails: {@link FailoverLimiter} wraps it with a timeout, a circuit breaker and a local
 * fallback. It uses its own Redis client ({@code quarkus.redis.ratelimit.*}) so it can be pointed and sized apart.
 */
final class RedisLimiter implements Limiter {

    static final String CLIENT = "ratelimit";
    static final String SCRIPT_RESOURCE = "ratelimit/token-bucket.lua";

    private final Redis redis;
    private final String keyPrefix;
    private final String script;
    private final String sha;

    RedisLimiter(Redis redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.script = loadScript();
        this.sha = sha1Hex(script);
    }

    @Override
    public Uni<Decision> tryAcquire(BucketKey key, Rate rate) {
        String redisKey = redisKey(key);
        return redis.send(call(Command.EVALSHA, sha, redisKey, rate))
                .onFailure(RedisLimiter::isNoScript)
                .recoverWithUni(() -> redis.send(call(Command.EVAL, script, redisKey, rate)))
                .map(RedisLimiter::decision);
    }

    @Override
    public String backend() {
        return "redis";
    }

    /** The hash tag keeps all of an account's buckets on one slot of a Redis Cluster. */
    String redisKey(BucketKey key) {
        return keyPrefix + "{" + key.accountId() + "}:" + key.action();
    }

    private static Request call(Command command, String scriptOrSha, String redisKey, Rate rate) {
        return Request.cmd(command).arg(scriptOrSha).arg(1).arg(redisKey).arg(rate.capacity()).arg(rate.perSecond());
    }

    private static Decision decision(Response response) {
        return response.get(0).toInteger() == 1 ? Decision.allow() : Decision.refuse(response.get(1).toLong());
    }

    private static boolean isNoScript(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.startsWith("NOSCRIPT");
    }

    private static String loadScript() {
        try (InputStream in = RedisLimiter.class.getClassLoader().getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
