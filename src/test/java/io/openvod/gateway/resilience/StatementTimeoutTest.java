package io.openvod.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TcpProxy;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL that accepts connections but never answers (a hung server, a black-holed network) costs a caller
 * {@code vod.db.statement-timeout} (1 s in this profile) and a 503 envelope, not a hung request.
 */
@QuarkusTest
@TestProfile(PostgresThroughProxyProfile.class)
class StatementTimeoutTest {

    @Inject
    TestAccounts accounts;

    TcpProxy proxy;

    @Test
    void aRegistrationTheDatabaseNeverAnswersIsA503AfterTheStatementTimeout() {
        TestAccount account = accounts.create(1000);
        // A first call puts the AccessKey in the gateway's cache, so only the registration meets the hung database.
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("hung/warm.mp4"))).post().then().statusCode(200);

        assertA503WithinTheTimeout(account);
    }

    @Test
    void anAccessKeyLookupTheDatabaseNeverAnswersIsA503AfterTheStatementTimeout() {
        assertA503WithinTheTimeout(accounts.create(1000));
    }

    private void assertA503WithinTheTimeout(TestAccount account) {
        String metadatas = Metadatas.of(account.fileUrl("hung/" + System.nanoTime() + ".mp4"));
        proxy.stall();
        try {
            long start = System.nanoTime();
            Response response = Rpc.registerMedia(account, metadatas).post();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            response.then().statusCode(503)
                    .body("Code", equalTo("ServiceUnavailable"))
                    .body("RequestId", notNullValue());
            assertThat(elapsedMillis).as("ms until the answer").isBetween(900L, 4_000L);
        } finally {
            proxy.restore();
        }
    }
}
