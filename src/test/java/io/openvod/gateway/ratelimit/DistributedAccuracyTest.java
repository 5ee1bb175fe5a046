package io.openvod.gateway.ratelimit;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.TcpProxy;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Two limiters sharing one Redis, the same account hammering both: the gateway over HTTP, and a second limiter
 * with its own Vert.x and Redis connection standing in for a second replica. The limit holds for their total.
 */
@QuarkusTest
@TestProfile(RedisBackendProfile.class)
class DistributedAccuracyTest {

    private static final int LIMIT = 20;
    private static final Duration RUN = Duration.ofSeconds(3);

    @Inject
    TestAccounts accounts;

    @Inject
    RateLimitConfig config;

    @Inject
    Limiter limiter;

    @TestHTTPResource("/")
    URI base;

    TcpProxy proxy;

    @Test
    void accountHammeringTwoReplicasGetsOneBucketsWorthInTotal() throws Exception {
        proxy.restore();
        awaitRedisDeciding();
        TestAccount account = accounts.create(LIMIT);
        Vertx otherVertx = Vertx.vertx();
        Redis otherConnection = Redis.createClient(otherVertx, new RedisOptions()
                .setConnectionString("redis://127.0.0.1:6379").setMaxPoolSize(8).setMaxPoolWaiting(4096));
        RedisLimiter otherReplica = new RedisLimiter(otherConnection, config.redis().keyPrefix());
        PacedLoad load = new PacedLoad(base);
        try {
            load.run(accounts.create(), 100, Duration.ofSeconds(1));

            long fallbacksBefore = ((FailoverLimiter) limiter).fallbackDecisions();
            long start = System.nanoTime();
            CompletableFuture<PacedLoad.Result> viaGateway = load.start(account, 5 * LIMIT, RUN);
            int viaOther = hammer(otherReplica, new BucketKey(account.id(), "RegisterMedia"), 5 * LIMIT);
            PacedLoad.Result gateway = viaGateway.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            int total = gateway.accepted() + viaOther;
            System.out.printf("gateway %s, other replica accepted %d, total %d in %.2f s%n", gateway, viaOther, total,
                    seconds);

            assertThat(((FailoverLimiter) limiter).fallbackDecisions() - fallbacksBefore)
                    .as("calls decided locally because Redis timed out; the shared bound only holds for Redis decisions")
                    .isZero();
            assertThat(gateway.other()).as("%s", gateway.otherSamples()).isZero();
            assertThat(gateway.accepted()).isPositive();
            assertThat(viaOther).isPositive();
            assertThat(total).isLessThanOrEqualTo((int) (LIMIT + LIMIT * seconds));
            assertThat(total).isGreaterThanOrEqualTo((int) (0.95 * (LIMIT + LIMIT * gateway.sendingSeconds())));
        } finally {
            load.close();
            otherConnection.close();
            otherVertx.closeAndAwait();
        }
    }

    /** Another test of this profile may have left the breaker open; it only closes on calls. */
    private void awaitRedisDeciding() throws InterruptedException {
        BucketKey probe = new BucketKey(-1, "Probe");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (((FailoverLimiter) limiter).fallbackActive()) {
            assertThat(System.nanoTime()).as("breaker still open").isLessThan(deadline);
            limiter.tryAcquire(probe, new Rate(1000)).await().atMost(Duration.ofSeconds(5));
            Thread.sleep(100);
        }
    }

    /** The second replica's traffic: paced calls, each sent without waiting for the previous answers. */
    private static int hammer(RedisLimiter replica, BucketKey key, int perSecond) {
        Rate rate = new Rate(LIMIT);
        long interval = 1_000_000_000L / perSecond;
        int calls = (int) (RUN.toNanos() / interval);
        AtomicInteger allowed = new AtomicInteger();
        List<Uni<Void>> inFlight = new ArrayList<>(calls);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Uni<Void> call = replica.tryAcquire(key, rate)
                    .invoke(decision -> {
                        if (decision.allowed()) {
                            allowed.incrementAndGet();
                        }
                    })
                    .replaceWithVoid().memoize().indefinitely();
            call.subscribe().with(ignored -> { }, failure -> { });
            inFlight.add(call);
        }
        Uni.join().all(inFlight).andFailFast().await().atMost(Duration.ofSeconds(10));
        return allowed.get();
    }
}
