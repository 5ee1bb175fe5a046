package io.openvod.gateway.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code vod_storage_probes_total{result}} and {@code vod_storage_probe_duration_seconds{result}}: every HEAD the
 * gateway sent to an object store (or would have, while its circuit breaker was open), by what it found.
 */
@ApplicationScoped
class StorageMetrics {

    /** found: the object exists; missing: 404; denied: the store refused access; error: unreachable, slow or 5xx. */
    enum Result { FOUND, MISSING, DENIED, ERROR }

    private final Map<Result, Counter> probes = new EnumMap<>(Result.class);
    private final Map<Result, Timer> durations = new EnumMap<>(Result.class);

    StorageMetrics(MeterRegistry registry) {
        for (Result result : Result.values()) {
            String tag = result.name().toLowerCase(java.util.Locale.ROOT);
            probes.put(result, Counter.builder("vod.storage.probes")
                    .description("HEAD requests to object stores by result: found, missing, denied, error")
                    .tag("result", tag).register(registry));
            durations.put(result, Timer.builder("vod.storage.probe.duration")
                    .description("Latency of HEAD requests to object stores, by result")
                    .tag("result", tag).register(registry));
        }
    }

    void record(Result result, long startNanos) {
        probes.get(result).increment();
        durations.get(result).record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
