package io.openvod.gateway.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.openvod.gateway.core.storage.AddressingStyle;
import io.openvod.gateway.core.storage.ObjectKeys;
import io.openvod.gateway.core.storage.StorageConnection;
import io.openvod.gateway.core.validation.FileUrl;
import io.openvod.gateway.plumbing.Caches;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * The S3 API of the object stores behind storage locations: the checks' {@code HEAD}s through {@link S3Heads} (Vert.x's
 * HTTP client, the AWS SDK's signer) and presigned GET URLs through the AWS SDK's {@link S3Presigner}, one kept per
 * connection. Nothing here reads ~/.aws: every setting comes from the storage location.
 *
 * <p>Answers are raw: {@link #head} completes with the object's facts, empty for a 404, or fails with the store's
 * status ({@link #statusOf}) or an I/O failure. {@link StorageCheck} turns them into what callers see.
 */
@ApplicationScoped
public class ObjectStore {

    private final S3Heads heads;
    private final Cache<StorageConnection, S3Presigner> presigners;

    ObjectStore(StorageConfig config, Vertx vertx) {
        this.heads = new S3Heads(vertx, config.probeTimeout(), config.maxConnections());
        this.presigners = Caches.onCallingThread().maximumSize(config.maxPresigners())
                .<StorageConnection, S3Presigner>removalListener((connection, presigner, cause) -> close(presigner, cause))
                .build();
    }

    /** The object's size, type, ETag and last-modified time; empty when the store answers 404. */
    public Uni<Optional<ObjectFacts>> head(StorageConnection connection, String objectKey) {
        return heads.headObject(connection, objectKey);
    }

    /** Whether the bucket exists: a HEAD of an object answers 404 without saying which of the two is missing. */
    public Uni<Boolean> bucketExists(StorageConnection connection) {
        return heads.headBucket(connection);
    }

    /**
     * A URL that lets its holder GET the object until {@code ttl} has passed, signed locally (no request to the store);
     * for the media read APIs ({@code GetMezzanineInfo}, {@code GetPlayInfo}).
     */
    public URI presign(StorageConnection connection, String objectKey, Duration ttl) {
        S3Presigner presigner = presigners.get(connection, ObjectStore::buildPresigner);
        return URI.create(presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl)
                .getObjectRequest(b -> b.bucket(connection.bucket()).key(objectKey)).build()).url().toString());
    }

    /**
     * A presigned GET URL of the object a registered FileURL names in the connection's bucket (the key by
     * {@link ObjectKeys}), or empty when the URL names none (a path-style URL of another bucket).
     */
    public Optional<URI> presignFileUrl(StorageConnection connection, String fileUrl, Duration ttl) {
        return ObjectKeys.of(FileUrl.parse(fileUrl), connection.style(), connection.bucket())
                .map(key -> presign(connection, key, ttl));
    }

    /** The HTTP status of a store's answer, or 0 when there was none (unreachable, timed out). */
    static int statusOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof S3Heads.StoreAnswer answer ? answer.status() : 0;
    }

    private static S3Presigner buildPresigner(StorageConnection connection) {
        return S3Presigner.builder()
                .endpointOverride(connection.endpoint())
                .region(Region.of(connection.region()))
                .credentialsProvider(credentials(connection))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(connection.style() == AddressingStyle.PATH).build())
                .build();
    }

    private static StaticCredentialsProvider credentials(StorageConnection connection) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(connection.accessKeyId(),
                connection.accessKeySecret()));
    }

    private static void close(AutoCloseable resource, RemovalCause cause) {
        if (resource != null && cause != RemovalCause.REPLACED) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }

    @PreDestroy
    void shutdown() {
        presigners.invalidateAll();
        heads.close();
    }
}
