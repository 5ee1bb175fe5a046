package io.openvod.gateway.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (query strings and form bodies) strictly.
 * SDKs disagree on the wire encoding ({@code +} or {@code %20} for a space, raw or encoded {@code *} and
 * {@code ~}), so values are decoded with form semantics and never signed as they came.
 */
public final class FormCodec {

    private FormCodec() {
    }

    /**
     * Calls {@code sink} with each decoded name and value, in order. A pair without {@code =} has the empty value.
     *
     * @throws ApiException InvalidParameter when percent-encoding or UTF-8 is malformed
     */
    public static void decode(String encoded, BiConsumer<String, String> sink) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        int start = 0;
        while (start <= encoded.length()) {
            int end = encoded.indexOf('&', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (end > start) {
                int eq = encoded.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = decodeComponent(encoded.substring(start, end), null);
                    value = "";
                } else {
                    name = decodeComponent(encoded.substring(start, eq), null);
                    value = decodeComponent(encoded.substring(eq + 1, end), name);
                }
                if (!name.isEmpty()) {
                    sink.accept(name, value);
                }
            }
            start = end + 1;
        }
    }

    static String decodeComponent(String text, String parameter) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        // Hot path (RegisterMetadatas is mostly escapes): one byte array, no per-character allocation. Escapes only
        // shrink the text; the array grows only for raw non-ASCII characters, which clients rarely send.
        byte[] bytes = new byte[text.length()];
        int n = 0;
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (n + 4 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, n + 4));
            }
            if (c == '+') {
                bytes[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw malformed(parameter);
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed(parameter);
                }
                bytes[n] = (byte) ((hi << 4) | lo);
                ascii &= bytes[n++] >= 0;
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                // A raw non-ASCII character (rare: clients escape them); a pair keeps its two halves together.
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                byte[] utf8 = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
                ascii = false;
                i = end - 1;
            }
        }
        return ascii ? new String(bytes, 0, n, StandardCharsets.ISO_8859_1)
                : strictUtf8(Arrays.copyOf(bytes, n), parameter);
    }

    /** Raw bytes that are not UTF-8 would otherwise turn silently into U+FFFD and be stored that way. */
    public static String strictUtf8(byte[] bytes, String parameter) {
        if (isAscii(bytes)) {
            // What SDKs send: percent-encoded forms are ASCII, and ASCII needs no decoder.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(parameter);
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static ApiException malformed(String parameter) {
        String name = parameter == null ? "ParameterName" : parameter;
        return ApiError.invalidParameter(name, "It is not valid percent-encoded UTF-8.").exception();
    }
}
