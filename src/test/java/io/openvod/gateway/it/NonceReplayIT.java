package io.openvod.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.RawHttp;
import io.openvod.gateway.support.RawHttp.Answer;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replay protection under load, against the packaged gateway with its in-memory nonce store bounded at 1,000
 * (issue 17, defect 5). The old store evicted past its bound: a request replayed byte for byte after 3,000 other
 * calls was accepted. Now the store fails closed at its bound and never forgets a nonce whose timestamp is valid.
 */
class NonceReplayIT {

    private static final int BOUND = 1_000;

    private static GatewayProcess gateway;
    private static TestAccount account;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(Map.of("VOD_AUTH_NONCE_LOCAL_MAX_ENTRIES", String.valueOf(BOUND)));
        io.restassured.RestAssured.baseURI = "http://127.0.0.1";
        io.restassured.RestAssured.port = gateway.port();
        account = gateway.provisionAccount(1_000_000);
    }

    @AfterAll
    static void stop() throws Exception {
        io.restassured.RestAssured.reset();
        gateway.close();
    }

    private static String signedRequest(String file) {
        return "GET /?" + Rpc.registerMedia(account, Metadatas.of(account.fileUrl(file))).signedQueryString("GET")
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json";
    }

    @Test
    void requestReplayedAfterThreeTimesTheBoundOfOtherCallsIsRefusedAndTheStoreFailsClosed() throws Exception {
        String captured = signedRequest("first.mp4");
        assertThat(RawHttp.send(gateway.port(), captured).status()).isEqualTo(200);

        int refusedAsUnavailable = 0;
        for (int i = 0; i < 3 * BOUND; i++) {
            Answer answer = RawHttp.send(gateway.port(), signedRequest("other-" + i + ".mp4"));
            assertThat(answer.status()).as(answer.body()).isIn(200, 503);
            if (answer.status() == 503) {
                assertThat(answer.body()).contains("ServiceUnavailable");
                refusedAsUnavailable++;
            }
        }

        Answer replay = RawHttp.send(gateway.port(), captured);
        assertThat(replay.status()).as(replay.body()).isEqualTo(400);
        assertThat(replay.body()).contains("SignatureNonceUsed");
        assertThat(refusedAsUnavailable).isEqualTo(2 * BOUND + 1);
        assertThat(gateway.log().lines().filter(line -> line.contains("Nonce store full")).count()).isEqualTo(1);
    }
}
