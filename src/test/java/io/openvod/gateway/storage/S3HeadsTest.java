package io.openvod.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.gateway.core.storage.AddressingStyle;
import io.openvod.gateway.core.storage.StorageConnection;
import io.openvod.gateway.support.S3Server;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.dns.AddressResolverOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@link S3Heads} writes its own request line and reads four answer headers, so it is held to the AWS SDK's own
 * {@code S3AsyncClient} against the same real S3 server: the same facts for the same keys (those S3 encodes
 * specially included), the same 404s and the same refusals.
 */
class S3HeadsTest {

    /** Keys whose encoding differs between careless encoders: spaces, non-ASCII, reserved and unreserved marks. */
    private static final List<String> KEYS = List.of("plain.mp4", "dir/a b.mp4", "dir/\u4e2d\u6587.mp4",
            "a+b=c&d;e,f.mp4", "tilde~!*'()$@.mp4", "literal%20percent.mp4", "double//slash.mp4", "x/y/z/deep.mp4");

    private static final S3Server S3 = S3Server.shared();
    private static Vertx vertx;
    private static S3Heads heads;
    private static S3AsyncClient sdk;
    private static String bucket;

    @BeforeAll
    static void objectsAndClients() throws Exception {
        bucket = S3.newBucket();
        for (String key : KEYS) {
            S3.put(bucket, key, key.getBytes(StandardCharsets.UTF_8), "video/mp4");
        }
        // Virtual-hosted requests go to <bucket>.localhost: this Vert.x resolves it from a hosts file of its own.
        Path hosts = Files.createTempFile("s3heads-hosts-", ".txt");
        Files.writeString(hosts, "127.0.0.1 localhost " + bucket + "." + S3Server.VIRTUAL_HOST + "\n");
        vertx = Vertx.vertx(new VertxOptions().setAddressResolverOptions(
                new AddressResolverOptions().setHostsPath(hosts.toString())));
        heads = new S3Heads(vertx, Duration.ofSeconds(5), 8);
        sdk = S3AsyncClient.builder().endpointOverride(URI.create(S3Server.endpoint(S3.port())))
                .region(Region.of(S3Server.REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3.accessKeyId(),
                        S3.secret())))
                .build();
    }

    @AfterAll
    static void close() {
        heads.close();
        sdk.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void pathStyleHeadGivesTheFactsTheSdkGivesForEveryKey() {
        for (String key : KEYS) {
            assertThat(ours(connection(AddressingStyle.PATH, S3.secret()), key)).as(key).contains(sdkFacts(key));
        }
    }

    @Test
    void virtualHostedHeadGivesTheFactsTheSdkGivesForEveryKey() {
        for (String key : KEYS) {
            assertThat(ours(connection(AddressingStyle.VIRTUAL_HOSTED, S3.secret()), key)).as(key)
                    .contains(sdkFacts(key));
        }
    }

    @Test
    void missingObjectIsEmptyWhereTheSdkAnswers404() {
        assertThat(sdkStatus(() -> sdk.headObject(b -> b.bucket(bucket).key("dir/missing.mp4")).join())).isEqualTo(404);
        assertThat(ours(connection(AddressingStyle.PATH, S3.secret()), "dir/missing.mp4")).isEmpty();
    }

    @Test
    void wrongSecretFailsWithTheStatusTheSdkGets() {
        S3AsyncClient wrong = S3AsyncClient.builder().endpointOverride(URI.create(S3Server.endpoint(S3.port())))
                .region(Region.of(S3Server.REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3.accessKeyId(),
                        "not-the-secret")))
                .build();
        try (wrong) {
            int sdkStatus = sdkStatus(() -> wrong.headObject(b -> b.bucket(bucket).key("plain.mp4")).join());

            assertThat(sdkStatus).isEqualTo(403);
            assertThatThrownBy(() -> ours(connection(AddressingStyle.PATH, "not-the-secret"), "plain.mp4"))
                    .satisfies(failure -> assertThat(ObjectStore.statusOf(failure)).isEqualTo(sdkStatus));
        }
    }

    @Test
    void bucketHeadTellsAnExistingBucketFromAMissingOne() {
        StorageConnection missing = new StorageConnection("store.test", URI.create(S3Server.endpoint(S3.port())),
                S3Server.REGION, "no-such-bucket-here", AddressingStyle.PATH, S3.accessKeyId(), S3.secret());

        assertThat(heads.headBucket(connection(AddressingStyle.PATH, S3.secret())).await().atMost(Duration.ofSeconds(10)))
                .isTrue();
        assertThat(sdkStatus(() -> sdk.headBucket(b -> b.bucket("no-such-bucket-here")).join())).isEqualTo(404);
        assertThat(heads.headBucket(missing).await().atMost(Duration.ofSeconds(10))).isFalse();
    }

    @Test
    void defaultPortIsLeftOutOfTheSignedHostAsTheSdkLeavesIt() {
        StorageConnection connection = new StorageConnection("store.test", URI.create("http://store.example"),
                S3Server.REGION, "media", AddressingStyle.VIRTUAL_HOSTED, "AKID", "secret");

        SdkHttpRequest signed = heads.sign(connection, "a.mp4");

        assertThat(signed.port()).isEqualTo(80);
        assertThat(signed.firstMatchingHeader("Host")).contains("media.store.example");
        assertThat(signed.encodedPath()).isEqualTo("/a.mp4");
    }

    @Test
    void storeAnswering5xxFailsWithItsStatus() throws Exception {
        int port = fakeStore(request -> request.response().setStatusCode(503).end());

        assertThatThrownBy(() -> heads.headObject(fakeConnection(port), "a.mp4").await().atMost(Duration.ofSeconds(10)))
                .satisfies(failure -> assertThat(ObjectStore.statusOf(failure)).isEqualTo(503));
    }

    @Test
    void storeAnsweringWhatIsNotHttpFailsWithoutAStatus() throws Exception {
        io.vertx.core.net.NetServer server = vertx.createNetServer()
                .connectHandler(socket -> socket.handler(bytes -> socket.write("NOT HTTP AT ALL\r\n\r\n")))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();

        assertThatThrownBy(() -> heads.headObject(fakeConnection(server.actualPort()), "a.mp4")
                .await().atMost(Duration.ofSeconds(10)))
                .satisfies(failure -> assertThat(ObjectStore.statusOf(failure)).isZero());
    }

    @Test
    void foundObjectWithAnUnreadableDateKeepsItsOtherFacts() throws Exception {
        int port = fakeStore(request -> request.response().putHeader("Content-Type", "video/mp4")
                .putHeader("ETag", "\"abc\"").putHeader("Last-Modified", "yesterday")
                .putHeader("Content-Length", "42").end());

        assertThat(heads.headObject(fakeConnection(port), "a.mp4").await().atMost(Duration.ofSeconds(10)))
                .contains(new ObjectFacts(42, "video/mp4", "\"abc\"", null));
    }

    @Test
    void unreadableLastModifiedIsNoFactRatherThanAFailure() {
        assertThat(S3Heads.httpDate("Sun, 06 Dec 2026 13:16:00 GMT")).isEqualTo(java.time.Instant.parse("2026-12-06T13:16:00Z"));
        assertThat(S3Heads.httpDate("yesterday")).isNull();
        assertThat(S3Heads.httpDate(null)).isNull();
    }

    /** A store that answers every request as {@code answer} says, on a free loopback port. */
    private static int fakeStore(io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> answer) {
        return vertx.createHttpServer().requestHandler(answer).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join().actualPort();
    }

    private static StorageConnection fakeConnection(int port) {
        return new StorageConnection("store.test", URI.create("http://127.0.0.1:" + port), S3Server.REGION, "media",
                AddressingStyle.PATH, "AKID", "secret");
    }

    private StorageConnection connection(AddressingStyle style, String secret) {
        return new StorageConnection("store.test", URI.create(S3Server.endpoint(S3.port())), S3Server.REGION, bucket,
                style, S3.accessKeyId(), secret);
    }

    private static Optional<ObjectFacts> ours(StorageConnection connection, String key) {
        return heads.headObject(connection, key).await().atMost(Duration.ofSeconds(10));
    }

    private ObjectFacts sdkFacts(String key) {
        HeadObjectResponse response = sdk.headObject(b -> b.bucket(bucket).key(key)).join();
        return new ObjectFacts(response.contentLength(), response.contentType(), response.eTag(),
                response.lastModified());
    }

    private static int sdkStatus(Runnable request) {
        try {
            request.run();
            return 200;
        } catch (CompletionException e) {
            return e.getCause() instanceof SdkServiceException service ? service.statusCode() : -1;
        }
    }
}
