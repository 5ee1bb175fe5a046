package io.openvod.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormCodecTest {

    private static Map<String, String> decode(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        FormCodec.decode(text, params::put);
        return params;
    }

    @Test
    void plusAndPercent20BothMeanSpaceAsSdksSendEither() {
        assertThat(decode("a=x+y&b=x%20y")).containsEntry("a", "x y").containsEntry("b", "x y");
    }

    @Test
    void rawAndEncodedStarAndTildeDecodeTheSame() {
        assertThat(decode("a=*~&b=%2A%7E")).containsEntry("a", "*~").containsEntry("b", "*~");
    }

    @Test
    void multiByteUtf8IsDecoded() {
        assertThat(decode("t=Vid%C3%A9o")).containsEntry("t", "Vidéo");
    }

    @Test
    void pairWithoutEqualsHasEmptyValueAndEmptyPairsAreSkipped() {
        assertThat(decode("flag&&a=1")).containsEntry("flag", "").containsEntry("a", "1").hasSize(2);
    }

    @Test
    void truncatedOrNonHexEscapeIsRejected() {
        assertThatThrownBy(() -> decode("a=%4")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> decode("a=%ZZ")).isInstanceOf(ApiException.class);
    }

    @Test
    void invalidUtf8IsRejectedNamingTheParameter() {
        assertThatThrownBy(() -> decode("Title=%C3%28"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().message()).contains("\"Title\""));
    }
}
