package io.openvod.gateway.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Rfc3986Test {

    @Test
    void unreservedCharactersStayAsTheyAre() {
        assertThat(Rfc3986.encode("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
    }

    @Test
    void spaceIsPercent20AndNotPlus() {
        assertThat(Rfc3986.encode("a b")).isEqualTo("a%20b");
    }

    @Test
    void starPlusSlashAndColonAreEncodedWithUppercaseHex() {
        assertThat(Rfc3986.encode("*+/:=&")).isEqualTo("%2A%2B%2F%3A%3D%26");
    }

    @Test
    void nonAsciiIsEncodedAsUtf8Bytes() {
        assertThat(Rfc3986.encode("é😀")).isEqualTo("%C3%A9%F0%9F%98%80");
    }

    @Test
    void encodingTwiceInOnePassEqualsEncodingTheEncoding() {
        for (String text : new String[] {"", "plain-_.~", "a b*c+d/e=f&g", "Vidéo 视频 \uD83C\uDF89", "%41", "[{\"FileURL\":1}]",
            "\uD83C", "a\uDF89b", "\uD83Cx", "\uD83C\uD83C\uDF89", "\u00e9".repeat(300)}) {
            StringBuilder once = new StringBuilder();
            Rfc3986.appendEncodedTwice(once, text);
            assertThat(once.toString()).as(text).isEqualTo(Rfc3986.encode(Rfc3986.encode(text)));
        }
    }
}
