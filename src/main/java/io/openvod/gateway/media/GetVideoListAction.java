package io.openvod.gateway.media;

import io.openvod.gateway.action.ActionCall;
import io.openvod.gateway.action.ActionResponse;
import io.openvod.gateway.action.RpcAction;
import io.openvod.gateway.core.validation.VideoListQuery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Action=GetVideoList}: a page of the caller's media, filtered by status, category, storage location and
 * creation time, sorted by creation time, with the number of matches in all.
 */
@ApplicationScoped
public class GetVideoListAction implements RpcAction {

    /** The real service's per-account limit (docs/vod-api.md §6). */
    static final int DEFAULT_RATE_PER_SECOND = 100;

    private final MediaStore store;

    GetVideoListAction(MediaStore store) {
        this.store = store;
    }

    /**
     * The answer: {@code Total} (integer) and {@code VideoList} wrapping its array as {@code {"Video":[…]}}, which is
     * the form the SDKs read (docs/vod-api.md §5.5); in XML, {@code <VideoList><Video>…</Video>…</VideoList>}.
     */
    record VideoPage(long total, List<Media> media) implements ActionResponse {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Total", total);
            body.put("VideoList", Map.of("Video", media.stream().map(Media::video).toList()));
            return body;
        }
    }

    @Override
    public String name() {
        return "GetVideoList";
    }

    @Override
    public String summary() {
        return "Lists registered media page by page, filtered by Status, CateId, StorageLocation and creation time.";
    }

    @Override
    public int defaultRatePerSecond() {
        return DEFAULT_RATE_PER_SECOND;
    }

    @Override
    public Uni<VideoPage> invoke(ActionCall call) {
        VideoListQuery query = VideoListQuery.parse(call.params());
        return store.list(call.accountId(), query).map(page -> new VideoPage(page.total(), page.media()));
    }
}
