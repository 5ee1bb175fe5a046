package io.openvod.gateway.ratelimit;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownEmptyBucketsTest {

    private static final long MS = 1_000_000L;
    private static final BucketKey KEY = new BucketKey(7, "RegisterMedia");
    private static final Rate RATE = new Rate(50);

    private final KnownEmptyBuckets buckets = new KnownEmptyBuckets(1000);

    @Test
    void refusedBucketIsEmptyUntilItsRefillLessTheMillisecondItWasRoundedUpBy() {
        buckets.refused(KEY, RATE, 0, 20);

        assertThat(buckets.millisUntilRefill(KEY, RATE, 0)).isEqualTo(19);
        assertThat(buckets.millisUntilRefill(KEY, RATE, 10 * MS + 1)).isEqualTo(9);
        assertThat(buckets.millisUntilRefill(KEY, RATE, 19 * MS)).isZero();
    }

    @Test
    void refillIsCountedFromWhenTheDecisionWasAskedFor() {
        long askedAt = 1_000 * MS;
        buckets.refused(KEY, RATE, askedAt, 20);

        assertThat(buckets.millisUntilRefill(KEY, RATE, askedAt + 5 * MS)).isEqualTo(14);
    }

    @Test
    void bucketNeverRefusedIsNotKnownEmpty() {
        assertThat(buckets.millisUntilRefill(KEY, RATE, 0)).isZero();
    }

    @Test
    void otherActionsAndAccountsAreNotAffected() {
        buckets.refused(KEY, RATE, 0, 20);

        assertThat(buckets.millisUntilRefill(new BucketKey(7, "GetPlayInfo"), RATE, 0)).isZero();
        assertThat(buckets.millisUntilRefill(new BucketKey(8, "RegisterMedia"), RATE, 0)).isZero();
    }

    @Test
    void changedRateMakesTheRefusalIrrelevant() {
        buckets.refused(KEY, RATE, 0, 20);

        assertThat(buckets.millisUntilRefill(KEY, new Rate(1000), 0)).isZero();
    }

    @Test
    void waitOfOneRoundedMillisecondIsNotRemembered() {
        buckets.refused(KEY, RATE, 0, 1);

        assertThat(buckets.millisUntilRefill(KEY, RATE, 0)).isZero();
    }

    @Test
    void rememberedWaitIsCappedAtTheLongestRefillOfOneSecond() {
        buckets.refused(KEY, RATE, 0, 60_000);

        assertThat(buckets.millisUntilRefill(KEY, RATE, 0)).isEqualTo(1000);
    }
}
