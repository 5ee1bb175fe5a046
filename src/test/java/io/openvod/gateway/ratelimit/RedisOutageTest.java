package io.openvod.gateway.ratelimit;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TcpProxy;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redis taken away mid-traffic: the gateway keeps answering, limits locally, says so, and goes back to Redis. */
@QuarkusTest
@TestProfile(RedisBackendProfile.class)
class RedisOutageTest {

    private static final int LIMIT = 20;
    private static final int REPLICAS = 2;

    @Inject
    TestAccounts accounts;

    @TestHTTPResource("/")
    URI base;

    /** Health and metrics live on the management interface when it is enabled, on the main port otherwise. */
    @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false")
    boolean managementInterface;

    @TestHTTPResource(value = "/", management = true)
    URI management;

    TcpProxy proxy;

    TestAccount account;

    @BeforeEach
    void redisReachable() throws InterruptedException {
        proxy.restore();
        account = accounts.create(LIMIT);
        awaitDeciding("redis");
    }

    @AfterEach
    void restoreRedis() {
        proxy.restore();
    }

    @Test
    void droppedRedisFallsBackToTheReplicaShareWithoutServerErrors() throws Exception {
        proxy.cut();
        PacedLoad.Result result = load(account, 50, Duration.ofSeconds(2));

        assertThat(result.other()).as("answers other than 200 or Throttling.User: %s", result.otherSamples()).isZero();
        assertThat(result.accepted()).isPositive();
        // Decided locally at LIMIT / REPLICAS, a bucket of its own.
        int share = LIMIT / REPLICAS;
        assertThat(result.accepted()).isLessThanOrEqualTo((int) (share + share * result.totalSeconds()) + 1);
        assertThat(readiness().getString("status")).isEqualTo("UP");
        assertThat(rateLimitCheck().getString("deciding")).isEqualTo("local-fallback");
        assertThat(metrics()).containsPattern("(?m)^vod_ratelimit_fallback_active(\\{[^}]*\\})? 1\\.0$")
                .containsPattern("(?m)^vod_ratelimit_fallback_decisions_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void hungRedisIsTimedOutAndCallsAreStillAnswered() throws Exception {
        proxy.stall();
        PacedLoad.Result result = load(account, 20, Duration.ofSeconds(1));

        assertThat(result.other()).as("%s", result.otherSamples()).isZero();
        assertThat(result.accepted()).isPositive();
        // Each call waits at most the 1 s timeout; once the breaker opens, not at all.
        assertThat(result.totalSeconds()).isLessThan(result.sendingSeconds() + 2);
        assertThat(rateLimitCheck().getString("deciding")).isEqualTo("local-fallback");
    }

    @Test
    void limiterReturnsToRedisWhenItRecovers() throws Exception {
        proxy.cut();
        load(account, 20, Duration.ofMillis(500));
        assertThat(rateLimitCheck().getString("deciding")).isEqualTo("local-fallback");

        proxy.restore();
        awaitDeciding("redis");
        assertThat(rateLimitCheck().getString("circuit")).isEqualTo("CLOSED");
        assertThat(metrics()).containsPattern("(?m)^vod_ratelimit_fallback_active(\\{[^}]*\\})? 0\\.0$");
    }

    /** The breaker only moves on calls: keep calling (as a spare account) until the limiter decides as expected. */
    private void awaitDeciding(String expected) throws InterruptedException {
        TestAccount prober = accounts.create(1000);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!expected.equals(rateLimitCheck().getString("deciding"))) {
            assertThat(System.nanoTime()).as("limiter still not deciding on %s", expected).isLessThan(deadline);
            Rpc.registerMedia(prober, Metadatas.of(prober.fileUrl("probe.mp4"))).get();
            Thread.sleep(100);
        }
    }

    private PacedLoad.Result load(TestAccount target, int perSecond, Duration duration) throws InterruptedException {
        PacedLoad load = new PacedLoad(base);
        try {
            return load.run(target, perSecond, duration);
        } finally {
            load.close();
        }
    }

    private JsonPath readiness() {
        return get(operations("q/health/ready")).then().extract().jsonPath();
    }

    /** {@code path} under the origin of the interface serving /q (the management URI points at its /q root). */
    private URI operations(String path) {
        URI server = managementInterface ? management : base;
        return URI.create(server.getScheme() + "://" + server.getRawAuthority() + "/" + path);
    }

    private JsonPath rateLimitCheck() {
        return JsonPath.from(readiness().prettify()).setRootPath("checks.find { it.name == 'rate-limit' }.data");
    }

    private String metrics() {
        return get(operations("q/metrics")).then().statusCode(200).extract().asString();
    }
}
