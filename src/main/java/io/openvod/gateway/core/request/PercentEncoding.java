package io.openvod.gateway.core.request;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Syntax checks of percent-encoded text (a URL path or query) before anything decodes it, so that a malformed
 * escape is answered by us and not by the HTTP framework's decoder, which answers with an empty page or a stack
 * trace.
 */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    /** Every {@code %} is followed by two hexadecimal digits. */
    public static boolean isWellFormed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decoded ({@code +} stays a plus, as in a path), the text is valid UTF-8 without control characters. Assumes
     * {@link #isWellFormed}.
     */
    public static boolean decodesToPlainText(String text) {
        byte[] bytes = new byte[text.length() * 3];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                bytes[n++] = (byte) Integer.parseInt(text, i + 1, i + 3, 16);
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(encoded, 0, bytes, n, encoded.length);
                n += encoded.length;
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return decoded.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7F);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
