package io.openvod.gateway.account;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "vod.admin")
public interface AdminConfig {

    /** Bearer token of the admin API. No default: without it the admin API is not served at all. */
    Optional<String> token();
}
