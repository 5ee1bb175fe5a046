package io.openvod.gateway.core.request;

import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.envelope.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (query strings and form bodies) strictly.
 * SDKs disagree on the wire encoding ({@code +} or {@code %20} for a space, raw or encoded {@code *} and
 * {@code ~}), so values are decoded with form semantics and never signed as they came.
 */
public final class FormCodec {

    private FormCodec() {
    }

    /** Receives one pair: its decoded name, and where its still-encoded value stands in the text. */
    @FunctionalInterface
    public interface PairSink {
        void accept(String name, String text, int valueStart, int valueEnd);
    }

    /**
     * Calls {@code sink} with each pair, in order: the name decoded, the value left encoded for {@link #decode(String,
     * int, int, String)} to decode when it is read. A pair without {@code =} has the empty value.
     *
     * @throws ApiException InvalidParameter when a name's percent-encoding or UTF-8 is malformed
     */
    public static void split(String encoded, PairSink sink) {
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
                boolean hasValue = eq >= 0 && eq < end;
                String name = decode(encoded, start, hasValue ? eq : end, null);
                if (!name.isEmpty()) {
                    sink.accept(name, encoded, hasValue ? eq + 1 : end, end);
                }
            }
            start = end + 1;
        }
    }

    /**
     * Decodes {@code text[start, end)}; {@code parameter} names it in the error.
     *
     * @throws ApiException InvalidParameter when the percent-encoding or UTF-8 is malformed
     */
    public static String decode(String text, int start, int end, String parameter) {
        if (firstEscape(text, start, end) == end) {
            return text.substring(start, end);
        }
        // Hot path (RegisterMetadatas is mostly escapes): one byte array, no per-character allocation. Escapes only
        // shrink the text; the array grows only for raw non-ASCII characters, which clients rarely send.
        byte[] bytes = new byte[end - start];
        int n = 0;
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (n + 4 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, n + 4));
            }
            if (c == '+') {
                bytes[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= end) {
                    throw malformed(parameter);
                }
                int hi = hexValue(text.charAt(i + 1));
                int lo = hexValue(text.charAt(i + 2));
                if ((hi | lo) < 0) {
                    throw malformed(parameter);
                }
                bytes[n] = (byte) ((hi << 4) | lo);
                ascii &= bytes[n++] >= 0;
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                // A raw non-ASCII character (rare: clients escape them); a pair keeps its two halves together.
                int charEnd = Character.isHighSurrogate(c) && i + 1 < end ? i + 2 : i + 1;
                byte[] utf8 = text.substring(i, charEnd).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
                ascii = false;
                i = charEnd - 1;
            }
        }
        return ascii ? new String(bytes, 0, n, StandardCharsets.ISO_8859_1)
                : strictUtf8(Arrays.copyOf(bytes, n), parameter);
    }

    private static int firstEscape(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '+') {
                return i;
            }
        }
        return end;
    }

    /** The value of a hex digit, or -1: Character.digit also accepts non-ASCII digits, and costs more. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
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
