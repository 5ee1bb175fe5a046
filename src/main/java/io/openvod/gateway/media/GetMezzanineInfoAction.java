package io.openvod.gateway.media;

import io.openvod.gateway.action.ActionCall;
import io.openvod.gateway.action.ActionResponse;
import io.openvod.gateway.action.RpcAction;
import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.validation.MezzanineQuery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final MediaStore store;

    GetMezzanineInfoAction(MediaStore store) {
        this.store = store;
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
        return store.find(call.accountId(), query.videoId()).map(found -> {
            Media media = found.orElseThrow(() -> ApiError.videoNotFound().exception());
            return new MezzanineInfo(media, mezzanineUrl(media, query.authTimeout()));
        });
    }

    /**
     * The FileURL to hand out. Today the registered URL: the gateway holds no credentials for the bucket. When the
     * storage location has a connection (the storage feature, issue 16), this is where a presigned GET URL valid
     * for {@code authTimeoutSeconds}, made by that connection's S3 client, replaces it; nothing else changes.
     */
    String mezzanineUrl(Media media, long authTimeoutSeconds) {
        return media.fileUrl();
    }
}
