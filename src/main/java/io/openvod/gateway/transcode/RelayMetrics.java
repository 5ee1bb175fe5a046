package io.openvod.gateway.transcode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The relay's meters, and the backlog it last saw (also shown in readiness). */
final class RelayMetrics {

    private final Counter published;
    private final Counter unconfirmed;
    private final Timer lag;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestMillis = new AtomicLong();

    RelayMetrics(MeterRegistry registry) {
        published = Counter.builder("vod_transcode_relay_published_total")
                .description("Jobs published to the broker and confirmed by it").register(registry);
        unconfirmed = Counter.builder("vod_transcode_relay_unconfirmed_total")
                .description("Jobs published without a confirmation (broker down or slow); each may be delivered twice")
                .register(registry);
        lag = Timer.builder("vod_transcode_relay_lag")
                .description("From a job's registration to the broker's confirmation")
                .publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("vod_transcode_backlog_jobs", backlog, AtomicLong::get)
                .description("Jobs waiting in the outbox (status Pending)").register(registry);
        Gauge.builder("vod_transcode_oldest_pending_seconds", oldestMillis, m -> m.get() / 1000.0)
                .description("Age of the oldest Pending job").register(registry);
    }

    void published(double ageSeconds) {
        published.increment();
        lag.record(Duration.ofMillis((long) (ageSeconds * 1000)));
    }

    void unconfirmed(int jobs) {
        unconfirmed.increment(jobs);
    }

    void backlog(long jobs, double oldestSeconds) {
        backlog.set(jobs);
        oldestMillis.set((long) (oldestSeconds * 1000));
    }

    long backlog() {
        return backlog.get();
    }

    double oldestPendingSeconds() {
        return oldestMillis.get() / 1000.0;
    }
}
