package io.openvod.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openvod.gateway.core.callback.CallbackSignature;
import io.openvod.gateway.support.Admin;
import io.openvod.gateway.support.Await;
import io.openvod.gateway.support.BrokerQueues;
import io.openvod.gateway.support.CallbackReceiver;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.PrometheusScrape;
import io.openvod.gateway.support.RabbitMqTestResource;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.openvod.gateway.transcode.TranscodeConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events out: a result on the real result queue produces a TranscodeComplete callback, POSTed to a real HTTP
 * receiver in the test (127.0.0.1 is on the test allow-list; nothing else local is).
 */
@QuarkusTest
@QuarkusTestResource(RabbitMqTestResource.class)
class CallbackDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    @Inject
    TranscodeConfig transcode;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    TestAccount account;
    BrokerQueues queues;
    CallbackReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        account = accounts.create();
        queues = new BrokerQueues();
        receiver = new CallbackReceiver();
    }

    @AfterEach
    void tearDown() throws Exception {
        queues.close();
        receiver.close();
    }

    @Test
    void accountCallbackIsSignedWithTheAuthKey() throws Exception {
        String url = receiver.url("/account");
        setAccountCallback(url, "secret-key-1");
        String mediaId = registerAndFinish("{\"Extend\":\"order-7\"}", "success");

        Await.until(WAIT, "a callback", () -> receiver.received("/account").size() == 1);
        CallbackReceiver.Request request = receiver.received("/account").get(0);
        JsonPath event = new JsonPath(request.body());
        assertThat(event.getString("EventType")).isEqualTo("TranscodeComplete");
        assertThat(event.getString("VideoId")).isEqualTo(mediaId);
        assertThat(event.getString("Status")).isEqualTo("success");
        assertThat(event.getString("Extend")).isEqualTo("order-7");
        assertThat(event.getString("StreamInfos[0].Definition")).isEqualTo("HD");
        assertThat(event.getString("EventTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        String timestamp = request.headers().get(CallbackSignature.TIMESTAMP_HEADER);
        assertThat(request.headers().get(CallbackSignature.SIGNATURE_HEADER))
                .isEqualTo(CallbackSignature.sign(url, Long.parseLong(timestamp), "secret-key-1"));
        Await.until(WAIT, "marked delivered", () -> "Delivered".equals(eventStatus(mediaId)));
    }

    @Test
    void mediaCallbackUrlWinsOverTheAccountCallback() throws Exception {
        setAccountCallback(receiver.url("/account"), null);

        registerAndFinish(messageCallback(receiver.url("/media")), "fail");

        Await.until(WAIT, "a callback to the media's URL", () -> receiver.received("/media").size() == 1);
        assertThat(new JsonPath(receiver.received("/media").get(0).body()).getString("Status")).isEqualTo("fail");
        assertThat(receiver.received("/account")).isEmpty();
        assertThat(receiver.received("/media").get(0).headers().get(CallbackSignature.SIGNATURE_HEADER)).isNull();
    }

    @Test
    void retriedAfterA500() throws Exception {
        receiver.script("/flaky", attempt -> CallbackReceiver.Answer.status(attempt == 1 ? 500 : 200));

        String mediaId = registerAndFinish(messageCallback(receiver.url("/flaky")), "success");

        Await.until(WAIT, "delivered on the second attempt", () -> "Delivered".equals(eventStatus(mediaId)));
        assertThat(receiver.received("/flaky")).hasSize(2);
    }

    @Test
    void retriedAfterATimeout() throws Exception {
        receiver.script("/slow", attempt -> new CallbackReceiver.Answer(200, attempt == 1 ? 2500 : 0));

        String mediaId = registerAndFinish(messageCallback(receiver.url("/slow")), "success");

        Await.until(WAIT, "delivered on the second attempt", () -> "Delivered".equals(eventStatus(mediaId)));
        assertThat(receiver.received("/slow")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(db.rows("SELECT attempts FROM callback_event WHERE media_id = $1", mediaId).get(0).getInteger(0))
                .isEqualTo(2);
    }

    @Test
    void deadAfterTheMaximumAgeThenRedeliveredThroughTheAdminApi() throws Exception {
        receiver.script("/down", attempt -> CallbackReceiver.Answer.status(503));
        String mediaId = registerAndFinish(messageCallback(receiver.url("/down")), "success");

        Await.until(WAIT, "dead", () -> "Dead".equals(eventStatus(mediaId)));
        int attemptsWhenDead = receiver.received("/down").size();
        assertThat(attemptsWhenDead).as("retried with backoff until the maximum age").isGreaterThanOrEqualTo(3);
        Await.until(WAIT, "dead in the metrics", () -> PrometheusScrape.of(metrics).value("vod_callback_dead_events") >= 1);
        List<Map<String, Object>> dead = Admin.call().queryParam("accountId", account.id())
                .get("/admin/callbacks/dead").then().statusCode(200).extract().jsonPath().getList("events");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0)).containsEntry("videoId", mediaId).containsEntry("eventType", "TranscodeComplete");
        receiver.script("/down", attempt -> CallbackReceiver.Answer.status(200));

        Admin.call().post("/admin/callbacks/" + dead.get(0).get("id") + "/redeliver").then().statusCode(204);

        Await.until(WAIT, "delivered after redelivery", () -> "Delivered".equals(eventStatus(mediaId)));
        assertThat(receiver.received("/down")).hasSize(attemptsWhenDead + 1);
        Admin.call().post("/admin/callbacks/" + dead.get(0).get("id") + "/redeliver").then().statusCode(404);
    }

    @Test
    void metadataServiceAddressIsRefused() throws Exception {
        String mediaId = registerAndFinish(messageCallback("http://169.254.169.254/latest/meta-data/"), "success");

        Await.until(WAIT, "refused", () -> "Dead".equals(eventStatus(mediaId)));
        assertThat(lastError(mediaId)).contains("refused", "169.254.169.254", "link-local");
    }

    @Test
    void loopbackAddressOutsideTheAllowListIsRefused() throws Exception {
        String mediaId = registerAndFinish(messageCallback("http://127.0.0.2:9/cb"), "success");

        Await.until(WAIT, "refused", () -> "Dead".equals(eventStatus(mediaId)));
        assertThat(lastError(mediaId)).contains("refused", "loopback");
    }

    @Test
    void adminApiSetsReadsAndValidatesTheAccountCallback() {
        Admin.call().body("{\"url\":\"ftp://example.com/\"}").put("/admin/accounts/" + account.id() + "/callback")
                .then().statusCode(400).body("Code", equalTo("InvalidParameter"));
        Admin.call().body("{\"url\":\"https://example.com/cb\"}").put("/admin/accounts/999999999/callback")
                .then().statusCode(404);
        setAccountCallback("https://example.com/cb", "k");

        Admin.call().get("/admin/accounts/" + account.id() + "/callback").then().statusCode(200)
                .body("url", equalTo("https://example.com/cb")).body("authKeySet", equalTo(true))
                .body("eventTypes[0]", equalTo("TranscodeComplete"));
        Admin.anonymous().get("/admin/callbacks/dead").then().statusCode(401);
    }

    private void setAccountCallback(String url, String authKey) {
        String body = authKey == null ? Metadatas.json(Map.of("url", url))
                : Metadatas.json(Map.of("url", url, "authKey", authKey));
        Admin.call().body(body).put("/admin/accounts/" + account.id() + "/callback").then().statusCode(200);
    }

    private static String messageCallback(String url) {
        return Metadatas.json(Map.of("MessageCallback", Map.of("CallbackURL", url, "CallbackType", "http")));
    }

    /** Registers a file with transcoding and reports its job's result on the result queue; returns the MediaId. */
    private String registerAndFinish(String userData, String status) throws Exception {
        String mediaId = Rpc.registerMedia(account, Metadatas.of(account.fileUrl("v/" + System.nanoTime() + ".mp4")))
                .param("TemplateGroupId", account.templateGroupId()).param("UserData", userData)
                .get().then().statusCode(200).extract().jsonPath().getString("RegisteredMediaList[0].MediaId");
        long jobId = db.rows("SELECT id FROM transcode_job WHERE media_id = $1", mediaId).get(0).getLong(0);
        queues.publish(transcode.broker().resultQueue(), "{\"JobId\":" + jobId + ",\"Status\":\"" + status
                + "\",\"StreamInfos\":[{\"Definition\":\"HD\",\"Format\":\"mp4\",\"FileUrl\":\"https://cdn/x.mp4\"}]}");
        return mediaId;
    }

    private String eventStatus(String mediaId) {
        List<io.vertx.mutiny.sqlclient.Row> rows = db.rows("SELECT status FROM callback_event WHERE media_id = $1",
                mediaId);
        return rows.isEmpty() ? null : rows.get(0).getString(0);
    }

    private String lastError(String mediaId) {
        return db.rows("SELECT last_error FROM callback_event WHERE media_id = $1", mediaId).get(0).getString(0);
    }
}
