package io.openvod.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.Version;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One Netty: the gateway's S3 requests go through Vert.x's HTTP client (storage/S3Heads), and the SDK's own Netty
 * client, which the tests' reference S3 client uses, is not on the gateway's run-time class path (pom.xml). On the
 * tests' class path the AWS SDK BOM is imported after Quarkus's, so every Netty module, those only the SDK uses (HTTP/2
 * codec) included, has the one version Vert.x runs on.
 */
class NettyAlignmentTest {

    @Test
    void everyNettyModuleHasTheVersionVertxUses() {
        Map<String, Version> modules = Version.identify(getClass().getClassLoader());
        String vertxNetty = modules.get("netty-handler").artifactVersion();

        assertThat(modules).containsKeys("netty-codec-http2", "netty-codec-http", "netty-transport");
        assertThat(modules.values().stream().map(Version::artifactVersion).collect(Collectors.toSet()))
                .as("Netty modules by version: %s", modules).containsExactly(vertxNetty);
        assertThat(software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient.class.getProtectionDomain()
                .getCodeSource()).isNotNull();
    }
}
