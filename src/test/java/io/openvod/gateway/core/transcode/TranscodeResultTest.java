package io.openvod.gateway.core.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranscodeResultTest {

    private static TranscodeResult parse(String json) {
        return TranscodeResult.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void successWithStreamInfos() {
        TranscodeResult result = parse("{\"JobId\":\"42\",\"Status\":\"success\",\"StreamInfos\":[{\"Definition\":\"SD\","
                + "\"Format\":\"mp4\",\"FileUrl\":\"https://cdn/a.mp4\",\"Size\":123,\"Duration\":12.5,\"Bitrate\":\"800\","
                + "\"Width\":640,\"Height\":360,\"Fps\":25}]}");

        assertThat(result.jobId()).isEqualTo(42);
        assertThat(result.success()).isTrue();
        assertThat(result.mediaStatus()).isEqualTo("Normal");
        assertThat(result.streamInfos()).containsExactly(new StreamInfo("SD", "mp4", "https://cdn/a.mp4", 123L,
                "12.5", "800", 640, 360, "25"));
    }

    @Test
    void failureWithErrorCode() {
        TranscodeResult result = parse("{\"JobId\":7,\"Status\":\"fail\",\"ErrorCode\":\"E\",\"ErrorMessage\":\"m\"}");

        assertThat(result.success()).isFalse();
        assertThat(result.mediaStatus()).isEqualTo("TranscodeFail");
        assertThat(result.jobStatus()).isEqualTo("Failed");
        assertThat(result.errorCode()).isEqualTo("E");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{}", "{\"JobId\":0,\"Status\":\"success\"}", "{\"JobId\":-1,\"Status\":\"fail\"}",
            "{\"JobId\":\"x\",\"Status\":\"success\"}", "{\"JobId\":1}", "{\"JobId\":1,\"Status\":\"done\"}",
            "{\"JobId\":1,\"Status\":\"success\",\"StreamInfos\":{}}", "{\"JobId\":1,\"Status\":\"success\",\"StreamInfos\":[1]}",
            "{\"JobId\":1,\"Status\":\"success\",\"StreamInfos\":[{\"Width\":\"wide\"}]}",
            "{\"JobId\":1,\"JobId\":2,\"Status\":\"success\"}", "{\"JobId\":1,\"Status\":\"success\"} trailing"})
    void malformedResultsAreRefusedWithAReason(String json) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(TranscodeResult.Malformed.class)
                .hasMessageMatching(".+");
    }
}
