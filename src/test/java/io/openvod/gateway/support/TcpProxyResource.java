package io.openvod.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts a {@link TcpProxy} in front of a local server before the gateway starts, points the gateway at it, and
 * injects the proxy into the test's {@code TcpProxy} fields so the test can cut it.
 */
public abstract class TcpProxyResource implements QuarkusTestResourceLifecycleManager {

    private TcpProxy proxy;

    /** The port on 127.0.0.1 the proxy relays to. */
    protected abstract int targetPort();

    /** The configuration that sends the gateway through the proxy. */
    protected abstract Map<String, String> configFor(int proxyPort);

    protected TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy("127.0.0.1", targetPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return configFor(proxy.port());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(TcpProxy.class));
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
