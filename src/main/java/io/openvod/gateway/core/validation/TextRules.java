package io.openvod.gateway.core.validation;

import io.openvod.gateway.core.envelope.ApiError;

/**
 * The text limits of the real service: lengths in UTF-8 bytes, and no emoticons or control characters in
 * what people read (Title, Description, Tags).
 */
final class TextRules {

    private TextRules() {
    }

    static void requireMaxBytes(String parameter, String value, int maxBytes) {
        if (value != null && utf8Length(value) > maxBytes) {
            throw ApiError.lengthExceeded(parameter, maxBytes).exception();
        }
    }

    static void requireDisplayable(String parameter, String value, boolean multiLine) {
        if (value != null && !isDisplayable(value, multiLine)) {
            throw ApiError.illegalCharacters(parameter).exception();
        }
    }

    /**
     * Rejects characters outside the Basic Multilingual Plane (where emoji live), the BMP emoticon blocks,
     * variation selectors, control characters (tab and line breaks allowed in multi-line text), lone
     * surrogates and non-characters.
     */
    static boolean isDisplayable(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                return false;
            }
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if ((Character.isISOControl(c) && !(multiLine && lineBreak))
                    || (c >= 0x2600 && c <= 0x27BF)
                    || (c >= 0xFE00 && c <= 0xFE0F)
                    || c == 0x200D
                    || c == 0xFFFE || c == 0xFFFF) {
                return false;
            }
        }
        return true;
    }

    /**
     * Text that cannot be stored as it came: a lone surrogate would become '?' in UTF-8, and PostgreSQL refuses
     * NUL. Used for URLs, which may otherwise hold any character.
     */
    static boolean isStorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 length without encoding; a surrogate pair counts four bytes. */
    static int utf8Length(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The longest prefix of {@code value} that fits in {@code maxBytes}, cut between code points. */
    static String truncateToBytes(String value, int maxBytes) {
        if (utf8Length(value) <= maxBytes) {
            return value;
        }
        int end = 0;
        int bytes = 0;
        while (end < value.length()) {
            int cp = value.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return value.substring(0, end);
    }
}
