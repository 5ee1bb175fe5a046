package io.openvod.gateway.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.gateway.core.transcode.StreamInfo;
import io.openvod.gateway.core.transcode.TranscodeResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscodeCompleteEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00.123Z");

    @Test
    void successCarriesStreamInfosAndTheExtendOfUserData() throws Exception {
        TranscodeResult result = new TranscodeResult(7, true, List.of(new StreamInfo("HD", "mp4",
                "https://cdn/x.mp4", 100L, "9.5", "1200", 1280, 720, "25")), null, null);

        JsonNode event = JSON.readTree(TranscodeCompleteEvent.payload("vid", result,
                "{\"Extend\":{\"a\":1},\"MessageCallback\":{\"CallbackURL\":\"https://h/cb\"}}", NOW));

        assertThat(event.get("EventTime").asText()).isEqualTo("2026-12-06T08:00:00Z");
        assertThat(event.get("EventType").asText()).isEqualTo("TranscodeComplete");
        assertThat(event.get("VideoId").asText()).isEqualTo("vid");
        assertThat(event.get("Status").asText()).isEqualTo("success");
        assertThat(event.get("StreamInfos").get(0).get("Definition").asText()).isEqualTo("HD");
        assertThat(event.get("StreamInfos").get(0).get("Width").asInt()).isEqualTo(1280);
        assertThat(event.get("Extend").asText()).isEqualTo("{\"a\":1}");
        assertThat(event.has("ErrorCode")).isFalse();
    }

    @Test
    void failureCarriesErrorCodeAndMessage() throws Exception {
        JsonNode event = JSON.readTree(TranscodeCompleteEvent.payload("vid",
                new TranscodeResult(7, false, List.of(), "InvalidMedia", "no video stream"), null, NOW));

        assertThat(event.get("Status").asText()).isEqualTo("fail");
        assertThat(event.get("ErrorCode").asText()).isEqualTo("InvalidMedia");
        assertThat(event.get("ErrorMessage").asText()).isEqualTo("no video stream");
        assertThat(event.has("Extend")).isFalse();
    }

    @Test
    void mediaCallbackUrlComesFromUserData() {
        assertThat(TranscodeCompleteEvent.mediaCallbackUrl("{\"MessageCallback\":{\"CallbackURL\":\"https://h/cb\"}}"))
                .contains("https://h/cb");
        assertThat(TranscodeCompleteEvent.mediaCallbackUrl("{\"Extend\":\"x\"}")).isEmpty();
        assertThat(TranscodeCompleteEvent.mediaCallbackUrl(null)).isEmpty();
    }
}
