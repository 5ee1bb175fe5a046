package io.openvod.gateway.media;

import io.openvod.gateway.action.ActionCall;
import io.openvod.gateway.action.ActionResponse;
import io.openvod.gateway.action.RpcAction;
import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.validation.VideoInfoUpdate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * {@code Action=UpdateVideoInfo}: changes the Title, Description, Tags, CoverURL or CateId given, validated as
 * RegisterMedia validates them, and sets ModificationTime.
 */
@ApplicationScoped
public class UpdateVideoInfoAction implements RpcAction {

    /** The real service's per-account limit (docs/vod-api.md §6). */
    static final int DEFAULT_RATE_PER_SECOND = 100;

    private final MediaStore store;

    UpdateVideoInfoAction(MediaStore store) {
        this.store = store;
    }

    /** The answer: only the RequestId. */
    record Updated() implements ActionResponse {
        @Override
        public Map<String, Object> fields() {
            return Map.of();
        }
    }

    @Override
    public String name() {
        return "UpdateVideoInfo";
    }

    @Override
    public String summary() {
        return "Changes the title, description, tags, cover URL or category of a registered medium.";
    }

    @Override
    public int defaultRatePerSecond() {
        return DEFAULT_RATE_PER_SECOND;
    }

    @Override
    public Uni<Updated> invoke(ActionCall call) {
        VideoInfoUpdate update = VideoInfoUpdate.parse(call.params());
        return store.update(call.accountId(), update).map(outcome -> {
            if (!outcome.videoFound()) {
                throw ApiError.videoNotFound().exception();
            }
            if (!outcome.categoryFound()) {
                throw ApiError.categoryNotFound().exception();
            }
            return new Updated();
        });
    }
}
