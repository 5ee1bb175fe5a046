package io.openvod.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The accuracy bound on one instance, over real HTTP with many calls in flight. */
@QuarkusTest
class LocalAccuracyTest {

    private static final int LIMIT = 20;

    @Inject
    TestAccounts accounts;

    @TestHTTPResource("/")
    URI base;

    @Test
    void accountAtFiveTimesItsLimitGetsTheBucketsWorthAndItsNeighbourIsUnaffected() throws Exception {
        TestAccount hammering = accounts.create(LIMIT);
        TestAccount neighbour = accounts.create(LIMIT);
        PacedLoad load = new PacedLoad(base);
        try {
            // Open connections and warm the path first: calls queued behind a cold start would reach the limiter in
            // one late burst, and a bucket cannot store the refill it missed while full.
            load.run(accounts.create(), 100, Duration.ofSeconds(1));
            CompletableFuture<PacedLoad.Result> quiet = load.start(neighbour, LIMIT / 2, Duration.ofSeconds(3));
            PacedLoad.Result hammer = load.run(hammering, 5 * LIMIT, Duration.ofSeconds(3));
            PacedLoad.Result calm = quiet.join();
            System.out.printf("5x %d/s: %s%nneighbour: %s%n", LIMIT, hammer, calm);

            assertThat(hammer.other()).as("answers other than 200 or Throttling.User: %s", hammer.otherSamples())
                    .isZero();
            // Upper bound: a full bucket plus what refills until the last answer.
            assertThat(hammer.accepted()).isLessThanOrEqualTo((int) (LIMIT + LIMIT * hammer.totalSeconds()));
            // No false refusals: at least 95% of a full bucket plus what refilled while calls kept coming.
            assertThat(hammer.accepted()).isGreaterThanOrEqualTo((int) (0.95 * (LIMIT + LIMIT * hammer.sendingSeconds())));
            assertThat(hammer.throttled()).isPositive();

            assertThat(calm.other()).as("neighbour's odd answers: %s", calm.otherSamples()).isZero();
            assertThat(calm.throttled()).isZero();
            assertThat(calm.accepted()).isEqualTo(calm.sent());
        } finally {
            load.close();
        }
    }
}
