package io.openvod.gateway.core.signature;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding both signature versions canonicalise with (docs/vod-api.md §2.3): UTF-8, unreserved
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
        char[] out = new char[bytes.length * 3];
        int n = 0;
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out[n++] = (char) c;
            } else {
                out[n++] = '%';
                out[n++] = HEX[c >> 4];
                out[n++] = HEX[c & 0xF];
            }
        }
        return new String(out, 0, n);
    }

    /**
     * Appends {@code encode(encode(text))} in one pass: what the v1 string to sign holds for each name and value,
     * since the canonical query is encoded once more as a whole. An escape {@code %XX} becomes {@code %25XX}.
     */
    public static void appendEncodedTwice(StringBuilder out, String text) {
        if (isUnreserved(text)) {
            out.append(text);
            return;
        }
        // Straight into the builder, with no byte or char array per value: RegisterMetadatas made those arrays
        // the largest allocation of a call. Only non-ASCII characters go through a (small) UTF-8 encoding.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                appendByteEncodedTwice(out, c);
                continue;
            }
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            int end = pair ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                appendByteEncodedTwice(out, b & 0xFF);
            }
            i = end - 1;
        }
    }

    private static void appendByteEncodedTwice(StringBuilder out, int b) {
        if (isUnreserved(b)) {
            out.append((char) b);
        } else {
            out.append('%').append('2').append('5').append(HEX[b >> 4]).append(HEX[b & 0xF]);
        }
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
