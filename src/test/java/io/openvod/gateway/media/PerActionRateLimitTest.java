package io.openvod.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The media actions' own buckets: the real service's default per action, the account's own rate replacing it
 * unless {@code vod.rate-limit.account-override."<Action>"=false} (set for GetMezzanineInfo in the test profile).
 */
@QuarkusTest
class PerActionRateLimitTest {

    @Inject
    TestAccounts accounts;

    @Test
    void deleteVideoDefaultsToThirtyCallsPerSecond() throws Exception {
        TestAccount account = accounts.create();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            calls.add(() -> Rpc.action("DeleteVideo", account).param("VideoIds", "none").post());
        }

        long started = System.nanoTime();
        List<Response> answers = runConcurrently(calls);
        double seconds = (System.nanoTime() - started) / 1e9;

        long allowed = answers.stream().filter(r -> r.statusCode() == 200).count();
        long throttled = answers.stream().filter(r -> "Throttling.User".equals(r.jsonPath().getString("Code"))).count();
        assertThat(allowed + throttled).isEqualTo(45);
        assertThat(allowed).isLessThanOrEqualTo(30 + (long) Math.ceil(30 * seconds));
        assertThat(throttled).isPositive();
    }

    @Test
    void accountsOwnRateAppliesToTheReadActions() {
        TestAccount account = accounts.create(1);
        Rpc.action("GetVideoInfo", account).param("VideoId", "a").get().then().statusCode(404);

        Rpc.action("GetVideoInfo", account).param("VideoId", "a").get().then()
                .statusCode(400)
                .body("Code", equalTo("Throttling.User"));
    }

    @Test
    void eachActionHasItsOwnBucket() {
        TestAccount account = accounts.create(1);
        Rpc.action("GetVideoInfo", account).param("VideoId", "a").get().then().statusCode(404);

        Rpc.action("GetVideoInfos", account).param("VideoIds", "a").get().then().statusCode(200);
        Rpc.action("DeleteVideo", account).param("VideoIds", "a").get().then().statusCode(200);
    }

    @Test
    void actionExemptedFromTheAccountRateKeepsItsDefault() {
        TestAccount account = accounts.create(1);

        for (int i = 0; i < 5; i++) {
            Rpc.action("GetMezzanineInfo", account).param("VideoId", "a").get().then()
                    .statusCode(404)
                    .body("Code", equalTo("InvalidVideo.NotFound"));
        }
    }

    private static List<Response> runConcurrently(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(calls)) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
