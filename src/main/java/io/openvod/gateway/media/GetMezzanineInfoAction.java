package io.openvod.gateway.media;

import io.openvod.gateway.action.ActionCall;
import io.openvod.gateway.action.ActionResponse;
import io.openvod.gateway.action.RpcAction;
import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.validation.MezzanineQuery;
import io.openvod.gateway.core.storage.StorageConnection;
import io.openvod.gateway.plumbing.Contexts;
import io.openvod.gateway.storage.ObjectStore;
import io.openvod.gateway.storage.StoredConnections;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Action=GetMezzanineInfo}: the source file of one of the caller's media (the registered object), as a
 * {@code Mezzanine} object.
 */
@ApplicationScoped
public class GetMezzanineInfoAction implements RpcAction {

    /** The real service's per-account limit (docs/vod-api.md §6). */
    static final int DEFAULT_RATE_PER_SECOND = 100;

    /** A registered object exists in the bucket (the real service's mezzanine statuses: docs/vod-api.md §5.2). */
    static final String STATUS = "Normal";

    /** The gateway serves no CDN domain: the URL it gives is always the storage's own. */
    static final String OUTPUT_TYPE = "oss";

    /** SigV4 presigned URLs live at most seven days; a longer AuthTimeout gets the longest the store accepts. */
    static final long MAX_PRESIGNED_SECONDS = Duration.ofDays(7).toSeconds();

    private final MediaStore store;
    private final StoredConnections connections;
    private final ObjectStore objects;

    GetMezzanineInfoAction(MediaStore store, StoredConnections connections, ObjectStore objects) {
        this.store = store;
        this.connections = connections;
        this.objects = objects;
    }

    /**
     * The answer: {@code Mezzanine}. Size (Long), ContentType and ETag appear once a storage check has read them
     * from the bucket; stream lists are left out, as the gateway analyses no media.
     */
    record MezzanineInfo(Media media, String fileUrl) implements ActionResponse {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> mezzanine = new LinkedHashMap<>();
            mezzanine.put("VideoId", media.mediaId());
            mezzanine.put("FileName", media.fileName());
            mezzanine.put("FileURL", fileUrl);
            Media.putIfKnown(mezzanine, "Size", media.size());
            mezzanine.put("CreationTime", Media.utc(media.createdAt()));
            mezzanine.put("Status", STATUS);
            mezzanine.put("OutputType", OUTPUT_TYPE);
            Media.putIfKnown(mezzanine, "ContentType", media.contentType());
            Media.putIfKnown(mezzanine, "ETag", media.etag());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Mezzanine", mezzanine);
            return body;
        }
    }

    @Override
    public String name() {
        return "GetMezzanineInfo";
    }

    @Override
    public String summary() {
        return "Returns the source file of a registered medium: its URL, file name, size and creation time.";
    }

    @Override
    public int defaultRatePerSecond() {
        return DEFAULT_RATE_PER_SECOND;
    }

    @Override
    public Uni<MezzanineInfo> invoke(ActionCall call) {
        MezzanineQuery query = MezzanineQuery.parse(call.params());
        return store.findSource(call.accountId(), query.videoId()).chain(found -> {
            MediaStore.Source source = found.orElseThrow(() -> ApiError.videoNotFound().exception());
            return mezzanineUrl(source, query.authTimeout()).map(url -> new MezzanineInfo(source.media(), url));
        });
    }

    /**
     * The FileURL to hand out: a GET URL presigned by the location's connection, valid for {@code authTimeoutSeconds}
     * (at most seven days), when the location has one; otherwise the registered URL, as the gateway holds no
     * credentials for the bucket. Presigning signs locally (no request to the store), but building a connection's
     * first presigner may read files, so it runs on a worker thread and the answer comes back on the request's context.
     */
    Uni<String> mezzanineUrl(MediaStore.Source source, long authTimeoutSeconds) {
        String registered = source.media().fileUrl();
        if (source.connection().isEmpty()) {
            return Uni.createFrom().item(registered);
        }
        StorageConnection connection = connections.open(source.media().storageLocation(), source.connection().get());
        Duration valid = Duration.ofSeconds(Math.min(authTimeoutSeconds, MAX_PRESIGNED_SECONDS));
        return Contexts.resumeOnCaller(Uni.createFrom()
                .item(() -> objects.presignFileUrl(connection, registered, valid).map(URI::toString).orElse(registered))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
