package io.openvod.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "vod.auth")
public interface AuthConfig {

    /** How far {@code Timestamp} / {@code x-acs-date} may be from the server clock, either way. */
    @WithDefault("15M")
    Duration timestampSkew();

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
