package io.openvod.gateway.rpc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "vod.envelope")
public interface EnvelopeConfig {

    /** {@code HostId} in error bodies. Unset: the Host header of the request, as the endpoint the caller used. */
    Optional<String> hostId();

    /**
     * {@code Recommend} link in error bodies; {@code {code}} and {@code {requestId}} are substituted.
     * Set to {@code none} to leave the field out.
     */
    @WithDefault("https://api.aliyun.com/troubleshoot?q={code}&product=vod&requestId={requestId}")
    String recommendUrl();
}
