package io.openvod.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Nonces in this JVM only: enough for a single instance and needs no other service. Bounded, so a flood of
 * signed requests cannot exhaust memory; past the bound the oldest entries go first.
 */
public final class LocalNonceStore implements NonceStore {

    private final Cache<String, Boolean> seen;

    public LocalNonceStore(Duration ttl, int maxEntries) {
        // Caffeine's upkeep (expiry, eviction) runs on the thread that wrote, a few entries at a time and without
        // blocking. Its default, ForkJoinPool.commonPool(), woke another thread for almost every call: a futex and
        // two context switches per call, measured as a visible share of the gateway's CPU on a small machine.
        this.seen = Caffeine.newBuilder().executor(Runnable::run).expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    @Override
    public Uni<Boolean> firstUse(String accessKeyId, String nonce, Duration ttl) {
        // The '\n' cannot occur in a decoded AccessKeyId we accept, so keys of two accounts never collide.
        return Uni.createFrom().item(seen.asMap().putIfAbsent(accessKeyId + "\n" + nonce, Boolean.TRUE) == null);
    }
}
