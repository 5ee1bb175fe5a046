package io.openvod.gateway.resilience;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The gateway with its database behind a proxy the test can cut. */
public class PostgresThroughProxyProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresProxyResource.class));
    }
}
