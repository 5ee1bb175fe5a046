package io.openvod.gateway.ratelimit;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends RegisterMedia calls for one account over real HTTP at a steady rate, without waiting for answers, so many
 * calls are in flight at once on many connections (an open model: a slow answer does not slow the sender).
 */
public final class PacedLoad {

    /** What came back. {@code sendingSeconds}: first to last send; {@code totalSeconds}: first send to last answer. */
    public record Result(int accepted, int throttled, int other, List<String> otherSamples, double sendingSeconds,
            double totalSeconds) {

        public int sent() {
            return accepted + throttled + other;
        }
    }

    private final URI base;
    private final HttpClient http;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4);

    public PacedLoad(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Starts the load on its own thread; {@code join()} the future for the result. */
    public CompletableFuture<Result> start(TestAccount account, int perSecond, Duration duration) {
        return CompletableFuture.supplyAsync(() -> run(account, perSecond, duration));
    }

    public Result run(TestAccount account, int perSecond, Duration duration) {
        long interval = 1_000_000_000L / perSecond;
        int total = (int) (duration.toNanos() / interval);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger throttled = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        List<String> samples = new ArrayList<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime();
        long lastSend = start;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            lastSend = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(uri(account)).timeout(Duration.ofSeconds(20)).GET().build();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                if (failure == null && response.statusCode() == 200) {
                    accepted.incrementAndGet();
                } else if (failure == null && response.statusCode() == 400
                        && response.body().contains("\"Code\":\"Throttling.User\"")) {
                    throttled.incrementAndGet();
                } else {
                    other.incrementAndGet();
                    synchronized (samples) {
                        if (samples.size() < 5) {
                            samples.add(failure != null ? failure.toString()
                                    : response.statusCode() + " " + response.body());
                        }
                    }
                }
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        long end = System.nanoTime();
        return new Result(accepted.get(), throttled.get(), other.get(), List.copyOf(samples),
                (lastSend - start) / 1e9, (end - start) / 1e9);
    }

    public void close() throws InterruptedException {
        callbacks.shutdown();
        callbacks.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** A freshly signed call: each one needs its own nonce. */
    private URI uri(TestAccount account) {
        String metadatas = Metadatas.of(account.fileUrl("load/same.mp4"));
        return base.resolve("/?" + Rpc.registerMedia(account, metadatas).signedQueryString("GET"));
    }
}
