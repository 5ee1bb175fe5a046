package io.openvod.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import io.openvod.gateway.plumbing.Caches;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Nonces in this JVM only: enough for a single instance and needs no other service. Bounded, so a flood of
 * signed requests cannot exhaust memory; past the bound the oldest entries go first.
 */
public final class LocalNonceStore implements NonceStore {

    private final Cache<String, Boolean> seen;

    public LocalNonceStore(Duration lifetime, int maxEntries) {
        this.seen = Caches.onCallingThread().expireAfterWrite(lifetime).maximumSize(maxEntries).build();
    }

    @Override
    public Uni<Boolean> firstUse(String accessKeyId, String nonce) {
        // The '\n' cannot occur in a decoded AccessKeyId we accept, so keys of two accounts never collide.
        return Uni.createFrom().item(seen.asMap().putIfAbsent(accessKeyId + "\n" + nonce, Boolean.TRUE) == null);
    }
}
