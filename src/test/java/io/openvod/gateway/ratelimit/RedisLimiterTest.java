package io.openvod.gateway.ratelimit;
import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lua token bucket against the real Redis (keys under a prefix of their own). */
class RedisLimiterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Vertx vertx;
    private Redis redis;
    private RedisLimiter bucket;
    private final BucketKey key = new BucketKey(42, "RegisterMedia");

    @BeforeEach
    void connect() {
        vertx = Vertx.vertx();
        redis = client("redis://127.0.0.1:6379");
        bucket = new RedisLimiter(redis, "vod:rl:unit:" + UUID.randomUUID() + ":");
    }

    @AfterEach
    void disconnect() {
        redis.close();
        vertx.closeAndAwait();
    }

    @Test
    void fullBucketAllowsOneSecondOfCallsThenRefusesWithTheWaitForOneToken() {
        Rate rate = new Rate(10);
        for (int i = 0; i < 10; i++) {
            assertThat(acquire(bucket, rate).allowed()).as("call %d", i).isTrue();
        }
        Decision refused = acquire(bucket, rate);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).isBetween(1L, 100L);
    }

    @Test
    void bucketRefillsAtTheRateByRedisClock() throws InterruptedException {
        Rate rate = new Rate(10);
        drain(rate);
        Thread.sleep(350);
        long refilled = IntStream.range(0, 10).filter(i -> acquire(bucket, rate).allowed()).count();
        // 350 ms at 10/s is 3 tokens, plus whatever the calls themselves took.
        assertThat(refilled).isBetween(3L, 5L);
    }

    @Test
    void hundredsOfSimultaneousCallsOnOneKeyTakeTheBucketAndNeverFail() {
        Rate rate = new Rate(100);
        long start = System.nanoTime();
        List<Decision> decisions = Uni.join()
                .all(IntStream.range(0, 500).mapToObj(i -> bucket.tryAcquire(key, rate)).toList())
                .andFailFast().await().atMost(WAIT);
        double seconds = (System.nanoTime() - start) / 1e9;

        long allowed = decisions.stream().filter(Decision::allowed).count();
        assertThat(allowed).isBetween(100L, (long) (100 + 100 * seconds));
    }

    @Test
    void bucketKeyExpiresOnceItWouldBeFullAgain() {
        Rate rate = new Rate(10);
        acquire(bucket, rate);
        long ttl = redis.send(Request.cmd(Command.PTTL).arg(bucket.redisKey(key))).await().atMost(WAIT).toLong();
        assertThat(ttl).isBetween(1L, 2000L);
    }

    @Test
    void redisThatLostTheScriptIsSentItAgain() throws Exception {
        int port = freePort();
        Process server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--save", "",
                "--appendonly", "no", "--bind", "127.0.0.1").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Redis own = client("redis://127.0.0.1:" + port);
        try {
            RedisLimiter fresh = new RedisLimiter(own, "vod:rl:");
            awaitPing(own);
            assertThat(acquire(fresh, new Rate(2)).allowed()).isTrue();
            own.send(Request.cmd(Command.SCRIPT).arg("FLUSH")).await().atMost(WAIT);
            assertThat(acquire(fresh, new Rate(2)).allowed()).isTrue();
            assertThat(acquire(fresh, new Rate(2)).allowed()).isFalse();
        } finally {
            own.close();
            server.destroy();
            server.waitFor();
        }
    }

    private Redis client(String url) {
        return Redis.createClient(vertx, new RedisOptions().setConnectionString(url)
                .setMaxPoolSize(16).setMaxPoolWaiting(4096));
    }

    private Decision acquire(RedisLimiter target, Rate rate) {
        return target.tryAcquire(key, rate).await().atMost(WAIT);
    }

    private void drain(Rate rate) {
        while (acquire(bucket, rate).allowed()) {
            // Take every token left.
        }
    }

    private static void awaitPing(Redis target) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                target.send(Request.cmd(Command.PING)).await().atMost(Duration.ofSeconds(1));
                return;
            } catch (RuntimeException notYetUp) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("private redis-server did not start");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
