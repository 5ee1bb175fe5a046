package io.openvod.gateway.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Await;
import io.openvod.gateway.support.BrokerQueues;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.PrometheusScrape;
import io.openvod.gateway.support.RabbitMqTestResource;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Results back: what transcoders report on the result queue moves jobs and media, once. */
@QuarkusTest
@QuarkusTestResource(RabbitMqTestResource.class)
class TranscodeResultsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    @Inject
    TranscodeConfig config;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    TestAccount account;
    BrokerQueues queues;

    @BeforeEach
    void setUp() throws Exception {
        account = accounts.create();
        queues = new BrokerQueues();
    }

    @AfterEach
    void tearDown() throws Exception {
        queues.close();
    }

    @Test
    void successResultMovesMediaToNormalAndADuplicateIsANoOp() throws Exception {
        String mediaId = register("video/ok.mp4");
        long jobId = jobOf(mediaId);
        String result = "{\"JobId\":" + jobId + ",\"Status\":\"success\",\"StreamInfos\":[{\"Definition\":\"HD\","
                + "\"Format\":\"mp4\",\"FileUrl\":\"https://cdn/ok.mp4\",\"Size\":1,\"Width\":1280,\"Height\":720}]}";

        queues.publish(config.broker().resultQueue(), result);
        Await.until(WAIT, "media Normal", () -> "Normal".equals(mediaStatus(mediaId)));
        assertThat(db.rows("SELECT status FROM transcode_job WHERE id = $1", jobId).get(0).getString(0))
                .isEqualTo("Succeeded");

        double duplicates = outcomes("duplicate");
        queues.publish(config.broker().resultQueue(), "{\"JobId\":" + jobId + ",\"Status\":\"fail\"}");
        Await.until(WAIT, "the duplicate counted", () -> outcomes("duplicate") == duplicates + 1);
        assertThat(mediaStatus(mediaId)).isEqualTo("Normal");
        assertThat(db.rows("SELECT status FROM transcode_job WHERE id = $1", jobId).get(0).getString(0))
                .isEqualTo("Succeeded");
    }

    @Test
    void failResultMovesMediaToTranscodeFail() throws Exception {
        String mediaId = register("video/bad.mp4");

        queues.publish(config.broker().resultQueue(), "{\"JobId\":\"" + jobOf(mediaId)
                + "\",\"Status\":\"fail\",\"ErrorCode\":\"InvalidMedia\",\"ErrorMessage\":\"no video stream\"}");

        Await.until(WAIT, "media TranscodeFail", () -> "TranscodeFail".equals(mediaStatus(mediaId)));
    }

    @Test
    void resultForAnUnknownJobIsAcknowledgedAndCounted() throws Exception {
        double unknown = outcomes("unknown");

        queues.publish(config.broker().resultQueue(), "{\"JobId\":987654321012,\"Status\":\"success\"}");

        Await.until(WAIT, "counted as unknown", () -> outcomes("unknown") == unknown + 1);
        Await.until(WAIT, "taken off the queue", () -> messages(config.broker().resultQueue()) == 0);
    }

    @Test
    void malformedResultGoesToTheDeadLetterQueue() throws Exception {
        queues.publish(config.broker().resultQueue(), "{\"JobId\":\"not a number\",\"Status\":\"success\"}");

        List<BrokerQueues.Received> dead = queues.take(config.broker().deadLetterQueue(),
                body -> "not a number".equals(body.path("JobId").asText()), 1, WAIT, Duration.ZERO);

        assertThat(dead).hasSize(1);
    }

    private String register(String key) {
        return Rpc.registerMedia(account, Metadatas.of(account.fileUrl(key)))
                .param("TemplateGroupId", account.templateGroupId()).get().then().statusCode(200)
                .extract().jsonPath().getString("RegisteredMediaList[0].MediaId");
    }

    private long jobOf(String mediaId) {
        return db.rows("SELECT id FROM transcode_job WHERE media_id = $1", mediaId).get(0).getLong(0);
    }

    private String mediaStatus(String mediaId) {
        return db.rows("SELECT status FROM media WHERE media_id = $1", mediaId).get(0).getString(0);
    }

    private double outcomes(String outcome) {
        return PrometheusScrape.of(metrics).value("vod_transcode_results_total", "outcome", outcome);
    }

    private long messages(String queue) {
        try {
            return queues.messageCount(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
