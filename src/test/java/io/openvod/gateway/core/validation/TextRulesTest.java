package io.openvod.gateway.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void utf8LengthCountsBytesPerCodePoint() {
        assertThat(TextRules.utf8Length("abc")).isEqualTo(3);
        assertThat(TextRules.utf8Length("é")).isEqualTo(2);
        assertThat(TextRules.utf8Length("视")).isEqualTo(3);
        assertThat(TextRules.utf8Length("\uD83C\uDF89")).isEqualTo(4);
    }

    @Test
    void truncationNeverSplitsACharacter() {
        assertThat(TextRules.truncateToBytes("视视视", 8)).isEqualTo("视视");
        assertThat(TextRules.truncateToBytes("short", 128)).isEqualTo("short");
    }

    @Test
    void emojiOutsideTheBmpIsNotDisplayable() {
        assertThat(TextRules.isDisplayable("ok \uD83D\uDE00", false)).isFalse();
    }

    @Test
    void loneSurrogateIsNotDisplayable() {
        assertThat(TextRules.isDisplayable("broken \uD800", true)).isFalse();
    }

    @Test
    void lineBreaksAreAllowedOnlyInMultiLineText() {
        assertThat(TextRules.isDisplayable("line\nline", true)).isTrue();
        assertThat(TextRules.isDisplayable("line\nline", false)).isFalse();
    }

    @Test
    void ordinaryTextInAnyScriptIsDisplayable() {
        assertThat(TextRules.isDisplayable("Vidéo 视频 видео *test* ~1/2 <x>", false)).isTrue();
    }

    @Test
    void urlsMayHoldAnyCharacterThatCanBeStored() {
        assertThat(TextRules.isStorable("a b+c/视频/\uD83C\uDF89.mp4")).isTrue();
        assertThat(TextRules.isStorable("nul\u0000")).isFalse();
        assertThat(TextRules.isStorable("lone\uDC00")).isFalse();
        assertThat(TextRules.isStorable("lone\uD800")).isFalse();
    }
}
