package io.openvod.gateway.media;

import io.openvod.gateway.action.ActionCall;
import io.openvod.gateway.action.ActionResponse;
import io.openvod.gateway.action.RpcAction;
import io.openvod.gateway.core.validation.VideoIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Action=GetVideoInfos}: up to 20 of the caller's media, in the order asked; the ids that name none of them
 * (never registered, deleted, or another account's) in {@code NonExistVideoIds}.
 */
@ApplicationScoped
public class GetVideoInfosAction implements RpcAction {

    /** The real service's per-account limit (docs/vod-api.md §6). */
    static final int DEFAULT_RATE_PER_SECOND = 100;

    private final MediaStore store;

    GetVideoInfosAction(MediaStore store) {
        this.store = store;
    }

    /** The answer: {@code VideoList} and {@code NonExistVideoIds}, both bare arrays (docs/vod-api.md §5.5). */
    record VideoInfos(List<Media> found, List<String> missing) implements ActionResponse {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("VideoList", found.stream().map(Media::video).toList());
            body.put("NonExistVideoIds", missing);
            return body;
        }
    }

    @Override
    public String name() {
        return "GetVideoInfos";
    }

    @Override
    public String summary() {
        return "Returns up to 20 registered media by VideoIds, and the ids that do not exist.";
    }

    @Override
    public int defaultRatePerSecond() {
        return DEFAULT_RATE_PER_SECOND;
    }

    @Override
    public Uni<VideoInfos> invoke(ActionCall call) {
        List<String> ids = VideoIds.many(call.params());
        return store.findAll(call.accountId(), ids).map(found -> new VideoInfos(
                ids.stream().filter(found::containsKey).map(found::get).toList(),
                ids.stream().filter(id -> !found.containsKey(id)).toList()));
    }
}
