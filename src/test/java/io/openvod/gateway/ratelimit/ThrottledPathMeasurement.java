package io.openvod.gateway.ratelimit;

import io.openvod.gateway.ratelimit.limiter.BucketKey;
import io.openvod.gateway.ratelimit.limiter.Rate;
import io.openvod.gateway.ratelimit.local.LocalBuckets;
import io.openvod.gateway.ratelimit.redis.RedisTokenBucket;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: a micro-measurement of what a refused call costs, printed for the README. Run with
 * {@code DB_NAME=... ./mvnw -B -q test -Dtest=ThrottledPathMeasurement -Dmeasure=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "measure", matches = "true")
class ThrottledPathMeasurement {

    @Inject
    TestAccounts accounts;

    @TestHTTPResource("/")
    URI base;

    @Test
    void measure() throws Exception {
        localDecision();
        redisDecision();
        overHttp();
    }

    private void localDecision() {
        LocalBuckets buckets = new LocalBuckets(100_000, Duration.ofMinutes(1));
        BucketKey key = new BucketKey(1, "RegisterMedia");
        Rate rate = new Rate(50);
        int refused = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            int n = 5_000_000;
            for (int i = 0; i < n; i++) {
                refused += buckets.tryAcquire(key, rate).allowed() ? 0 : 1;
            }
            System.out.printf("MEASURE local bucket decision (mostly refused): %.0f ns/call%n",
                    (System.nanoTime() - start) / (double) n);
        }
        System.out.println("MEASURE (refused " + refused + ")");
    }

    private void redisDecision() {
        Vertx vertx = Vertx.vertx();
        Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379"));
        try {
            RedisTokenBucket bucket = new RedisTokenBucket(redis, "vod:rl:measure:" + UUID.randomUUID() + ":");
            BucketKey key = new BucketKey(1, "RegisterMedia");
            Rate rate = new Rate(50);
            long[] micros = new long[5000];
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                bucket.tryAcquire(key, rate).await().atMost(Duration.ofSeconds(5));
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            print("Redis script decision, sequential", micros);
        } finally {
            redis.close();
            vertx.closeAndAwait();
        }
    }

    private void overHttp() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        TestAccount limited = accounts.create(1);
        TestAccount unlimited = accounts.create(1_000_000);
        for (int round = 0; round < 2; round++) {
            print("HTTP RegisterMedia refused (Throttling.User)", times(http, () -> uri(limited, "same.mp4"), 2000, 400));
            print("HTTP RegisterMedia accepted (existing FileURL)", times(http, () -> uri(unlimited, "same.mp4"), 2000, 200));
        }
    }

    /** Each call is signed afresh (a nonce may be used once), outside the timed part. */
    private static long[] times(HttpClient http, Supplier<URI> uris, int n, int expectedStatus) throws Exception {
        long[] micros = new long[n];
        int other = 0;
        for (int i = 0; i < n; i++) {
            HttpRequest request = HttpRequest.newBuilder(uris.get()).GET().build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            micros[i] = (System.nanoTime() - start) / 1000;
            other += response.statusCode() == expectedStatus ? 0 : 1;
        }
        // At 1 call per second the limited account gets one call through each second: a handful, not the point.
        System.out.printf("MEASURE (%d of %d answered other than %d)%n", other, n, expectedStatus);
        return micros;
    }

    private URI uri(TestAccount account, String key) {
        return base.resolve("/?" + Rpc.registerMedia(account, Metadatas.of(account.fileUrl(key))).signedQueryString("GET"));
    }

    private static void print(String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("MEASURE %s: n=%d p50=%d us p90=%d us p99=%d us%n", what, sorted.length,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)], sorted[(int) (sorted.length * 0.99)]);
    }
}
