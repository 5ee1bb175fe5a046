package io.openvod.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision of the in-memory backend (bucket4j behind a Caffeine map): for a hot account, almost every call is
 * refused; for an account far below its limit, every call is allowed. Replaces the micro-measurement that used to be
 * a test (ThrottledPathMeasurement).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocalLimiterBenchmark {

    private final LocalLimiter limiter = new LocalLimiter(100_000, Duration.ofMinutes(1));
    private final BucketKey hot = new BucketKey(1, "RegisterMedia");
    private final BucketKey quiet = new BucketKey(2, "RegisterMedia");
    private final Rate fifty = new Rate(50);
    private final Rate huge = new Rate(1_000_000_000);

    @Benchmark
    public Decision refusedDecision() {
        return limiter.decide(hot, fifty);
    }

    @Benchmark
    public Decision allowedDecision() {
        return limiter.decide(quiet, huge);
    }
}
