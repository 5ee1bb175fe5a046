package io.openvod.gateway.core.transcode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One output stream a transcoder reports (the StreamInfos of a TranscodeComplete event, docs/vod-api.md §5.4). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamInfo(
        @JsonProperty("Definition") String definition,
        @JsonProperty("Format") String format,
        @JsonProperty("FileUrl") String fileUrl,
        @JsonProperty("Size") Long size,
        @JsonProperty("Duration") String duration,
        @JsonProperty("Bitrate") String bitrate,
        @JsonProperty("Width") Integer width,
        @JsonProperty("Height") Integer height,
        @JsonProperty("Fps") String fps) {
}
