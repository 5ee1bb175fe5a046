package io.openvod.gateway.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "vod.account")
public interface AccountConfig {

    /**
     * Base64 of 32 random bytes; encrypts AccessKey secrets at rest. Required: optional here only so that its
     * absence is reported in a sentence ({@code EncryptionKeyCheck}) rather than by the configuration framework.
     */
    Optional<String> secretEncryptionKey();

    /**
     * Keys used before the current one, base64, comma-separated: they still decrypt, and at start every secret is
     * re-encrypted under the current key. Empty by default.
     */
    Optional<String> previousSecretEncryptionKeys();

    Demo demo();

    AccessKeyCache accessKeyCache();

    interface AccessKeyCache {
        /**
         * How long a replica may keep using a key (and its account's limit) after it was changed through another
         * replica; changes through this replica's admin API apply at once.
         */
        @WithDefault("10S")
        Duration ttl();

        /** Keys held at most; the least recently used are dropped beyond it. */
        @WithDefault("100000")
        long maximumSize();
    }

    interface Demo {
        /** Creates the demo account below at start (idempotent). On in dev mode, off otherwise. */
        @WithDefault("false")
        boolean enabled();

        @WithName("access-key-id")
        @WithDefault("demoAccessKeyId")
        String accessKeyId();

        @WithDefault("demoAccessKeySecret")
        String accessKeySecret();

        @WithDefault("demo-bucket.oss-cn-shanghai.aliyuncs.com")
        String storageLocation();
    }
}
