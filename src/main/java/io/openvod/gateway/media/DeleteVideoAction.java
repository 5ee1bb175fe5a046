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
 * {@code Action=DeleteVideo}: removes up to 20 of the caller's registrations and their transcode jobs. The files
 * stay in the caller's bucket. Registering one of them again gives a new MediaId ({@code NewRegister=true}).
 */
@ApplicationScoped
public class DeleteVideoAction implements RpcAction {

    /** The real service's per-account limit (docs/vod-api.md §6). */
    static final int DEFAULT_RATE_PER_SECOND = 30;

    private final MediaStore store;

    DeleteVideoAction(MediaStore store) {
        this.store = store;
    }

    /**
     * The answer: {@code NonExistVideoIds} (not the caller's, or already deleted) and {@code ForbiddenVideoIds}
     * (always empty: an account may delete all of its own media), bare arrays of strings.
     */
    record Deleted(List<String> nonExistent) implements ActionResponse {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("NonExistVideoIds", nonExistent);
            body.put("ForbiddenVideoIds", List.of());
            return body;
        }
    }

    @Override
    public String name() {
        return "DeleteVideo";
    }

    @Override
    public String summary() {
        return "Deletes up to 20 registrations (not the files in the bucket) and their pending transcode jobs.";
    }

    @Override
    public int defaultRatePerSecond() {
        return DEFAULT_RATE_PER_SECOND;
    }

    @Override
    public Uni<Deleted> invoke(ActionCall call) {
        List<String> ids = VideoIds.many(call.params());
        return store.delete(call.accountId(), ids)
                .map(deleted -> new Deleted(ids.stream().filter(id -> !deleted.contains(id)).toList()));
    }
}
