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

    /**
     * Most nonces the local store remembers at once. Each is kept until its request's timestamp plus the skew;
     * nothing is dropped earlier, so beyond the bound new calls are refused with 503 (fail closed).
     */
    @WithDefault("2000000")
    long nonceLocalMaxEntries();

    enum NonceStoreKind {
        LOCAL, REDIS
    }
}
