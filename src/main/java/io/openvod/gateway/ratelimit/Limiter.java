package io.openvod.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * Takes one token from a bucket, or says how long until there is one. Exactly one is in use, chosen by
 * configuration in {@link Limiters}: in memory, in Redis with a local fallback, or none at all. Each brings its own
 * meters and health data, so nothing else needs to know which one it is.
 */
public interface Limiter extends MeterBinder {

    Uni<Decision> tryAcquire(BucketKey key, Rate rate);

    /** {@code local}, {@code redis} or {@code off}: the {@code backend} tag of the decision counters. */
    String backend();

    /** What readiness reports about this backend beyond its name. */
    default Map<String, Object> status() {
        return Map.of();
    }

    @Override
    default void bindTo(MeterRegistry registry) {
        // most backends have no meters of their own
    }
}
