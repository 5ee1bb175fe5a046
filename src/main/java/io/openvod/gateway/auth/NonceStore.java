package io.openvod.gateway.auth;

import io.smallrye.mutiny.Uni;

/** Remembers the SignatureNonces seen per AccessKeyId, so a captured request cannot be replayed. */
public interface NonceStore {

    /**
     * Records a nonce for the store's lifetime ({@link AuthConfig#nonceLifetime()}).
     *
     * @return true if it had not been seen within its lifetime, false for a replay
     */
    Uni<Boolean> firstUse(String accessKeyId, String nonce);
}
