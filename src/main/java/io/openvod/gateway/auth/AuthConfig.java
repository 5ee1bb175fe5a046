package io.openvod.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "vod.auth")
public interface AuthConfig {

    /** How far {@code Timestamp} / {@code x-acs-date} may be from the server clock, either way. */
    @WithDefault("15M")
    Duration timestampSkew();

    /**
     * How long a used nonce is remembered: as long as a request carrying it can still pass the timestamp check, which
     * accepts timestamps up to the skew either side of now.
     */
    default Duration nonceLifetime() {
        return timestampSkew().multipliedBy(2);
    }

    /** Where used SignatureNonces are remembered: {@code local} (one instance) or {@code redis} (several). */
    @WithDefault("local")
    NonceStoreKind nonceStore();

    /** Upper bound of nonces the local store keeps; the oldest are dropped beyond it. */
    @WithDefault("1000000")
    int nonceLocalMaxEntries();

    enum NonceStoreKind {
        LOCAL, REDIS
    }
}
