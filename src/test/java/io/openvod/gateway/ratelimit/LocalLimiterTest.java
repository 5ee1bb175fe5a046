package io.openvod.gateway.ratelimit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalLimiterTest {

    private final LocalLimiter buckets = new LocalLimiter(1000, Duration.ofMinutes(1));
    private final BucketKey account1 = new BucketKey(1, "RegisterMedia");

    @Test
    void fullBucketAllowsOneSecondOfCallsThenRefusesWithTheWaitForOneToken() {
        Rate rate = new Rate(20);
        for (int i = 0; i < 20; i++) {
            assertThat(buckets.decide(account1, rate).allowed()).as("call %d", i).isTrue();
        }
        Decision refused = buckets.decide(account1, rate);
        assertThat(refused.allowed()).isFalse();
        // One token of a 20/s bucket takes 50 ms to come back; some of it may already have elapsed.
        assertThat(refused.retryAfterMillis()).isBetween(1L, 50L);
    }

    @Test
    void accountsAndActionsHaveSeparateBuckets() {
        Rate rate = new Rate(1);
        assertThat(buckets.decide(account1, rate).allowed()).isTrue();
        assertThat(buckets.decide(account1, rate).allowed()).isFalse();
        assertThat(buckets.decide(new BucketKey(2, "RegisterMedia"), rate).allowed()).isTrue();
        assertThat(buckets.decide(new BucketKey(1, "OtherAction"), rate).allowed()).isTrue();
    }

    @Test
    void changedRateTakesEffectOnTheNextCall() {
        assertThat(buckets.decide(account1, new Rate(1)).allowed()).isTrue();
        assertThat(buckets.decide(account1, new Rate(1)).allowed()).isFalse();

        int allowedAtNewRate = 0;
        for (int i = 0; i < 10; i++) {
            allowedAtNewRate += buckets.decide(account1, new Rate(5)).allowed() ? 1 : 0;
        }
        assertThat(allowedAtNewRate).isEqualTo(5);
    }

    @Test
    void concurrentCallersNeverTakeMoreThanTheBucketHolds() throws InterruptedException {
        Rate rate = new Rate(1000);
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            pool.execute(() -> {
                if (buckets.decide(account1, rate).allowed()) {
                    allowed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(allowed.get()).isGreaterThanOrEqualTo(1000).isLessThanOrEqualTo((int) (1000 + 1000 * seconds) + 1);
    }

    @Test
    void sizeIsBoundedByMaxBuckets() {
        LocalLimiter small = new LocalLimiter(100, Duration.ofMinutes(1));
        for (int account = 0; account < 1000; account++) {
            small.decide(new BucketKey(account, "RegisterMedia"), new Rate(10));
        }
        small.cleanUp();
        assertThat(small.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void shareOfARateDividesByReplicasButNeverBelowOnePerSecond() {
        assertThat(new Rate(50).share(3).perSecond()).isEqualTo(16);
        assertThat(new Rate(50).share(1).perSecond()).isEqualTo(50);
        assertThat(new Rate(2).share(5).perSecond()).isEqualTo(1);
    }
}
