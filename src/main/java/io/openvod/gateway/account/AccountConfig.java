package io.openvod.gateway.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "vod.account")
public interface AccountConfig {

    /** Base64 of 32 random bytes; encrypts AccessKey secrets at rest. Required in production. */
    String secretEncryptionKey();

    Demo demo();

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
