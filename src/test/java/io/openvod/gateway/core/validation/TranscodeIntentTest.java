package io.openvod.gateway.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscodeIntentTest {

    @Test
    void workflowWinsOverTemplateGroup() {
        assertThat(TranscodeIntent.of("tg", "wf")).isEqualTo(new TranscodeIntent(null, "wf"));
    }

    @Test
    void noTranscodeAndAbsentMeanNothing() {
        assertThat(TranscodeIntent.of("VOD_NO_TRANSCODE", null)).isEqualTo(TranscodeIntent.NONE);
        assertThat(TranscodeIntent.of(null, null)).isEqualTo(TranscodeIntent.NONE);
    }

    @Test
    void templateGroupAloneIsKept() {
        assertThat(TranscodeIntent.of("tg", null)).isEqualTo(new TranscodeIntent("tg", null));
    }
}
