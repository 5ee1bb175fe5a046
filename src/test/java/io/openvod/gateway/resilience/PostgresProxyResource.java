package io.openvod.gateway.resilience;

import io.openvod.gateway.support.TcpProxyResource;
import java.util.Map;

/** Routes the gateway's database connections through a proxy and injects the {@link PostgresOutage} that controls it. */
public class PostgresProxyResource extends TcpProxyResource {

    @Override
    protected int targetPort() {
        return 5432;
    }

    @Override
    protected Map<String, String> configFor(int proxyPort) {
        // A short statement timeout keeps StatementTimeoutTest quick; the outage test holds with it too.
        return Map.of("vod.db.port", String.valueOf(proxyPort), "vod.db.statement-timeout", "1s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        super.inject(testInjector);
        testInjector.injectIntoFields(new PostgresOutage(proxy()), new TestInjector.MatchesType(PostgresOutage.class));
    }
}
