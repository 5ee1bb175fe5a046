package io.openvod.gateway.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

    @Test
    void escapesAreDecodedAsUtf8() {
        assertThat(PercentDecoding.decode("a%20b.mp4")).isEqualTo("a b.mp4");
        assertThat(PercentDecoding.decode("%E4%B8%AD%e6%96%87.mp4")).isEqualTo("\u4e2d\u6587.mp4");
    }

    @Test
    void plusAndStrayPercentSignsAreOrdinaryCharacters() {
        assertThat(PercentDecoding.decode("a+b%.mp4")).isEqualTo("a+b%.mp4");
        assertThat(PercentDecoding.decode("100%zz.mp4")).isEqualTo("100%zz.mp4");
        assertThat(PercentDecoding.decode("a%2")).isEqualTo("a%2");
    }

    @Test
    void escapesThatAreNotUtf8StayEncodedInOneSpelling() {
        assertThat(PercentDecoding.decode("a%e9.mp4")).isEqualTo("a%E9.mp4");
        assertThat(PercentDecoding.decode("a%E9.mp4")).isEqualTo("a%E9.mp4");
    }

    @Test
    void controlCharactersStayEncoded() {
        assertThat(PercentDecoding.decode("a%00b%0a.mp4")).isEqualTo("a%00b%0A.mp4");
    }

    @Test
    void encodedSlashIsASlash() {
        assertThat(PercentDecoding.decode("dir%2Fa.mp4")).isEqualTo("dir/a.mp4");
    }
}
