package io.openvod.gateway.auth;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Remembers the SignatureNonces seen per AccessKeyId, so a captured request cannot be replayed. A nonce is kept as
 * long as a request carrying it can still pass the timestamp check: until its own timestamp plus the allowed skew.
 * A store that cannot promise that refuses the call (503) rather than forget.
 */
public interface NonceStore {

    /**
     * @param timestamp the request's own {@code Timestamp} / {@code x-acs-date}, already checked to be within the
     *                  skew of now
     * @return true if the nonce had not been seen for this key, false for a replay
     * @throws io.openvod.gateway.core.envelope.ApiException ServiceUnavailable (as a failed Uni) when the store
     *         cannot remember it
     */
    Uni<Boolean> firstUse(String accessKeyId, String nonce, Instant timestamp);
}
