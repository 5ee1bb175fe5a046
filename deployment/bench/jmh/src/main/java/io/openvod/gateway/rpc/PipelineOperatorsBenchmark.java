package io.openvod.gateway.rpc;

import io.smallrye.mutiny.Uni;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a Mutiny operator costs a call, with items that are already there (a cache hit, a local bucket): the shape of
 * RpcPipeline's chain from the claimed caller to the answer. {@code merged} runs the three steps without I/O of
 * {@code refuseEarlyOrVerify} in one operator, as the pipeline does; {@code separate} gives each its own operator.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineOperatorsBenchmark {

    private final Object claimed = new Object();
    private long refusals;
    private long checks;

    @Benchmark
    public void merged(Blackhole hole) {
        Uni.createFrom().item(claimed)
                .chain(c -> {
                    noteCaller(c);
                    refuseIfKnownEmpty(c);
                    requireWellFormed(c);
                    return verify(c);
                })
                .chain(this::admit)
                .map(caller -> answer(caller))
                .subscribe().with(hole::consume);
    }

    @Benchmark
    public void separate(Blackhole hole) {
        Uni.createFrom().item(claimed)
                .invoke(this::noteCaller)
                .invoke(this::refuseIfKnownEmpty)
                .invoke(this::requireWellFormed)
                .chain(this::verify)
                .chain(this::admit)
                .map(caller -> answer(caller))
                .subscribe().with(hole::consume);
    }

    private void noteCaller(Object c) {
        checks++;
    }

    private void refuseIfKnownEmpty(Object c) {
        if (c == null) {
            refusals++;
        }
    }

    private void requireWellFormed(Object c) {
        checks += c.hashCode() & 1;
    }

    private Uni<Object> verify(Object c) {
        return Uni.createFrom().item(c);
    }

    private Uni<Object> admit(Object c) {
        return Uni.createFrom().item(c);
    }

    private static Object answer(Object caller) {
        return caller;
    }
}
