package io.openvod.gateway.core.transcode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * The job a transcoder receives (docs/transcode-job.schema.json): one registered file with its template group or
 * workflow. The broker message id is {@link #jobId()}; a consumer deduplicates by it, since delivery is at least
 * once. Absent facts (Size, ContentType, SourceURL, UserData) are left out rather than sent as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobMessage(
        @JsonProperty("JobId") String jobId,
        @JsonProperty("VideoId") String videoId,
        @JsonProperty("AccountId") long accountId,
        @JsonProperty("FileURL") String fileUrl,
        @JsonProperty("StorageLocation") String storageLocation,
        @JsonProperty("TemplateGroupId") String templateGroupId,
        @JsonProperty("WorkflowId") String workflowId,
        @JsonProperty("UserData") String userData,
        @JsonProperty("Size") Long size,
        @JsonProperty("ContentType") String contentType,
        @JsonProperty("SourceURL") String sourceUrl) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JobMessage {
        if ((templateGroupId == null) == (workflowId == null)) {
            throw new IllegalArgumentException("a job has exactly one of TemplateGroupId and WorkflowId");
        }
    }

    /** The same job with a presigned GET URL of its source. */
    public JobMessage withSourceUrl(String url) {
        return new JobMessage(jobId, videoId, accountId, fileUrl, storageLocation, templateGroupId, workflowId,
                userData, size, contentType, url);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
