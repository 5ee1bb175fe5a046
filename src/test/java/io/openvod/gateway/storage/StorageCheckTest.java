package io.openvod.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.openvod.gateway.support.Metadatas;
import io.openvod.gateway.support.Rpc;
import io.openvod.gateway.support.TestAccount;
import io.openvod.gateway.support.TestAccounts;
import io.openvod.gateway.support.TestDatabase;
import io.openvod.gateway.support.VerifiedLocation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RegisterMedia against a storage location with a connection: the files are checked in a real S3 server. */
@QuarkusTest
class StorageCheckTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestDatabase db;

    TestAccount account;
    VerifiedLocation store;

    @BeforeEach
    void connectedLocation() {
        account = accounts.create();
        store = VerifiedLocation.create(accounts, account);
    }

    @AfterEach
    void closeProxy() throws Exception {
        store.close();
    }

    @Test
    void existingObjectIsRegisteredWithItsSizeTypeEtagAndLastModified() {
        byte[] content = "eleven bytes".getBytes(StandardCharsets.UTF_8);
        String url = store.put("in/a.mp4", content, "video/mp4");

        register(url).then().statusCode(200)
                .body("RegisteredMediaList[0].NewRegister", equalTo(true))
                .body("FailedFileURLs", hasSize(0));

        Row row = db.rows("SELECT size, content_type, etag, last_modified, object_key, file_url FROM media"
                + " WHERE account_id = $1", account.id()).get(0);
        assertThat(row.getLong("size")).isEqualTo(content.length);
        assertThat(row.getString("content_type")).isEqualTo("video/mp4");
        assertThat(row.getString("etag")).isNotBlank();
        assertThat(row.getOffsetDateTime("last_modified")).isNotNull();
        assertThat(row.getString("file_url")).isEqualTo(url);
    }

    @Test
    void missingObjectGoesToFailedFileUrlsWhileTheRestOfTheBatchRegisters() {
        String present = store.put("present.mp4");
        String missing = store.url("missing.mp4");

        register(present, missing).then().statusCode(200)
                .body("RegisteredMediaList.FileURL", contains(present))
                .body("FailedFileURLs", contains(missing));

        assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id())).isEqualTo(1);
    }

    @Test
    void wrongCredentialsRefuseTheWholeCallNamingTheLocationAndRegisterNothing() throws Exception {
        TestAccount other = accounts.create();
        try (VerifiedLocation wrong = VerifiedLocation.create(accounts, other, "not-the-secret")) {
            String url = wrong.url("a.mp4");
            io.openvod.gateway.support.S3Server.shared().put(wrong.bucket(), "a.mp4", new byte[] {1}, "video/mp4");

            Rpc.registerMedia(other, Metadatas.of(url)).get().then().statusCode(400)
                    .body("Code", equalTo("AccessDenied"))
                    .body("Message", containsString(wrong.host()));

            assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", other.id())).isZero();
        }
    }

    @Test
    void bucketThatDoesNotExistRefusesTheWholeCall() {
        VerifiedLocation.connect(account, store.host(), java.util.Map.of("endpoint",
                io.openvod.gateway.support.S3Server.endpoint(store.proxy().port()), "region", "us-east-1", "bucket", "no-such-bucket-here",
                "addressingStyle", "path", "accessKeyId", io.openvod.gateway.support.S3Server.shared().accessKeyId(),
                "accessKeySecret", io.openvod.gateway.support.S3Server.shared().secret()));

        register("https://" + store.host() + "/no-such-bucket-here/a.mp4").then().statusCode(400)
                .body("Code", equalTo("AccessDenied"))
                .body("Message", containsString("no-such-bucket-here"));
        assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id())).isZero();
    }

    @Test
    void repeatRegistrationNeverReachesTheStore() {
        String url = store.put("again.mp4");
        register(url).then().statusCode(200).body("RegisteredMediaList[0].NewRegister", equalTo(true));
        long requestsAfterFirst = store.proxy().httpRequests();
        assertThat(requestsAfterFirst).isEqualTo(1);

        register(url).then().statusCode(200).body("RegisteredMediaList[0].NewRegister", equalTo(false));
        register(url.replace("again.mp4", "again.mp4?variant=2")).then().statusCode(200)
                .body("RegisteredMediaList[0].NewRegister", equalTo(false));

        assertThat(store.proxy().httpRequests()).isEqualTo(requestsAfterFirst);
    }

    @Test
    void pathStyleUrlOfAnotherBucketFailsWithoutAProbe() {
        String elsewhere = "https://" + store.host() + "/another-bucket/a.mp4";

        register(elsewhere).then().statusCode(200)
                .body("RegisteredMediaList", hasSize(0))
                .body("FailedFileURLs", contains(elsewhere));
        assertThat(store.proxy().httpRequests()).isZero();
    }

    @Test
    void concurrentBatchesOfTheSameNewUrlsGiveExactlyOneNewRegisterPerUrl() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            urls.add(store.put("race/" + i + ".mp4"));
        }
        String metadatas = Metadatas.of(urls.toArray(String[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<JsonPath>> calls = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                calls.add(CompletableFuture.supplyAsync(() -> Rpc.registerMedia(account, metadatas).get().then()
                        .statusCode(200).extract().jsonPath(), pool));
            }
            long newRegisters = 0;
            java.util.Set<String> mediaIds = new java.util.HashSet<>();
            for (CompletableFuture<JsonPath> call : calls) {
                JsonPath answer = call.join();
                assertThat(answer.getList("RegisteredMediaList")).hasSize(10);
                newRegisters += answer.getList("RegisteredMediaList.NewRegister", Boolean.class).stream()
                        .filter(Boolean::booleanValue).count();
                mediaIds.addAll(answer.getList("RegisteredMediaList.MediaId", String.class));
            }
            assertThat(newRegisters).isEqualTo(10);
            assertThat(mediaIds).hasSize(10);
            assertThat(db.count("SELECT count(*) FROM media WHERE account_id = $1", account.id())).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    private io.restassured.response.Response register(String... urls) {
        return Rpc.registerMedia(account, Metadatas.of(urls)).get();
    }
}
