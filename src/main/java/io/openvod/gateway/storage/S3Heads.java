package io.openvod.gateway.storage;

import io.openvod.gateway.core.storage.AddressingStyle;
import io.openvod.gateway.core.storage.StorageConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The two S3 requests the storage check sends, {@code HEAD} of an object and of a bucket: signed by the AWS SDK's own
 * SigV4 signer ({@link AwsV4HttpSigner}, with the settings the SDK's S3 client signs with) and sent with Vert.x's
 * HTTP client on the calling event loop, with keep-alive connections pooled per endpoint and Vert.x's non-blocking
 * DNS resolver.
 *
 * <p>Why not the SDK's {@code S3AsyncClient}, which the first version used: warm, it cost three times the CPU per
 * HEAD, 113–132 µs against 37–43 µs for this (the last five of ten rounds of 20,000 HEADs, 64 at a time, against
 * S3Proxy: deployment/bench/head-cost.sh, docs/benchmarks.md, "The storage check"), and it needs far longer to warm
 * up: in the gateway, where its code never ran long enough to be fully compiled, a HEAD cost 360–500 µs. Only the request line and the four answer headers are written here; {@code S3HeadsTest}
 * holds every answer to the SDK client's.
 */
final class S3Heads {

    /** SHA-256 of an empty payload: a HEAD has none, and S3 requires the header with SigV4. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final HttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final long timeoutMillis;

    S3Heads(Vertx vertx, Duration timeout, int maxConnectionsPerEndpoint) {
        this.timeoutMillis = timeout.toMillis();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) timeoutMillis)
                        .setKeepAlive(true)
                        .setForceSni(true),
                new PoolOptions().setHttp1MaxSize(maxConnectionsPerEndpoint));
    }

    /** The object's facts; empty when the store answers 404; otherwise a {@link StoreAnswer} or I/O failure. */
    Uni<Optional<ObjectFacts>> headObject(StorageConnection connection, String objectKey) {
        return head(connection, SdkHttpUtils.urlEncodeIgnoreSlashes(objectKey))
                .map(response -> response == null ? Optional.empty() : Optional.of(facts(response)));
    }

    /** Whether the bucket exists (404 means it does not). */
    Uni<Boolean> headBucket(StorageConnection connection) {
        return head(connection, "").map(response -> response != null);
    }

    void close() {
        http.close();
    }

    /** The 2xx answer, null for a 404; fails with {@link StoreAnswer} for any other status. */
    private Uni<HttpClientResponse> head(StorageConnection connection, String encodedKey) {
        // Signed at subscription, not when the pipeline is built: the signature's time is the request's
        return Uni.createFrom().completionStage(() -> http.request(request(sign(connection, encodedKey)))
                .compose(req -> req.send())
                .compose(response -> response.end().map(response))
                .toCompletionStage())
                .map(S3Heads::accepted);
    }

    private RequestOptions request(SdkHttpRequest signed) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.HEAD)
                .setSsl("https".equals(signed.protocol()))
                .setHost(unbracketed(signed.host()))
                .setPort(signed.port())
                .setURI(signed.encodedPath())
                // waiting for a pooled connection (or making one), then for the answer; StorageCheck's guard bounds both
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        signed.forEachHeader((name, values) -> request.addHeader(name, values.get(0)));
        return request;
    }

    SdkHttpRequest sign(StorageConnection connection, String encodedKey) {
        boolean pathStyle = connection.style() == AddressingStyle.PATH;
        String host = pathStyle ? connection.endpoint().getHost() : connection.bucket() + "." + connection.endpoint().getHost();
        String path = pathStyle ? "/" + connection.bucket() + "/" + encodedKey : "/" + encodedKey;
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.HEAD)
                .protocol(connection.endpoint().getScheme())
                .host(host)
                .port(connection.endpoint().getPort() == -1 ? null : connection.endpoint().getPort())
                .encodedPath(path)
                .putHeader("x-amz-content-sha256", EMPTY_SHA256)
                .build();
        // As the SDK signs S3: the path is sent and signed as encoded once, never normalised (a key may hold "//").
        return signer.sign(r -> r
                .identity(AwsCredentialsIdentity.create(connection.accessKeyId(), connection.accessKeySecret()))
                .request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, connection.region())
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true))
                .request();
    }

    private static HttpClientResponse accepted(HttpClientResponse response) {
        int status = response.statusCode();
        if (status == 404) {
            return null;
        }
        if (status < 200 || status >= 300) {
            throw new StoreAnswer(status);
        }
        return response;
    }

    /** The headers the SDK's {@code HeadObjectResponse} reads them from, parsed as it parses them. */
    static ObjectFacts facts(HttpClientResponse response) {
        String length = response.getHeader("Content-Length");
        return new ObjectFacts(length == null ? 0 : Long.parseLong(length.trim()), response.getHeader("Content-Type"),
                response.getHeader("ETag"), httpDate(response.getHeader("Last-Modified")));
    }

    /** An RFC 1123 date (what S3 sends), or null when absent or unreadable: a fact the store did not give. */
    static Instant httpDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Vert.x connects to an IPv6 literal without the brackets a URI (and the Host header) has around it. */
    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The store answered with a status other than 2xx or 404. */
    static final class StoreAnswer extends RuntimeException {
        private final int status;

        StoreAnswer(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
