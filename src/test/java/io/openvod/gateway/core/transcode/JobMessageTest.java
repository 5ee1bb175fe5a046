package io.openvod.gateway.core.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void documentedFieldsAndNoNulls() throws Exception {
        JsonNode job = JSON.readTree(new JobMessage("1", "v", 2, "https://b/a.mp4", "b", null, "wf", null, 10L,
                "video/mp4", null).toJson());

        List<String> names = new java.util.ArrayList<>();
        job.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("JobId", "VideoId", "AccountId", "FileURL", "StorageLocation",
                "WorkflowId", "Size", "ContentType");
    }

    @Test
    void presignedSourceUrlIsAdded() throws Exception {
        JsonNode job = JSON.readTree(new JobMessage("1", "v", 2, "u", "b", "tg", null, "{}", null, null, null)
                .withSourceUrl("https://signed").toJson());

        assertThat(job.get("SourceURL").asText()).isEqualTo("https://signed");
        assertThat(job.get("UserData").asText()).isEqualTo("{}");
    }

    @Test
    void exactlyOneOfTemplateGroupAndWorkflow() {
        assertThatThrownBy(() -> new JobMessage("1", "v", 2, "u", "b", null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
