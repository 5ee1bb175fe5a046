package io.openvod.gateway.core.transcode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a transcoder reports on the results queue (README, "Transcoding"): JobId, Status success|fail, StreamInfos
 * on success, ErrorCode and ErrorMessage on failure. {@link #parse} refuses anything else with a reason, which the
 * consumer logs before dead-lettering the message.
 */
public record TranscodeResult(long jobId, boolean success, List<StreamInfo> streamInfos, String errorCode,
        String errorMessage) {

    /** A result that cannot be applied, and why. */
    public static final class Malformed extends RuntimeException {
        public Malformed(String why) {
            super(why, null, false, false);
        }
    }

    static final int MAX_STREAMS = 64;
    static final int MAX_TEXT = 1024;
    static final int MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public TranscodeResult {
        streamInfos = List.copyOf(streamInfos);
    }

    /** The media status a result leads to. */
    public String mediaStatus() {
        return success ? "Normal" : "TranscodeFail";
    }

    /** The job status a result leads to. */
    public String jobStatus() {
        return success ? "Succeeded" : "Failed";
    }

    public static TranscodeResult parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new Malformed("larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            throw new Malformed("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("not a JSON object");
        }
        long jobId = jobId(root.get("JobId"));
        String status = text(root, "Status", true).toLowerCase(Locale.ROOT);
        if (!status.equals("success") && !status.equals("fail")) {
            throw new Malformed("Status must be success or fail, not " + status);
        }
        boolean success = status.equals("success");
        return new TranscodeResult(jobId, success, streams(root.get("StreamInfos")),
                text(root, "ErrorCode", false), text(root, "ErrorMessage", false));
    }

    private static long jobId(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() > 0) {
            return node.asLong();
        }
        if (node != null && node.isTextual() && node.asText().matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(node.asText());
        }
        throw new Malformed("JobId must be a positive integer (a number or a string of digits)");
    }

    private static List<StreamInfo> streams(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_STREAMS) {
            throw new Malformed("StreamInfos must be an array of at most " + MAX_STREAMS + " objects");
        }
        List<StreamInfo> streams = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new Malformed("each StreamInfos item must be an object");
            }
            streams.add(new StreamInfo(text(item, "Definition", false), text(item, "Format", false),
                    text(item, "FileUrl", false), number(item, "Size"), scalar(item, "Duration"),
                    scalar(item, "Bitrate"), integer(item, "Width"), integer(item, "Height"), scalar(item, "Fps")));
        }
        return streams;
    }

    private static String text(JsonNode parent, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Malformed(field + " is missing");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().length() > MAX_TEXT) {
            throw new Malformed(field + " must be a string of at most " + MAX_TEXT + " characters");
        }
        return node.asText();
    }

    /** Duration, Bitrate and Fps are strings in VOD's events; a number is accepted and kept as its text. */
    private static String scalar(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node != null && node.isNumber()) {
            return node.asText();
        }
        return text(parent, field, false);
    }

    private static Long number(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw new Malformed(field + " must be a non-negative integer");
        }
        return node.asLong();
    }

    private static Integer integer(JsonNode parent, String field) {
        Long value = number(parent, field);
        if (value != null && value > Integer.MAX_VALUE) {
            throw new Malformed(field + " is too large");
        }
        return value == null ? null : value.intValue();
    }
}
