package io.openvod.gateway.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.core.callback.CallbackSignature;
import io.openvod.gateway.support.Admin;
import io.openvod.gateway.support.Await;
import io.openvod.gateway.support.CallbackReceiver;
import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.RabbitMqTestResource;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's loop on one machine, with the reference worker (deployment/worker/Worker.java) as a separate
 * process: register, job, result, status Normal, signed callback.
 */
@QuarkusTest
@QuarkusTestResource(RabbitMqTestResource.class)
class ReferenceWorkerTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    @Inject
    TranscodeConfig config;

    @Test
    void registrationIsTranscodedByTheReferenceWorkerAndReportedWithASignedCallback() throws Exception {
        TestAccount account = accounts.create();
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            String url = receiver.url("/vod");
            Admin.call().body(Metadatas.json(Map.of("url", url, "authKey", "loop-key")))
                    .put("/admin/accounts/" + account.id() + "/callback").then().statusCode(200);
            Process worker = startWorker();
            try {
                String mediaId = Rpc.registerMedia(account, Metadatas.of(account.fileUrl("loop/movie.mp4")))
                        .param("TemplateGroupId", account.templateGroupId()).get().then().statusCode(200)
                        .extract().jsonPath().getString("RegisteredMediaList[0].MediaId");

                Await.until(Duration.ofSeconds(60), "media Normal", () -> "Normal".equals(db.rows(
                        "SELECT status FROM media WHERE media_id = $1", mediaId).get(0).getString(0)));
                Await.until(Duration.ofSeconds(20), "the callback", () -> !receiver.received("/vod").isEmpty());
                CallbackReceiver.Request callback = receiver.received("/vod").get(0);
                JsonPath event = new JsonPath(callback.body());
                assertThat(event.getString("VideoId")).isEqualTo(mediaId);
                assertThat(event.getString("Status")).isEqualTo("success");
                assertThat(event.getString("StreamInfos[0].FileUrl")).isEqualTo(account.fileUrl("loop/movie.mp4"));
                assertThat(callback.headers().get(CallbackSignature.SIGNATURE_HEADER)).isEqualTo(CallbackSignature.sign(
                        url, Long.parseLong(callback.headers().get(CallbackSignature.TIMESTAMP_HEADER)), "loop-key"));
            } finally {
                worker.destroy();
                worker.waitFor();
            }
        }
    }

    /** The worker as its own JVM, on the run's queues (the broker directly, not the test's proxy). */
    private Process startWorker() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Path.of("deployment/worker/Worker.java").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("RABBITMQ_PORT", "5672");
        builder.environment().put("VOD_JOB_QUEUE", config.broker().jobQueue());
        builder.environment().put("VOD_RESULT_QUEUE", config.broker().resultQueue());
        return builder.start();
    }
}
