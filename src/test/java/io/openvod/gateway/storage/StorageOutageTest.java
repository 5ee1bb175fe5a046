package io.openvod.gateway.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.PrometheusScrape;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.openvod.gateway.support.VerifiedLocation;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An object store that stalls or goes away (its TcpProxy cut): 503 and nothing registered, soon 503 at once through
 * the endpoint's circuit breaker, readiness untouched, and the store used again once it is back. Test configuration:
 * probe deadline 1 s, breaker opening after 2 failed checks, closed again after 1 s.
 */
@QuarkusTest
class StorageOutageTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;
    VerifiedLocation store;

    @BeforeEach
    void connectedLocation() {
        account = accounts.create();
        store = VerifiedLocation.create(accounts, account);
    }

    @AfterEach
    void closeProxy() throws Exception {
        store.close();
    }

    @Test
    void stalledStoreGives503ThenFast503sAndIsUsedAgainAfterItRecovers() throws Exception {
        String a = store.put("a.mp4");
        String b = store.put("b.mp4");
        store.proxy().stall();

        long started = System.nanoTime();
        register(a, b).then().statusCode(503).body("Code", equalTo("ServiceUnavailable"))
                .body("Message", containsString(store.host()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        register(a, b).then().statusCode(503);

        started = System.nanoTime();
        register(a, b).then().statusCode(503).body("Code", equalTo("ServiceUnavailable"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("breaker open: no deadline to wait")
                .isLessThan(Duration.ofMillis(500));
        assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id())).isZero();
        given().get(ready).then().statusCode(200);

        store.proxy().restore();
        awaitRegistered(a, b);
    }

    @Test
    void stoppedStoreGives503AndCountsErrors() {
        String a = store.put("a.mp4");
        PrometheusScrape before = PrometheusScrape.of(metrics);
        store.proxy().cut();

        register(a).then().statusCode(503).body("Code", equalTo("ServiceUnavailable"));

        PrometheusScrape after = PrometheusScrape.of(metrics);
        assertThat(after.value("vod_storage_probes_total", "result", "error")
                - before.value("vod_storage_probes_total", "result", "error")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id())).isZero();
    }

    @Test
    void probesAreCountedByResult() {
        String found = store.put("found.mp4");
        PrometheusScrape before = PrometheusScrape.of(metrics);

        register(found, store.url("missing.mp4")).then().statusCode(200);

        PrometheusScrape after = PrometheusScrape.of(metrics);
        assertThat(after.value("vod_storage_probes_total", "result", "found")
                - before.value("vod_storage_probes_total", "result", "found")).isEqualTo(1);
        assertThat(after.value("vod_storage_probes_total", "result", "missing")
                - before.value("vod_storage_probes_total", "result", "missing")).isEqualTo(1);
        assertThat(after.value("vod_storage_probe_duration_seconds_count", "result", "found")
                - before.value("vod_storage_probe_duration_seconds_count", "result", "found")).isEqualTo(1);
    }

    private void awaitRegistered(String... urls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = register(urls).statusCode();
            if (status == 200) {
                assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id()))
                        .isEqualTo(urls.length);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("store not used again after it recovered; last status " + status);
    }

    private Response register(String... urls) {
        return Rpc.registerMedia(account, Metadatas.of(urls)).get();
    }
}
