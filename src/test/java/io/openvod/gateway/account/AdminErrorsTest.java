package io.openvod.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Admin;
import io.openvod.gateway.support.LogCapture;
import io.openvod.gateway.support.RawHttp;
import io.openvod.gateway.support.RawHttp.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every error of the admin API's router is its {@code {"Code","Message"}} JSON, never HTML, an empty body or a
 * stack trace in the log (issue 17, defects 1 and 3). Sent over a socket: HTTP clients normalise these paths.
 */
@QuarkusTest
class AdminErrorsTest {

    private static final String TOKEN = "Authorization: Bearer " + ConfigProvider.getConfig().getValue("vod.admin.token", String.class);

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    private static JsonObject assertJsonError(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("content-type")).startsWith("application/json");
        JsonObject body = new JsonObject(answer.body());
        assertThat(body.getString("Code")).isEqualTo(code);
        assertThat(body.getString("Message")).isNotBlank();
        return body;
    }

    private static long createAccount() {
        return Admin.call().body("{\"name\":\"errors-" + System.nanoTime() + "\"}").post("/admin/accounts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void malformedEscapeInAPathIsJsonWithoutAStackTraceEvenWithoutToken() throws IOException {
        try (LogCapture log = LogCapture.start()) {
            assertJsonError(RawHttp.send(port(), "PATCH /admin/accounts/%zz HTTP/1.1\r\nHost: a"), 400, "InvalidParameter");
            assertJsonError(RawHttp.send(port(), "GET /admin/accounts/%zz HTTP/1.1\r\nHost: a\r\n" + TOKEN), 400,
                    "InvalidParameter");
            assertThat(log.text()).doesNotContain("Unhandled exception").doesNotContain("\tat ");
        }
    }

    @Test
    void unknownAdminPathsAreJsonNotFound() throws IOException {
        assertJsonError(RawHttp.send(port(), "GET /admin%2Faccounts HTTP/1.1\r\nHost: a\r\n" + TOKEN), 404, "NotFound");
        assertJsonError(RawHttp.send(port(), "GET /admin/accounts/../storage-locations HTTP/1.1\r\nHost: a\r\n" + TOKEN),
                404, "NotFound");
        assertJsonError(RawHttp.send(port(), "GET /admin/nothing-here HTTP/1.1\r\nHost: a\r\n" + TOKEN), 404, "NotFound");
    }

    @Test
    void wrongMethodIsJsonMethodNotAllowed() throws IOException {
        assertJsonError(RawHttp.send(port(), "PUT /admin/accounts HTTP/1.1\r\nHost: a\r\n" + TOKEN
                + "\r\nContent-Length: 0"), 405, "MethodNotAllowed");
    }

    @Test
    void nulByteInAPathIdIsNotFoundNotA500() throws IOException {
        long id = createAccount();
        try (LogCapture log = LogCapture.start()) {
            assertJsonError(RawHttp.send(port(), "DELETE /admin/accounts/" + id + "/workflows/%00 HTTP/1.1\r\nHost: a\r\n"
                    + TOKEN), 404, "NotFound");
            assertJsonError(RawHttp.send(port(), "PATCH /admin/access-keys/%00 HTTP/1.1\r\nHost: a\r\n" + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 21", "{\"status\":\"Inactive\"}"), 404, "NotFound");
            assertThat(log.text()).doesNotContain("ERROR").doesNotContain("\tat ");
        }
    }

    @Test
    void invalidUtf8InAPathIdIsNotFound() throws IOException {
        long id = createAccount();
        assertJsonError(RawHttp.send(port(), "DELETE /admin/accounts/" + id + "/template-groups/%C3%28 HTTP/1.1\r\n"
                + "Host: a\r\n" + TOKEN), 404, "NotFound");
    }
}
