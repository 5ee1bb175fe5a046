package io.openvod.gateway.callback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.gateway.core.callback.Backoff;
import io.openvod.gateway.core.callback.CallbackAddressRules;
import io.openvod.gateway.core.callback.CallbackSignature;
import io.openvod.gateway.core.callback.CallbackUrl;
import io.openvod.gateway.database.SqlFiles;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Delivers the callback outbox. Its thread leases due events, checks each URL (syntax, then every address its host
 * resolves to, {@link CallbackAddressRules}), signs it when the account has an auth key, and sends the batch at
 * once; it waits for the answers on its own thread, never on an event loop. A 2xx is delivered; anything else is
 * retried with exponential backoff until the maximum age, then the event is dead (metrics, admin API). A URL or
 * address that is refused is dead at once: it would be refused again.
 */
@ApplicationScoped
public class CallbackDispatcher {

    private static final Logger LOG = Logger.getLogger(CallbackDispatcher.class);
    private static final String CLAIM = SqlFiles.read("callback/claim-due.sql");
    private static final String DELIVERED = SqlFiles.read("callback/delivered.sql");
    private static final String FAILED = SqlFiles.read("callback/failed.sql");
    private static final String COUNTS = SqlFiles.read("callback/counts.sql");
    private static final Duration STEP = Duration.ofSeconds(10);

    private final CallbackConfig config;
    private final Vertx vertx;
    private final Pool pool;
    private final CallbackAddressRules rules;
    private final Backoff backoff;
    private final Map<String, Counter> results;
    private final AtomicLong dead = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private CallbackSender sender;

    CallbackDispatcher(CallbackConfig config, Vertx vertx, Pool pool, MeterRegistry registry) {
        this.config = config;
        this.vertx = vertx;
        this.pool = pool;
        this.rules = CallbackAddressRules.allowing(config.allowedAddresses().orElse(List.of()));
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.results = Map.of("delivered", result(registry, "delivered"), "failed", result(registry, "failed"),
                "dead", result(registry, "dead"), "refused", result(registry, "refused"));
        Gauge.builder("vod_callback_dead_events", dead, AtomicLong::get)
                .description("Events given up on (list and redeliver them through the admin API)").register(registry);
        Gauge.builder("vod_callback_pending_events", pending, AtomicLong::get)
                .description("Events waiting for delivery or a retry").register(registry);
    }

    private static Counter result(MeterRegistry registry, String result) {
        return Counter.builder("vod_callback_attempts_total").tag("result", result)
                .description("Callback attempts: delivered, failed (retried), dead (failed past the maximum age), "
                        + "refused (URL or address not allowed; dead at once)").register(registry);
    }

    void start(@Observes @Priority(100) StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        sender = new CallbackSender(vertx, config);
        running = true;
        thread = new Thread(this::loop, "vod-callback-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
            sender.close();
        }
    }

    private void loop() {
        while (running) {
            try {
                while (running && dispatchBatch() == config.batchSize()) {
                    // a full batch: more may be due
                }
                readCounts();
            } catch (Exception e) {
                LOG.warnf("Callback dispatch failed (%s); retrying", e.getMessage());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private int dispatchBatch() throws Exception {
        long lease = config.timeout().toMillis() * 2 + 10_000;
        List<Row> due = new ArrayList<>();
        pool.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize(), lease)).await().atMost(STEP).forEach(due::add);
        List<CompletableFuture<Runnable>> attempts = new ArrayList<>();
        for (Row event : due) {
            attempts.add(attempt(event));
        }
        CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new))
                .get(config.timeout().toMillis() + STEP.toMillis(), TimeUnit.MILLISECONDS);
        // outcomes are written here, on this thread: the answers complete on an event loop, which must not block
        for (CompletableFuture<Runnable> attempt : attempts) {
            attempt.get().run();
        }
        return due.size();
    }

    private CompletableFuture<Runnable> attempt(Row event) {
        long id = event.getLong("id");
        int attemptsBefore = event.getInteger("attempts");
        Optional<CallbackUrl> url = CallbackUrl.parse(event.getString("url"));
        if (url.isEmpty()) {
            return CompletableFuture.completedFuture(() -> refused(id, "the callback URL is not a valid http(s) URL"));
        }
        InetAddress address;
        try {
            address = checkedAddress(url.get());
        } catch (Refused e) {
            return CompletableFuture.completedFuture(() -> refused(id, e.getMessage()));
        } catch (UnknownHostException e) {
            return CompletableFuture.completedFuture(() -> failed(id, attemptsBefore, "unknown host"));
        }
        return sender.post(url.get(), address, event.getString("payload"), headers(url.get(), event))
                .toCompletionStage().toCompletableFuture()
                .<Runnable>handle((status, failure) -> {
                    if (failure == null && status >= 200 && status < 300) {
                        return () -> delivered(id);
                    }
                    String why = failure == null ? "HTTP " + status : failure.getClass().getSimpleName() + ": "
                            + failure.getMessage();
                    return () -> failed(id, attemptsBefore, why);
                });
    }

    /** Every address the host resolves to must be allowed; the first is the one connected to. */
    private InetAddress checkedAddress(CallbackUrl url) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(url.host());
        for (InetAddress address : addresses) {
            Optional<String> refusal = rules.refusal(address);
            if (refusal.isPresent()) {
                throw new Refused(url.host() + ": " + refusal.get());
            }
        }
        return addresses[0];
    }

    private static Map<String, String> headers(CallbackUrl url, Row event) {
        String key = event.getString("auth_key");
        if (key == null || key.isEmpty()) {
            return Map.of();
        }
        long timestamp = System.currentTimeMillis() / 1000;
        return Map.of(CallbackSignature.TIMESTAMP_HEADER, String.valueOf(timestamp),
                CallbackSignature.SIGNATURE_HEADER, CallbackSignature.sign(url.text(), timestamp, key));
    }

    private void delivered(long id) {
        pool.preparedQuery(DELIVERED).execute(Tuple.of(id)).await().atMost(STEP);
        results.get("delivered").increment();
    }

    private void failed(long id, int attemptsBefore, String why) {
        String status = record(id, why, backoff.after(attemptsBefore + 1), false);
        results.get("Dead".equals(status) ? "dead" : "failed").increment();
        if ("Dead".equals(status)) {
            LOG.warnf("Callback event %d is dead after %d attempts: %s", id, attemptsBefore + 1, why);
        }
    }

    private void refused(long id, String why) {
        record(id, "refused: " + why, Duration.ZERO, true);
        results.get("refused").increment();
        LOG.warnf("Callback event %d refused: %s", id, why);
    }

    private String record(long id, String why, Duration retryAfter, boolean permanent) {
        return pool.preparedQuery(FAILED).execute(Tuple.of(id, why, retryAfter.toMillis(), config.maxAge().toMillis(),
                permanent)).await().atMost(STEP).iterator().next().getString("status");
    }

    private void readCounts() {
        Row row = pool.query(COUNTS).execute().await().atMost(STEP).iterator().next();
        dead.set(row.getLong("dead"));
        pending.set(row.getLong("pending"));
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
