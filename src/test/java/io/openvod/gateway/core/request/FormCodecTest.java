package io.openvod.gateway.core.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.gateway.core.envelope.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormCodecTest {

    private static Map<String, String> decode(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        FormCodec.split(text, (name, source, start, end) -> params.put(name, FormCodec.decode(source, start, end, name)));
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
    void escapeWithNonAsciiDigitsIsRejected() {
        // U+0663 is a digit to Character.digit, but not a hex digit of percent-encoding.
        assertThatThrownBy(() -> decode("a=%\u0663\u0663")).isInstanceOf(ApiException.class);
    }

    @Test
    void invalidUtf8IsRejectedNamingTheParameter() {
        assertThatThrownBy(() -> decode("Title=%C3%28"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().message()).contains("\"Title\""));
    }

    @Test
    void rawNonAsciiCharactersMixedWithEscapesAreDecoded() {
        // Raw characters take up to four UTF-8 bytes for one or two chars: the buffer must grow for them.
        String raw = "\u00e9\u4e2d\uD83C\uDFA5".repeat(50);
        assertThat(decode("t=" + raw + "%20x")).containsEntry("t", raw + " x");
    }

    @Test
    void asciiBodyAndUtf8BodyAreReadAsTheyAre() {
        assertThat(FormCodec.strictUtf8("a=1&b=%C3%A9".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "Body"))
                .isEqualTo("a=1&b=%C3%A9");
        assertThat(FormCodec.strictUtf8("t=\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Body"))
                .isEqualTo("t=\u00e9");
        assertThatThrownBy(() -> FormCodec.strictUtf8(new byte[] {'a', (byte) 0xC3, '(' }, "Body"))
                .isInstanceOf(ApiException.class);
    }
}
