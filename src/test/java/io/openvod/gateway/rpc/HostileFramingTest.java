package io.openvod.gateway.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.support.LogCapture;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.RawHttp;
import io.openvod.gateway.support.RawHttp.Answer;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP framework used to answer (and log) itself, sent byte for byte over a socket: every one gets the
 * Alibaba envelope with a request id, none is logged with its URL, none gets a 500 (issue 17, defects 1 to 4).
 */
@QuarkusTest
class HostileFramingTest {

    @Inject
    TestAccounts accounts;

    private TestAccount account;

    @BeforeEach
    void createAccount() {
        account = accounts.create();
    }

    private static int port() {
        return RestAssured.port;
    }

    private static void assertEnvelope(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("x-acs-request-id")).isNotBlank();
        assertThat(answer.body()).contains("<Code>" + code + "</Code>")
                .contains("<RequestId>" + answer.header("x-acs-request-id") + "</RequestId>");
    }

    private String signedQuery() {
        return Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).signedQueryString("GET");
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void signedRequestWithoutHostGetsTheEnvelopeAndItsSignatureIsNeverLogged() throws IOException {
        String query = signedQuery();
        try (LogCapture log = LogCapture.start()) {
            Answer answer = RawHttp.send(port(), "GET /?" + query + " HTTP/1.1");

            assertEnvelope(answer, 400, "InvalidParameter");
            assertThat(log.text()).doesNotContain(param(query, "Signature"))
                    .doesNotContain(param(query, "SignatureNonce")).doesNotContain("ERROR");
        }
    }

    @Test
    void invalidOrRepeatedHostGetsTheEnvelope() throws IOException {
        String query = signedQuery();
        try (LogCapture log = LogCapture.start()) {
            assertEnvelope(RawHttp.send(port(), "GET /?" + query + " HTTP/1.1\r\nHost: [::1"), 400, "InvalidParameter");
            assertEnvelope(RawHttp.send(port(), "GET /?" + query + " HTTP/1.1\r\nHost: a\r\nHost: b"), 400,
                    "InvalidParameter");
            assertThat(log.text()).doesNotContain(param(query, "Signature"));
        }
    }

    /** Refused by the HTTP layer's decoder before any application code: listed in the README as framing errors. */
    @Test
    void malformedPercentEncodingInTheRequestLineIsAFramingErrorThatLogsNothing() throws IOException {
        String query = signedQuery();
        try (LogCapture log = LogCapture.start()) {
            for (String target : new String[] {"/?" + query + "&X=%-1", "/?X%=1&" + query, "/%?" + query,
                "/?" + query + "&X=%zz"}) {
                Answer answer = RawHttp.send(port(), "GET " + target + " HTTP/1.1\r\nHost: a");
                assertThat(answer.status()).as(target).isEqualTo(400);
                assertThat(answer.body()).as(target).isEmpty();
            }
            assertThat(log.text()).doesNotContain(param(query, "Signature")).doesNotContain("\tat ");
        }
    }

    @Test
    void otherPathsAreInvalidActionNotFound() throws IOException {
        assertEnvelope(RawHttp.send(port(), "GET /x/../ HTTP/1.1\r\nHost: a"), 404, "InvalidAction.NotFound");
        assertEnvelope(RawHttp.send(port(), "GET /index.html HTTP/1.1\r\nHost: a"), 404, "InvalidAction.NotFound");
    }

    @Test
    void matrixParametersOnTheRootPathAreNotTheRootPath() throws IOException {
        assertEnvelope(RawHttp.send(port(), "GET /;x?" + signedQuery() + " HTTP/1.1\r\nHost: a"), 404,
                "InvalidAction.NotFound");
    }

    @Test
    void everyOtherMethodIsInvalidActionNotFound() throws IOException {
        assertEnvelope(RawHttp.send(port(), "CONNECT a:443 HTTP/1.1\r\nHost: a:443"), 404, "InvalidAction.NotFound");
        for (String method : new String[] {"OPTIONS", "PUT", "DELETE", "PATCH", "HEAD", "TRACE", "FOO"}) {
            Answer answer = RawHttp.send(port(), method + " / HTTP/1.1\r\nHost: a");
            assertThat(answer.status()).as(method).isEqualTo(404);
            assertThat(answer.header("x-acs-request-id")).as(method).isNotBlank();
        }
    }

    @Test
    void authorizationHeaderTwiceIsRefused() throws IOException {
        Answer answer = RawHttp.send(port(), "GET /?Action=RegisterMedia&Version=2017-03-21 HTTP/1.1\r\nHost: a\r\n"
                + "Authorization: ACS3-HMAC-SHA256 Credential=a,SignedHeaders=x-acs-date,Signature=1\r\n"
                + "Authorization: ACS3-HMAC-SHA256 Credential=a,SignedHeaders=x-acs-date,Signature=2");
        assertEnvelope(answer, 400, "InvalidParameter");
    }

    @Test
    void accessKeyIdWithANulByteIsNotFoundAndNothingIsLogged() {
        try (LogCapture log = LogCapture.start()) {
            Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4")))
                    .param("AccessKeyId", account.accessKeyId() + "\u0000").get().then()
                    .statusCode(404).body("Code", equalTo("InvalidAccessKeyId.NotFound"));
            assertThat(log.text()).doesNotContain("ERROR").doesNotContain("\tat ");
        }
    }

    @Test
    void accessKeyIdWithTrailingWhitespaceIsNotFound() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("AccessKeyId", account.accessKeyId() + " ")
                .get().then().statusCode(404).body("Code", equalTo("InvalidAccessKeyId.NotFound"));
    }

    @Test
    void signatureMethodInLowerCaseIsRefused() {
        Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("SignatureMethod", "hmac-sha1")
                .get().then().statusCode(400).body("Code", equalTo("InvalidParameter"));
    }

    @Test
    void formatWithPaddingOrControlCharactersIsRefused() {
        for (String format : new String[] {"JSON ", "json\u0000", " XML"}) {
            Rpc.registerMedia(account, Metadatas.of(account.fileUrl("a.mp4"))).param("Format", format)
                    .get().then().statusCode(400).body(org.hamcrest.Matchers.containsString("InvalidParameter"));
        }
    }

    @Test
    void connectionTricklingItsRequestHeadIsClosedAtTheHeadDeadline() throws Exception {
        RawHttp.send(port(), "GET / HTTP/1.1\r\nHost: a"); // the deadline is armed by the first request at the latest
        long elapsedMillis = RawHttp.trickleUntilClosed(port(), "GET /?Action=RegisterMedia HTTP/1.1\r\n",
                "X-Trickle: 1\r\n", 300, 10_000);

        // %test.vod.http.request-head-timeout=2s; without the deadline the connection stays open for the 10 s tried
        assertThat(elapsedMillis).isBetween(1_500L, 4_000L);
    }

    @Test
    void fileUrlWithAPortButNoHostIsInvalidParameter() {
        Rpc.registerMedia(account, Metadatas.of("https://:443/x.mp4")).get().then()
                .statusCode(400).body("Code", equalTo("InvalidParameter"));
    }
}
