package io.openvod.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Admin;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** In local mode (the default) the limiter's Redis client is not created: no pool, no gauges, no warning. */
@QuarkusTest
class LocalModeRedisClientTest {

    @Test
    void theRateLimitRedisClientIsNotCreatedInLocalMode() {
        String metrics = Admin.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).doesNotContain("pool_name=\"ratelimit\"");
    }
}
