package io.openvod.gateway.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw malformed(parameter);
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed(parameter);
                }
                bytes.write((hi << 4) | lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        return strictUtf8(bytes.toByteArray(), parameter);
    }

    /** Raw bytes that are not UTF-8 would otherwise turn silently into U+FFFD and be stored that way. */
    public static String strictUtf8(byte[] bytes, String parameter) {
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

    private static ApiException malformed(String parameter) {
        String name = parameter == null ? "ParameterName" : parameter;
        return ApiError.invalidParameter(name, "It is not valid percent-encoded UTF-8.").exception();
    }
}
