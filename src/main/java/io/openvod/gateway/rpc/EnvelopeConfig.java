package io.openvod.gateway.rpc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "vod.envelope")
public interface EnvelopeConfig {

    /** {@code HostId} in error bodies. Unset: the Host header of the request, as the endpoint the caller used. */
    Optional<String> hostId();

    /**
     * {@code Recommend} link in error bodies; {@code {host}} (the Host the caller used), {@code {code}} and
     * {@code {requestId}} are substituted. The default is this gateway's own table of error codes (docs/errors.md,
     * served at /errors.md): Alibaba's troubleshooter knows nothing of this gateway's request ids. Alibaba's link
     * stays available: {@code https://api.aliyun.com/troubleshoot?q={code}&product=vod&requestId={requestId}}.
     * Set to {@code none} to leave the field out.
     */
    @WithDefault("http://{host}/errors.md")
    String recommendUrl();
}
