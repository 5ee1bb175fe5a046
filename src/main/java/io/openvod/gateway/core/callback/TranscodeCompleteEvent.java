package io.openvod.gateway.core.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.gateway.core.transcode.StreamInfo;
import io.openvod.gateway.core.transcode.TranscodeResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The {@code TranscodeComplete} event (docs/vod-api.md §5.4) a result produces, and where it goes: the media's
 * {@code UserData.MessageCallback.CallbackURL} when it has one, else the account's callback URL.
 */
public final class TranscodeCompleteEvent {

    public static final String TYPE = "TranscodeComplete";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private TranscodeCompleteEvent() {
    }

    /** The event's JSON body. */
    public static String payload(String videoId, TranscodeResult result, String userData, Instant now) {
        ObjectNode event = JSON.createObjectNode()
                .put("EventTime", EVENT_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)))
                .put("EventType", TYPE)
                .put("VideoId", videoId)
                .put("Status", result.success() ? "success" : "fail");
        if (!result.success()) {
            event.put("ErrorCode", result.errorCode()).put("ErrorMessage", result.errorMessage());
        }
        ArrayNode streams = event.putArray("StreamInfos");
        for (StreamInfo stream : result.streamInfos()) {
            streams.add(JSON.valueToTree(stream));
        }
        userDataField(userData, "Extend").ifPresent(extend -> event.put("Extend",
                extend.isTextual() ? extend.asText() : extend.toString()));
        return event.toString();
    }

    /** The media's own callback URL (as stored, validated by RegisterMedia), if its UserData names one. */
    public static Optional<String> mediaCallbackUrl(String userData) {
        return userDataField(userData, "MessageCallback")
                .map(callback -> callback.get("CallbackURL"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    private static Optional<JsonNode> userDataField(String userData, String field) {
        if (userData == null || userData.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(userData);
            return Optional.ofNullable(root == null ? null : root.get(field)).filter(node -> !node.isNull());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
