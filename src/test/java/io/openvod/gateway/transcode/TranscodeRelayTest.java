package io.openvod.gateway.transcode;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.gateway.support.Await;
import io.openvod.gateway.support.BrokerQueues;
import io.openvod.gateway.support.LogCapture;
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
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs out: the outbox relay against the real PostgreSQL and RabbitMQ (through a proxy the test can cut). */
@QuarkusTest
@QuarkusTestResource(RabbitMqTestResource.class)
class TranscodeRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    @Inject
    TranscodeConfig config;

    @Inject
    TranscodeWorkers workers;

    @Inject
    Pool requestPool;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size")
    int requestPoolSize;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    RabbitMqTestResource.BrokerProxy broker;

    TestAccount account;
    BrokerQueues queues;

    @BeforeEach
    void setUp() throws Exception {
        account = accounts.create();
        queues = new BrokerQueues();
    }

    @AfterEach
    void tearDown() throws Exception {
        broker.proxy().restore();
        queues.close();
    }

    @Test
    void registrationWithTemplateGroupBecomesExactlyOneMessageWithTheDocumentedFields() throws Exception {
        String url = account.fileUrl("video/one.mp4");
        String userData = "{\"Extend\":{\"k\":\"v\"}}";
        String mediaId = register(List.of(url), userData).get(0);

        List<BrokerQueues.Received> messages = takeJobs(1, Duration.ofSeconds(1));

        assertThat(messages).hasSize(1);
        BrokerQueues.Received message = messages.get(0);
        JsonNode job = message.body();
        long jobId = db.rows("SELECT id FROM transcode_job WHERE media_id = $1", mediaId).get(0).getLong(0);
        assertThat(message.properties().getMessageId()).isEqualTo(String.valueOf(jobId));
        assertThat(message.properties().getDeliveryMode()).isEqualTo(2);
        assertThat(job.get("JobId").asText()).isEqualTo(String.valueOf(jobId));
        assertThat(job.get("VideoId").asText()).isEqualTo(mediaId);
        assertThat(job.get("AccountId").asLong()).isEqualTo(account.id());
        assertThat(job.get("FileURL").asText()).isEqualTo(url);
        assertThat(job.get("StorageLocation").asText()).isEqualTo(account.bucketHost());
        assertThat(job.get("TemplateGroupId").asText()).isEqualTo(account.templateGroupId());
        assertThat(job.has("WorkflowId")).isFalse();
        assertThat(job.get("UserData").asText()).isEqualTo(userData);
        assertThat(job.has("SourceURL")).as("no storage connection, so no presigned URL").isFalse();
        Await.until(WAIT, "job Dispatched and media Transcoding", () -> "Dispatched".equals(jobStatus(mediaId))
                && "Transcoding".equals(mediaStatus(mediaId)));
    }

    @Test
    void aConnectedLocationsJobCarriesAPresignedSourceUrlThatReadsTheObject() throws Exception {
        account = accounts.createVerified();
        String url = TestAccounts.putObject(account, "video/signed.mp4");
        register(List.of(url), null);

        JsonNode job = takeJobs(1, Duration.ofSeconds(1)).get(0).body();

        String source = job.get("SourceURL").asText();
        assertThat(source).contains("X-Amz-Signature=").contains("X-Amz-Expires=86400");
        assertThat(given().urlEncodingEnabled(false).get(source).then().statusCode(200).extract().asString())
                .isEqualTo("video/signed.mp4");
        assertThat(job.get("Size").asLong()).isEqualTo("video/signed.mp4".length());
        assertThat(job.get("ContentType").asText()).isEqualTo("video/mp4");
    }

    @Test
    void registrationWithoutTranscodingPublishesNothing() throws Exception {
        register(List.of(account.fileUrl("video/plain.mp4")), null, false);
        register(List.of(account.fileUrl("video/with-job.mp4")), null);

        List<BrokerQueues.Received> messages = takeJobs(1, Duration.ofMillis(500));

        assertThat(messages).extracting(m -> m.body().get("FileURL").asText())
                .containsExactly(account.fileUrl("video/with-job.mp4"));
    }

    @Test
    void brokerDownLosesNoJobAndDuplicatesAreCountedAndBounded() throws Exception {
        double unconfirmedBefore = scrape().value("vod_transcode_relay_unconfirmed_total");
        broker.proxy().cut();
        List<String> mediaIds = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                urls.add(account.fileUrl("outage/" + call + "-" + i + ".mp4"));
            }
            mediaIds.addAll(register(urls, null));
        }
        Await.until(WAIT, "the backlog is reported", () -> scrape().value("vod_transcode_backlog_jobs") >= 30);
        JsonPath ready = io.restassured.RestAssured.given().get(readiness).then().statusCode(200).extract().jsonPath();
        assertThat(ready.getString("checks.find { it.name == 'transcode' }.status")).isEqualTo("UP");
        assertThat(ready.getLong("checks.find { it.name == 'transcode' }.data.backlog")).isGreaterThanOrEqualTo(30);

        broker.proxy().restore();
        List<BrokerQueues.Received> messages = takeJobs(30, Duration.ofSeconds(1));

        Set<String> delivered = messages.stream().map(m -> m.body().get("VideoId").asText()).collect(Collectors.toSet());
        assertThat(delivered).as("no job lost").containsExactlyInAnyOrderElementsOf(mediaIds);
        int duplicates = messages.size() - delivered.size();
        double unconfirmed = scrape().value("vod_transcode_relay_unconfirmed_total") - unconfirmedBefore;
        assertThat((double) duplicates).as("duplicates are at most the jobs published without a confirmation")
                .isLessThanOrEqualTo(unconfirmed);
        assertThat(duplicates).as("bounded by one batch per failed attempt").isLessThanOrEqualTo(30);
        Await.until(WAIT, "all Dispatched", () -> db.count("SELECT count(*) FROM transcode_job WHERE account_id = $1"
                + " AND status = 'Dispatched'", account.id()) == 30);
    }

    @Test
    void twoRelaysOnOneDatabaseNeverPublishAJobTwice() throws Exception {
        double unconfirmedBefore = scrape().value("vod_transcode_relay_unconfirmed_total");
        OutboxRelay second = workers.newRelay("vod-transcode-relay-second");
        second.start();
        try {
            List<String> mediaIds = new ArrayList<>();
            for (int call = 0; call < 10; call++) {
                List<String> urls = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    urls.add(account.fileUrl("pair/" + call + "-" + i + ".mp4"));
                }
                mediaIds.addAll(register(urls, null));
                second.wake();
            }
            List<BrokerQueues.Received> messages = takeJobs(100, Duration.ofSeconds(1));

            assertThat(scrape().value("vod_transcode_relay_unconfirmed_total")).as("a run without failures")
                    .isEqualTo(unconfirmedBefore);
            Map<String, Long> perJob = messages.stream().collect(Collectors.groupingBy(
                    m -> m.properties().getMessageId(), Collectors.counting()));
            assertThat(perJob).hasSize(100).allSatisfy((job, times) -> assertThat(times).isEqualTo(1));
            assertThat(messages.stream().map(m -> m.body().get("VideoId").asText()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(mediaIds);
        } finally {
            second.stop();
        }
    }

    @Test
    void relayPublishesWhileRequestsHoldEveryPooledConnection() throws Exception {
        String mediaId = register(List.of(account.fileUrl("video/held.mp4")), null, false).get(0);
        List<SqlConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < requestPoolSize; i++) {
                held.add(requestPool.getConnection().await().atMost(WAIT));
            }
            // A job whose registration is long done: only the relay's own connection can publish it now
            db.rows("INSERT INTO transcode_job (media_id, account_id, template_group_id) VALUES ($1, $2, $3)",
                    mediaId, account.id(), account.templateGroupId());

            assertThat(takeJobs(1, Duration.ZERO)).hasSize(1);
        } finally {
            held.forEach(SqlConnection::closeAndForget);
        }
    }

    @Test
    void aBatchHeldUpIsLoggedWithTheTimeOfEachStep() throws Exception {
        String mediaId = register(List.of(account.fileUrl("slow/held.mp4")), null, false).get(0);
        db.rows("UPDATE media SET status = 'UploadSucc' WHERE media_id = $1", mediaId);
        SqlConnection holder = requestPool.getConnection().await().atMost(WAIT);
        try (LogCapture log = LogCapture.start()) {
            // The relay claims the job (it locks the job's row only), publishes it, then waits here to mark its media
            holder.begin().await().atMost(WAIT);
            holder.query("SELECT 1 FROM media WHERE media_id = '" + mediaId + "' FOR NO KEY UPDATE").execute()
                    .await().atMost(WAIT);
            db.rows("INSERT INTO transcode_job (media_id, account_id, template_group_id) VALUES ($1, $2, $3)",
                    mediaId, account.id(), account.templateGroupId());
            Thread.sleep(800);
            holder.query("COMMIT").execute().await().atMost(WAIT);

            Await.until(WAIT, "the batch logged", () -> log.text().contains("a batch of 1 jobs took"));
            assertThat(jobStatus(mediaId)).isEqualTo("Dispatched");
            assertThat(log.text()).containsPattern("Transcode relay vod-transcode-relay: a batch of 1 jobs took \\d+ ms"
                    + " \\(claim \\d+ ms, publish and confirm \\d+ ms, mark and commit ([5-9]\\d\\d|\\d{4}) ms\\)");
        } finally {
            holder.closeAndForget();
        }
    }

    private List<BrokerQueues.Received> takeJobs(int count, Duration settle) throws Exception {
        return queues.take(config.broker().jobQueue(), job -> job.get("AccountId").asLong() == account.id(), count,
                WAIT, settle);
    }

    private List<String> register(List<String> urls, String userData) {
        return register(urls, userData, true);
    }

    /** Registers the files, with the account's template group when asked; returns their MediaIds in order. */
    private List<String> register(List<String> urls, String userData, boolean transcode) {
        Rpc rpc = Rpc.registerMedia(account, Metadatas.of(urls.toArray(String[]::new)));
        if (transcode) {
            rpc.param("TemplateGroupId", account.templateGroupId());
        }
        if (userData != null) {
            rpc.param("UserData", userData);
        }
        JsonPath answer = rpc.get().then().statusCode(200).extract().jsonPath();
        Map<String, String> byUrl = new java.util.HashMap<>();
        List<Map<String, Object>> list = answer.getList("RegisteredMediaList");
        list.forEach(item -> byUrl.put((String) item.get("FileURL"), (String) item.get("MediaId")));
        return urls.stream().map(byUrl::get).toList();
    }

    private String jobStatus(String mediaId) {
        return db.rows("SELECT status FROM transcode_job WHERE media_id = $1", mediaId).get(0).getString(0);
    }

    private String mediaStatus(String mediaId) {
        return db.rows("SELECT status FROM media WHERE media_id = $1", mediaId).get(0).getString(0);
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(metrics);
    }
}
