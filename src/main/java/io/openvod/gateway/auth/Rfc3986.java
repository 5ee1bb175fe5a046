package io.openvod.gateway.auth;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding both signature versions canonicalise with (vod-api.md §2.3): UTF-8, unreserved
 * {@code A-Z a-z 0-9 - _ . ~} kept, everything else {@code %XX} with uppercase hex. Unlike form encoding, a
 * space is {@code %20} and {@code *} is {@code %2A}.
 */
public final class Rfc3986 {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Rfc3986() {
    }

    public static String encode(String text) {
        if (isUnreserved(text)) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isUnreserved(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
