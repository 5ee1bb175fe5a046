package io.openvod.gateway.core.validation;

import io.openvod.gateway.core.envelope.ApiError;
import java.util.Map;

/**
 * A valid UpdateVideoInfo call. A null field is left as it is; an empty Description, Tags or CoverURL clears it.
 * Validated exactly like the same fields of RegisterMedia ({@link MediaFields}).
 */
public record VideoInfoUpdate(String videoId, String title, String description, String tags, String coverUrl,
        Long cateId) {

    /** @throws io.openvod.gateway.core.envelope.ApiException MissingVideoId, InvalidParameter, LengthExceededMax, ... */
    public static VideoInfoUpdate parse(Map<String, String> params) {
        String videoId = VideoIds.one(params);
        String title = params.get("Title");
        if (title != null) {
            if (title.isEmpty()) {
                throw ApiError.invalidParameter("Title", "It cannot be empty.").exception();
            }
            MediaFields.checkTitle(title);
        }
        String description = params.get("Description");
        MediaFields.checkDescription(description);
        String tags = params.get("Tags");
        MediaFields.checkTags(tags);
        String coverUrl = params.get("CoverURL");
        MediaFields.checkCoverUrl(coverUrl);
        return new VideoInfoUpdate(videoId, title, description, tags, coverUrl,
                Numbers.optionalLong(params, "CateId", 1, Long.MAX_VALUE));
    }
}
