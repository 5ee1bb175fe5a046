package io.openvod.gateway.sdk;

import org.eclipse.microprofile.config.ConfigProvider;

/** The only thing an SDK is told about us: host and port of the running test gateway, over plain HTTP. */
final class SdkEndpoint {

    private SdkEndpoint() {
    }

    static String hostAndPort() {
        return "127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }
}
