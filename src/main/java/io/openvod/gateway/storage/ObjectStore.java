package io.openvod.gateway.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.openvod.gateway.core.storage.AddressingStyle;
import io.openvod.gateway.core.storage.ObjectKeys;
import io.openvod.gateway.core.storage.StorageConnection;
import io.openvod.gateway.core.validation.FileUrl;
import io.openvod.gateway.plumbing.Caches;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * The S3 API of the object stores behind storage locations, on the AWS SDK for Java v2 async client. One Netty HTTP
 * client with its own event loop serves every store (the SDK resolves host names with the JDK's blocking resolver,
 * so its I/O never runs on a Vert.x event loop); one S3 client per connection is kept, built on a worker thread the
 * first time (building one loads and initialises much of the SDK). Nothing here reads ~/.aws: every setting comes
 * from the storage location.
 *
 * <p>Answers are raw: {@link #head} completes with the object's facts, empty for a 404, or fails with the SDK's
 * exception. {@link StorageCheck} turns them into what callers see.
 */
@ApplicationScoped
public class ObjectStore {

    private final StorageConfig config;
    private final SdkEventLoopGroup eventLoop;
    private final SdkAsyncHttpClient http;
    private final Cache<StorageConnection, S3AsyncClient> clients;
    private final Cache<StorageConnection, S3Presigner> presigners;

    ObjectStore(StorageConfig config) {
        this.config = config;
        this.eventLoop = SdkEventLoopGroup.builder().numberOfThreads(config.ioThreads()).build();
        this.http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(eventLoop)
                .maxConcurrency(config.maxConnections())
                .connectionTimeout(config.probeTimeout())
                .connectionAcquisitionTimeout(config.probeTimeout())
                .build();
        this.clients = Caches.onCallingThread().maximumSize(config.maxClients())
                .<StorageConnection, S3AsyncClient>removalListener((connection, client, cause) -> close(client, cause))
                .build();
        this.presigners = Caches.onCallingThread().maximumSize(config.maxClients())
                .<StorageConnection, S3Presigner>removalListener((connection, presigner, cause) -> close(presigner, cause))
                .build();
    }

    /** The object's size, type, ETag and last-modified time; empty when the store answers 404. */
    public Uni<Optional<ObjectFacts>> head(StorageConnection connection, String objectKey) {
        return client(connection).chain(client -> fromFuture(() -> client.headObject(b -> b
                .bucket(connection.bucket()).key(objectKey))))
                .map(response -> Optional.of(new ObjectFacts(response.contentLength() == null ? 0 : response.contentLength(),
                        response.contentType(), response.eTag(), response.lastModified())))
                .onFailure(ObjectStore::isNotFound).recoverWithItem(Optional.empty());
    }

    /** Whether the bucket exists: a HEAD of an object answers 404 without saying which of the two is missing. */
    public Uni<Boolean> bucketExists(StorageConnection connection) {
        return client(connection).chain(client -> fromFuture(() -> client.headBucket(b -> b.bucket(connection.bucket()))))
                .map(response -> true)
                .onFailure(ObjectStore::isNotFound).recoverWithItem(false);
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
        return cause instanceof SdkServiceException service ? service.statusCode() : 0;
    }

    private static boolean isNotFound(Throwable failure) {
        return statusOf(failure) == 404;
    }

    private Uni<S3AsyncClient> client(StorageConnection connection) {
        S3AsyncClient known = clients.getIfPresent(connection);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Uni.createFrom().item(() -> clients.get(connection, this::build))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private S3AsyncClient build(StorageConnection connection) {
        return S3AsyncClient.builder()
                .httpClient(http)
                .endpointOverride(connection.endpoint())
                .region(Region.of(connection.region()))
                .credentialsProvider(credentials(connection))
                .forcePathStyle(connection.style() == AddressingStyle.PATH)
                .overrideConfiguration(o -> o
                        .apiCallTimeout(config.probeTimeout())
                        // One attempt: the deadline is the caller's, and a retry of a failing store is the caller's call.
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .defaultProfileFileSupplier(ObjectStore::noProfile)
                        .defaultProfileName("none"))
                // The answer is handed on to the request's Vert.x context at once; no hop through the SDK's pool.
                .asyncConfiguration(b -> b.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
                        Runnable::run))
                .build();
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

    private static ProfileFile noProfile() {
        return ProfileFile.aggregator().build();
    }

    private static <T> Uni<T> fromFuture(Supplier<CompletableFuture<T>> request) {
        return Uni.createFrom().completionStage(request);
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
        clients.invalidateAll();
        presigners.invalidateAll();
        http.close();
        eventLoop.eventLoopGroup().shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
