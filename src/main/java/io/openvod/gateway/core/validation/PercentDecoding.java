package io.openvod.gateway.core.validation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The decoded form of a URL path, so that {@code a%20b.mp4} and {@code a b.mp4} name one object. Each run of
 * {@code %XX} escapes is decoded as UTF-8. A run that is not valid UTF-8, or that decodes to a control character
 * (PostgreSQL cannot store NUL; no object key holds a line break), stays encoded with its hex digits upper-cased, so
 * every spelling of it is still one key. A {@code %} without two hex digits after it is an ordinary character;
 * {@code +} is an ordinary character in a path. The Flyway migration V5 applies the same rule to stored rows.
 */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    public static String decode(String path) {
        int first = path.indexOf('%');
        if (first < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length()).append(path, 0, first);
        int i = first;
        while (i < path.length()) {
            int runEnd = i;
            while (isEscape(path, runEnd)) {
                runEnd += 3;
            }
            if (runEnd == i) {
                out.append(path.charAt(i++));
            } else {
                out.append(decodeRun(path.substring(i, runEnd)));
                i = runEnd;
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String path, int at) {
        return at + 2 < path.length() && path.charAt(at) == '%'
                && Character.digit(path.charAt(at + 1), 16) >= 0 && path.charAt(at + 1) < 0x80
                && Character.digit(path.charAt(at + 2), 16) >= 0 && path.charAt(at + 2) < 0x80;
    }

    private static String decodeRun(String run) {
        byte[] bytes = new byte[run.length() / 3];
        for (int b = 0; b < bytes.length; b++) {
            bytes[b] = (byte) Integer.parseInt(run.substring(b * 3 + 1, b * 3 + 3), 16);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer decoded = utf8.decode(ByteBuffer.wrap(bytes));
            for (int c = 0; c < decoded.length(); c++) {
                if (Character.isISOControl(decoded.charAt(c))) {
                    return run.toUpperCase(Locale.ROOT);
                }
            }
            return decoded.toString();
        } catch (CharacterCodingException e) {
            return run.toUpperCase(Locale.ROOT);
        }
    }
}
