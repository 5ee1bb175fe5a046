package io.openvod.gateway.ratelimit.limiter;

import io.smallrye.mutiny.Uni;

/** Takes one token from a bucket, or says how long until there is one. */
public interface Limiter {

    Uni<Decision> tryAcquire(BucketKey key, Rate rate);
}
