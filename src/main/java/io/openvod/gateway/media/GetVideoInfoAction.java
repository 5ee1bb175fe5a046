package io.openvod.gateway.media;

import io.openvod.gateway.action.ActionCall;
import io.openvod.gateway.action.ActionResponse;
import io.openvod.gateway.action.RpcAction;
import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.validation.VideoIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code Action=GetVideoInfo}: one of the caller's media as a {@code Video} object, or 404 InvalidVideo.NotFound. */
@ApplicationScoped
public class GetVideoInfoAction implements RpcAction {

    /** The real service's per-account limit (docs/vod-api.md §6). */
    static final int DEFAULT_RATE_PER_SECOND = 100;

    private final MediaStore store;

    GetVideoInfoAction(MediaStore store) {
        this.store = store;
    }

    /** The answer: {@code Video}, a single object (its lists would be wrapped; it has none yet). */
    record VideoInfo(Media media) implements ActionResponse {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Video", media.video());
            return body;
        }
    }

    @Override
    public String name() {
        return "GetVideoInfo";
    }

    @Override
    public String summary() {
        return "Returns one registered medium (title, description, tags, category, status, times, storage, ...).";
    }

    @Override
    public int defaultRatePerSecond() {
        return DEFAULT_RATE_PER_SECOND;
    }

    @Override
    public Uni<VideoInfo> invoke(ActionCall call) {
        String videoId = VideoIds.one(call.params());
        return store.find(call.accountId(), videoId)
                .map(found -> new VideoInfo(found.orElseThrow(() -> ApiError.videoNotFound().exception())));
    }
}
