package io.openvod.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.Version;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The S3 client's Netty is Quarkus's: the AWS SDK BOM is imported after Quarkus's (pom.xml), so every Netty module on
 * the class path, those only the SDK uses (HTTP/2 codec) included, has the one version Vert.x runs on.
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
