package io.openvod.gateway.resilience;

import io.openvod.gateway.support.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Routes the gateway's database connections through a proxy and injects the {@link PostgresOutage} that controls it. */
public class PostgresProxyResource implements QuarkusTestResourceLifecycleManager {

    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy("127.0.0.1", 5432);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("vod.db.port", String.valueOf(proxy.port()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(new PostgresOutage(proxy), new TestInjector.MatchesType(PostgresOutage.class));
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
