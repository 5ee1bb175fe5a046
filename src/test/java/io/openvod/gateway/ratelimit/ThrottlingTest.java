package io.openvod.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.openvod.gateway.account.AccountDirectory;
import io.openvod.gateway.account.AccountEntity;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttled answer as callers see it, with the default local backend. */
@QuarkusTest
class ThrottlingTest {

    @Inject
    TestAccounts accounts;

    @Inject
    AccountDirectory directory;

    @TestHTTPResource("/")
    URI base;

    @Test
    void callBeyondTheLimitGetsThrottlingUserWithRetryHeaders() {
        TestAccount account = accounts.create(1);
        register(account, "a.mp4").then().statusCode(200);

        register(account, "b.mp4").then()
                .statusCode(400)
                .contentType("application/json")
                .header("x-acs-request-id", matchesPattern("[0-9A-F-]{36}"))
                .header("x-acs-retry-after", matchesPattern("[1-9][0-9]*"))
                .header("Retry-After", equalTo("1"))
                .body("Code", equalTo("Throttling.User"))
                .body("Message", equalTo("Request was denied due to user flow control."))
                .body("RequestId", matchesPattern("[0-9A-F-]{36}"));
    }

    @Test
    void retryAfterMillisecondsIsTheWaitForOneToken() {
        TestAccount account = accounts.create(1);
        register(account, "a.mp4").then().statusCode(200);

        long millis = Long.parseLong(register(account, "b.mp4").header("x-acs-retry-after"));
        // At 1 call per second the next token is at most one second away, and some of it has passed already.
        assertThat(millis).isBetween(1L, 1000L);
    }

    @Test
    void throttledXmlCallGetsTheXmlErrorEnvelope() {
        TestAccount account = accounts.create(1);
        register(account, "a.mp4").then().statusCode(200);

        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("b.mp4"))).param("Format", "XML").get().then()
                .statusCode(400)
                .contentType(matchesPattern("(text|application)/xml.*"))
                .header("x-acs-retry-after", matchesPattern("[1-9][0-9]*"))
                .body("Error.Code", equalTo("Throttling.User"))
                .body("Error.Message", equalTo("Request was denied due to user flow control."));
    }

    @Test
    void throttledRegistrationIsNeverStored() throws InterruptedException {
        TestAccount account = accounts.create(1);
        register(account, "first.mp4").then().statusCode(200);
        register(account, "throttled.mp4").then().statusCode(400).body("Code", equalTo("Throttling.User"));

        Thread.sleep(1100);
        register(account, "throttled.mp4").then().statusCode(200)
                .body("RegisteredMediaList[0].NewRegister", equalTo(true));
    }

    @Test
    void callWithAWrongSignatureToABucketKnownEmptyIsRefusedBeforeItsSignatureIsChecked() {
        TestAccount account = accounts.create(1);
        register(account, "a.mp4").then().statusCode(200);
        register(account, "b.mp4").then().statusCode(400).body("Code", equalTo("Throttling.User"));

        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("c.mp4"))).signedWith("not-the-secret").get().then()
                .statusCode(400)
                .header("x-acs-retry-after", matchesPattern("[1-9][0-9]*"))
                .body("Code", equalTo("Throttling.User"));
    }

    @Test
    void callToABucketKnownEmptyIsRefusedBeforeItsOtherValuesAreDecoded() {
        TestAccount account = accounts.create(1);
        register(account, "a.mp4").then().statusCode(200);
        register(account, "b.mp4").then().statusCode(400).body("Code", equalTo("Throttling.User"));

        Rpc.action("RegisterMedia", account).postRawForm("RegisterMetadatas=%E0%A4%ZZ").then()
                .statusCode(400)
                .body("Code", equalTo("Throttling.User"));
    }

    @Test
    void callWithAMalformedValueIsInvalidParameterWhileTheBucketHasTokens() {
        TestAccount account = accounts.create(1);

        Rpc.action("RegisterMedia", account).postRawForm("RegisterMetadatas=%E0%A4%ZZ").then()
                .statusCode(400)
                .body("Code", equalTo("InvalidParameter"));
        register(account, "a.mp4").then().statusCode(200);
    }

    @Test
    void callWithAWrongSignatureIsASignatureErrorWhileTheBucketHasTokens() {
        TestAccount account = accounts.create(1);

        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).signedWith("not-the-secret").get().then()
                .statusCode(400)
                .body("Code", equalTo("SignatureDoesNotMatch"));
        register(account, "a.mp4").then().statusCode(200);
    }

    @Test
    void accountWithoutItsOwnLimitGetsTheDefaultOfFiftyPerSecond() throws InterruptedException {
        PacedLoad load = new PacedLoad(base);
        try {
            PacedLoad.Result result = load.run(accounts.create(), 500, Duration.ofMillis(400));
            assertThat(result.other()).as("%s", result.otherSamples()).isZero();
            assertThat(result.accepted()).isBetween(50, (int) (50 + 50 * result.totalSeconds()));
            assertThat(result.throttled()).isPositive();
        } finally {
            load.close();
        }
    }

    @Test
    void limitChangedOnTheAccountAppliesWithoutRestart() throws Throwable {
        TestAccount account = accounts.create(1);
        register(account, "a.mp4").then().statusCode(200);
        register(account, "b.mp4").then().statusCode(400);

        setLimit(account, 1000);
        for (int i = 0; i < 20; i++) {
            register(account, "c" + i + ".mp4").then().statusCode(200);
        }
    }

    private void setLimit(TestAccount account, int perSecond) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                AccountEntity.update("rateLimitPerSecond = ?1 where id = ?2", perSecond, account.id()))
                .chain(() -> directory.forget(account.accessKeyId())));
    }

    private static Response register(TestAccount account, String objectKey) {
        return Rpc.registerMedia(account, Metadatas.of(account.fileUrl(objectKey))).get();
    }
}
